using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Server;

/// <summary>How <c>sitrep serve</c> runs: where it listens, who may write, which other origins may call it.</summary>
public sealed record SitrepServerOptions
{
    /// <summary>The default request body limit: 4 MiB, far above a news article and its HTML page.</summary>
    public const long DefaultMaxRequestBodyBytes = 4 * 1024 * 1024;

    /// <summary>Where to listen; loopback only unless told otherwise.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>SHA-256 of the API key writes need (<c>X-Api-Key</c>); null: writes are refused.</summary>
    public ImmutableArray<byte> ApiKeyHash { get; init; }

    /// <summary>Origins allowed to call the API from a browser; empty (the default): no CORS headers at all.</summary>
    public ImmutableArray<string> CorsOrigins { get; init; } = [];

    public long MaxRequestBodyBytes { get; init; } = DefaultMaxRequestBodyBytes;

    /// <summary>Only the hash of the key is kept, so the key itself is not in memory for the life of the server.</summary>
    public static ImmutableArray<byte> HashApiKey(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return [.. SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim()))];
    }
}

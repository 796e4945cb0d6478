using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Sitrep.Server;

/// <summary>
/// The check on write endpoints: the <c>X-Api-Key</c> header, hashed with SHA-256 and compared in constant time
/// with the configured hash (<see cref="CryptographicOperations.FixedTimeEquals"/>), so neither the comparison's
/// time nor a memory dump gives the key away.
/// </summary>
internal sealed class ApiKey(SitrepServerOptions options) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (options.ApiKeyHash.IsDefaultOrEmpty)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden, title: "Writes are disabled",
                detail: "This server was started without an API key (--api-key-file or SITREP_API_KEY), so it stores nothing.");
        }

        string? given = context.HttpContext.Request.Headers[HeaderName];
        if (string.IsNullOrEmpty(given) || !Matches(given))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "ApiKey header=\"" + HeaderName + "\"";
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized, title: "API key missing or wrong",
                detail: $"Writes need the server's API key in the {HeaderName} header.");
        }

        return await next(context).ConfigureAwait(false);
    }

    private bool Matches(string given)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(given.Trim()), hash);
        return CryptographicOperations.FixedTimeEquals(hash, options.ApiKeyHash.AsSpan());
    }
}

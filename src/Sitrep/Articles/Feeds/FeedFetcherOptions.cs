namespace Sitrep.Articles.Feeds;

/// <summary>How <see cref="FeedFetcher"/> fetches: patiently, politely and within bounds.</summary>
public sealed record FeedFetcherOptions
{
    /// <summary>The User-Agent sent with every request, so that a site knows who is reading its feed.</summary>
    public const string DefaultUserAgent = "Sitrep/1.0 (news event extraction; feed reader)";

    /// <summary>How long one attempt may take, headers and body together.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts after the first one for a transient failure (5xx, 408, 429, time-out, connection error).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The wait before the first retry, doubled before each next one (unless the server's Retry-After asks for longer).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest Retry-After honoured; a server that asks for longer makes the fetch fail with its reason.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>At most one request to a host per this interval, retries included.</summary>
    public TimeSpan PerHostInterval { get; init; } = TimeSpan.FromMilliseconds(1000);

    /// <summary>The largest body read (after decompression); a larger one fails the fetch.</summary>
    public long MaxResponseBytes { get; init; } = 16 * 1024 * 1024;

    public string UserAgent { get; init; } = DefaultUserAgent;
}

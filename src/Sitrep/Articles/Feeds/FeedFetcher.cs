using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Sitrep.Articles.Feeds;

/// <summary>A fetched document: its bytes, the address it came from after redirects, and the charset its Content-Type names.</summary>
public sealed record FetchedDocument(Uri Address, byte[] Body, string? Charset);

/// <summary>
/// Fetches feeds and OPML lists over http and https (no other scheme): each attempt within
/// <see cref="FeedFetcherOptions.Timeout"/>, transient failures (5xx, 408, 429, time-outs, connection errors) retried
/// up to <see cref="FeedFetcherOptions.MaxRetries"/> times with exponential backoff or the server's Retry-After,
/// at most one request per host per <see cref="FeedFetcherOptions.PerHostInterval"/>, bodies refused past
/// <see cref="FeedFetcherOptions.MaxResponseBytes"/>. Failures are <see cref="ArticleReadException"/>s with a one-line reason.
/// Thread-safe; waits go through the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class FeedFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly FeedFetcherOptions _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, DateTimeOffset> _nextSlot = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _slots = new();

    /// <summary>A fetcher with its own HTTP handler, or <paramref name="handler"/> (which it then does not dispose).</summary>
    public FeedFetcher(FeedFetcherOptions? options = null, TimeProvider? timeProvider = null, HttpMessageHandler? handler = null)
    {
        _options = options ?? new FeedFetcherOptions();
        _time = timeProvider ?? TimeProvider.System;
        _client = handler is null
            ? new HttpClient(new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                AllowAutoRedirect = true,
                MaxAutomaticRedirections = 5,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            : new HttpClient(handler, disposeHandler: false);
        _client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(_options.UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/rdf+xml, text/x-opml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
    }

    /// <summary>Whether <paramref name="input"/> is an address to fetch rather than a path: it starts with http:// or https://.</summary>
    public static bool IsAddress(string input) =>
        input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public async Task<FetchedDocument> FetchAsync(Uri address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.IsAbsoluteUri || address.Scheme is not ("http" or "https"))
        {
            throw new ArticleReadException($"only http and https addresses are fetched, not '{address.OriginalString}'");
        }

        for (int attempt = 0; ; attempt++)
        {
            await WaitForTurnAsync(address, cancellationToken).ConfigureAwait(false);
            string failure;
            TimeSpan? retryAfter = null;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, address);
                using HttpResponseMessage response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    Uri final = response.RequestMessage?.RequestUri ?? address;
                    byte[] body = await ReadBodyAsync(response, timeout.Token).ConfigureAwait(false);
                    return new FetchedDocument(final, body, response.Content.Headers.ContentType?.CharSet);
                }

                failure = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
                if (!IsTransient(status))
                {
                    throw new ArticleReadException(failure);
                }

                retryAfter = RetryAfter(response.Headers.RetryAfter);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"no complete response within {Seconds(_options.Timeout)}";
            }
            catch (HttpRequestException e)
            {
                failure = e.Message.TrimEnd('.');
            }

            if (attempt >= _options.MaxRetries)
            {
                throw new ArticleReadException(attempt == 0 ? failure : $"{failure} (gave up after {attempt + 1} attempts)");
            }

            TimeSpan delay = _options.RetryDelay * Math.Pow(2, attempt);
            if (retryAfter is TimeSpan asked)
            {
                if (asked > _options.MaxRetryAfter)
                {
                    throw new ArticleReadException($"{failure}: the server asks to retry after {Seconds(asked)}, longer than the {Seconds(_options.MaxRetryAfter)} allowed");
                }

                delay = asked > delay ? asked : delay;
            }

            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Server errors, request time-outs and "too many requests" may pass; other statuses will not.</summary>
    private static bool IsTransient(int status) => status is >= 500 or 408 or 429;

    /// <summary>Retry-After as seconds or as an HTTP date (then counted from now); null when absent.</summary>
    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is TimeSpan delta)
        {
            return delta;
        }

        if (header?.Date is DateTimeOffset date)
        {
            TimeSpan wait = date - _time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>Reserves the next free slot for the host, then waits for it: concurrent callers queue one interval apart.</summary>
    private async Task WaitForTurnAsync(Uri address, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_slots)
        {
            DateTimeOffset now = _time.GetUtcNow();
            DateTimeOffset slot = _nextSlot.TryGetValue(address.IdnHost, out DateTimeOffset next) && next > now ? next : now;
            _nextSlot[address.IdnHost] = slot + _options.PerHostInterval;
            wait = slot - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        long limit = _options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength is long length && length > limit)
        {
            throw new ArticleReadException($"the response is {length:N0} bytes, more than the {limit:N0} allowed");
        }

        Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            byte[] buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > limit)
                {
                    throw new ArticleReadException($"the response is larger than the {limit:N0} bytes allowed");
                }

                body.Write(buffer, 0, read);
            }

            return body.ToArray();
        }
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}

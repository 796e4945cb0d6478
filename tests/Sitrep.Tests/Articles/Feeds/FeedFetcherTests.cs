using System.Text;
using Microsoft.AspNetCore.Http;
using Sitrep.Articles;
using Sitrep.Articles.Feeds;

namespace Sitrep.Tests.Articles.Feeds;

/// <summary><see cref="FeedFetcher"/> against a real HTTP server on the loopback interface; waits go through a fast-forward clock.</summary>
public sealed class FeedFetcherTests
{
    private const string Feed = "<rss version=\"2.0\"><channel><item><title>Un</title><description>Un texte.</description></item></channel></rss>";

    private static readonly FeedFetcherOptions Quick = new() { RetryDelay = TimeSpan.FromMilliseconds(100), PerHostInterval = TimeSpan.Zero };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Task Reply(HttpContext context, int status, string body = Feed)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        return context.Response.WriteAsync(body, Token);
    }

    [Fact]
    public async Task A_feed_is_fetched_with_a_user_agent_naming_sitrep()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Reply(context, 200));
        using var fetcher = new FeedFetcher(Quick, new FastForwardTimeProvider());

        FetchedDocument fetched = await fetcher.FetchAsync(new Uri(server.Address, "/rss"), Token);

        Assert.Equal(Feed, Encoding.UTF8.GetString(fetched.Body));
        Assert.Equal(new Uri(server.Address, "/rss"), fetched.Address);
        Assert.Equal("utf-8", fetched.Charset);
        Assert.StartsWith("Sitrep/", Assert.Single(server.UserAgents), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_503_is_retried_with_growing_backoff_until_the_feed_comes()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, before) => Reply(context, before < 2 ? 503 : 200));
        var clock = new FastForwardTimeProvider();
        using var fetcher = new FeedFetcher(Quick, clock);

        FetchedDocument fetched = await fetcher.FetchAsync(new Uri(server.Address, "/rss"), Token);

        Assert.Equal(Feed, Encoding.UTF8.GetString(fetched.Body));
        Assert.Equal(3, server.Requests("/rss"));
        Assert.Equal([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)], clock.Waits);
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_failure_says_how_many_attempts_were_made()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Reply(context, 503, "busy"));
        using var fetcher = new FeedFetcher(Quick with { MaxRetries = 2 }, new FastForwardTimeProvider());

        ArticleReadException e = await Assert.ThrowsAsync<ArticleReadException>(() => fetcher.FetchAsync(new Uri(server.Address, "/rss"), Token));

        Assert.Equal("HTTP 503 Service Unavailable (gave up after 3 attempts)", e.Message);
        Assert.Equal(3, server.Requests("/rss"));
    }

    [Fact]
    public async Task A_429_waits_as_long_as_its_retry_after_asks()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, before) =>
        {
            if (before == 0)
            {
                context.Response.Headers.RetryAfter = "7";
                return Reply(context, 429, "slow down");
            }

            return Reply(context, 200);
        });
        var clock = new FastForwardTimeProvider();
        using var fetcher = new FeedFetcher(Quick, clock);

        await fetcher.FetchAsync(new Uri(server.Address, "/rss"), Token);

        Assert.Equal([TimeSpan.FromSeconds(7)], clock.Waits);
        Assert.Equal(2, server.Requests("/rss"));
    }

    [Fact]
    public async Task A_retry_after_longer_than_allowed_fails_at_once()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.Headers.RetryAfter = "86400";
            return Reply(context, 429, "come back tomorrow");
        });
        using var fetcher = new FeedFetcher(Quick, new FastForwardTimeProvider());

        ArticleReadException e = await Assert.ThrowsAsync<ArticleReadException>(() => fetcher.FetchAsync(new Uri(server.Address, "/rss"), Token));

        Assert.Equal("HTTP 429 Too Many Requests: the server asks to retry after 86400 s, longer than the 120 s allowed", e.Message);
        Assert.Equal(1, server.Requests("/rss"));
    }

    [Fact]
    public async Task A_404_is_not_retried()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Reply(context, 404, "no such feed"));
        using var fetcher = new FeedFetcher(Quick, new FastForwardTimeProvider());

        ArticleReadException e = await Assert.ThrowsAsync<ArticleReadException>(() => fetcher.FetchAsync(new Uri(server.Address, "/rss"), Token));

        Assert.Equal("HTTP 404 Not Found", e.Message);
        Assert.Equal(1, server.Requests("/rss"));
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_is_retried_then_given_up()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            await Reply(context, 200);
        });
        using var fetcher = new FeedFetcher(Quick with { Timeout = TimeSpan.FromMilliseconds(300), MaxRetries = 1 }, new FastForwardTimeProvider());

        ArticleReadException e = await Assert.ThrowsAsync<ArticleReadException>(() => fetcher.FetchAsync(new Uri(server.Address, "/slow"), Token));

        Assert.Equal("no complete response within 0.3 s (gave up after 2 attempts)", e.Message);
        Assert.Equal(2, server.Requests("/slow"));
    }

    [Theory]
    [InlineData(true, "the response is 5,000 bytes, more than the 1,000 allowed")]
    [InlineData(false, "the response is larger than the 1,000 bytes allowed")]
    public async Task A_body_over_the_size_limit_is_refused(bool declaresLength, string expected)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            byte[] body = Encoding.ASCII.GetBytes(new string('x', 5000));
            if (declaresLength)
            {
                context.Response.ContentLength = body.Length;
            }

            await context.Response.Body.WriteAsync(body, Token);
        });
        using var fetcher = new FeedFetcher(Quick with { MaxResponseBytes = 1000 }, new FastForwardTimeProvider());

        ArticleReadException e = await Assert.ThrowsAsync<ArticleReadException>(() => fetcher.FetchAsync(new Uri(server.Address, "/big"), Token));

        Assert.Equal(expected, e.Message);
        Assert.Equal(1, server.Requests("/big"));
    }

    [Fact]
    public async Task Requests_to_one_host_are_spaced_by_the_per_host_interval()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Reply(context, 200));
        var clock = new FastForwardTimeProvider();
        using var fetcher = new FeedFetcher(Quick with { PerHostInterval = TimeSpan.FromMilliseconds(1000) }, clock);

        await fetcher.FetchAsync(new Uri(server.Address, "/a"), Token);
        await fetcher.FetchAsync(new Uri(server.Address, "/b"), Token);
        await fetcher.FetchAsync(new Uri(server.Address, "/c"), Token);

        Assert.Equal([TimeSpan.FromMilliseconds(1000), TimeSpan.FromMilliseconds(1000)], clock.Waits);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://ftp.example/feed.xml")]
    public async Task Only_http_and_https_are_fetched(string address)
    {
        using var fetcher = new FeedFetcher(Quick, new FastForwardTimeProvider());

        ArticleReadException e = await Assert.ThrowsAsync<ArticleReadException>(() => fetcher.FetchAsync(new Uri(address), Token));

        Assert.StartsWith("only http and https addresses are fetched", e.Message, StringComparison.Ordinal);
    }
}

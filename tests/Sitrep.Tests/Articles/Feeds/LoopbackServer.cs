using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Sitrep.Tests.Articles.Feeds;

/// <summary>A Kestrel server on a free loopback port that answers with <c>respond</c>, which gets the request and how many requests came to its path before it.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    private LoopbackServer(Func<HttpContext, int, Task> respond)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(context =>
        {
            string path = context.Request.Path.Value ?? "/";
            int before = _counts.AddOrUpdate(path, 1, (_, n) => n + 1) - 1;
            UserAgents.Enqueue(context.Request.Headers.UserAgent.ToString());
            return respond(context, before);
        });
    }

    public Uri Address { get; private set; } = null!;

    public ConcurrentQueue<string> UserAgents { get; } = new();

    public int Requests(string path) => _counts.GetValueOrDefault(path);

    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, int, Task> respond)
    {
        var server = new LoopbackServer(respond);
        await server._app.StartAsync(TestContext.Current.CancellationToken);
        server.Address = new Uri(server._app.Urls.Single());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}

/// <summary>
/// A clock that never makes anyone wait: a timer fires at once and moves the clock on by its due time, and every
/// wait asked for is recorded. Lets tests check the backoff, Retry-After and per-host delays without sleeping.
/// </summary>
internal sealed class FastForwardTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = new(2022, 5, 14, 9, 30, 0, TimeSpan.Zero);

    public List<TimeSpan> Waits { get; } = [];

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            Waits.Add(dueTime);
            _now += dueTime;
        }

        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new NoTimer();
    }

    private sealed class NoTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

using System.Net;
using System.Text;

namespace Sitrep.Worker;

/// <summary>
/// <c>GET /metrics</c> (Prometheus text) and <c>GET /health</c> on a small <see cref="HttpListener"/>: a worker needs
/// no web framework for two read-only routes.
/// </summary>
public sealed class MetricsEndpoint : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly WorkerMetrics _metrics;
    private readonly Task _loop;

    /// <summary>Starts listening on <paramref name="host"/> (127.0.0.1 by default; 0.0.0.0 for every address) and <paramref name="port"/>.</summary>
    public MetricsEndpoint(WorkerMetrics metrics, string host, int port)
    {
        _metrics = metrics;
        string bound = host is "0.0.0.0" or "*" or "::" ? "+" : host;
        _listener.Prefixes.Add($"http://{bound}:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                (int status, string body, string type) = context.Request.Url?.AbsolutePath switch
                {
                    "/metrics" => (200, _metrics.ToPrometheusText(), "text/plain; version=0.0.4; charset=utf-8"),
                    "/health" => (200, "ok\n", "text/plain; charset=utf-8"),
                    _ => (404, "not found: /metrics or /health\n", "text/plain; charset=utf-8"),
                };
                byte[] bytes = Encoding.UTF8.GetBytes(body);
                context.Response.StatusCode = status;
                context.Response.ContentType = type;
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The scraper went away mid-response: nothing to do.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(false);
    }
}

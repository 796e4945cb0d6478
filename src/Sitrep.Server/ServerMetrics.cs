using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sitrep.Server;

/// <summary>
/// Counters for <c>GET /metrics</c> in the Prometheus text format: requests and their total seconds per route and
/// status, articles extracted and ingested. Kept in the process; they start at zero when the server starts.
/// </summary>
public sealed class ServerMetrics
{
    private readonly ConcurrentDictionary<(string Route, int Status), Counter> _requests = new();
    private long _extracted;
    private long _ingested;
    private long _ingestFailures;

    public void CountExtracted() => Interlocked.Increment(ref _extracted);

    public void CountIngested(int stored, int failed)
    {
        Interlocked.Add(ref _ingested, stored);
        Interlocked.Add(ref _ingestFailures, failed);
    }

    internal async Task MeasureAsync(HttpContext context, RequestDelegate next)
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            // The route pattern, not the path: /api/articles/{**id} is one series, whatever the ids asked for.
            string route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? (context.GetEndpoint() is null ? "unmatched" : "static");
            Counter counter = _requests.GetOrAdd((route, context.Response.StatusCode), _ => new Counter());
            counter.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>The counters in the Prometheus text exposition format (version 0.0.4).</summary>
    public string ToPrometheusText()
    {
        var text = new StringBuilder();
        text.Append("# HELP sitrep_http_requests_total HTTP requests answered, by route pattern and status.\n# TYPE sitrep_http_requests_total counter\n");
        var rows = _requests.OrderBy(r => r.Key.Route, StringComparer.Ordinal).ThenBy(r => r.Key.Status).ToArray();
        foreach (var ((route, status), counter) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"sitrep_http_requests_total{{route=\"{Escape(route)}\",status=\"{status}\"}} {counter.Count}\n");
        }

        text.Append("# HELP sitrep_http_request_seconds_total Time spent answering, by route pattern and status.\n# TYPE sitrep_http_request_seconds_total counter\n");
        foreach (var ((route, status), counter) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"sitrep_http_request_seconds_total{{route=\"{Escape(route)}\",status=\"{status}\"}} {counter.Seconds:0.######}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"# HELP sitrep_articles_extracted_total Articles extracted by POST /api/extract.\n# TYPE sitrep_articles_extracted_total counter\nsitrep_articles_extracted_total {Interlocked.Read(ref _extracted)}\n");
        text.Append(CultureInfo.InvariantCulture, $"# HELP sitrep_articles_ingested_total Articles stored by POST /api/articles (new or updated).\n# TYPE sitrep_articles_ingested_total counter\nsitrep_articles_ingested_total {Interlocked.Read(ref _ingested)}\n");
        text.Append(CultureInfo.InvariantCulture, $"# HELP sitrep_articles_ingest_failures_total Articles POST /api/articles could not read, extract or store.\n# TYPE sitrep_articles_ingest_failures_total counter\nsitrep_articles_ingest_failures_total {Interlocked.Read(ref _ingestFailures)}\n");
        return text.ToString();
    }

    private static string Escape(string label) => label.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private sealed class Counter
    {
        private readonly Lock _lock = new();

        public long Count { get; private set; }

        public double Seconds { get; private set; }

        public void Add(double seconds)
        {
            lock (_lock)
            {
                Count++;
                Seconds += seconds;
            }
        }
    }
}

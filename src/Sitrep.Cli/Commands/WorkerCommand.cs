using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Sitrep.Articles;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Sitrep.Worker;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep worker --nats URL --store LOCATION</c>: a stateless extraction worker. It pulls articles that
/// <c>sitrep ingest --to nats://…</c> queued, extracts and stores them as <c>sitrep ingest</c> would, and acknowledges
/// each once stored; run as many as the machines allow, against one store (PostgreSQL for several machines).
/// Ctrl-C or SIGTERM stops pulling and lets in-flight articles finish or gives them back (see <see cref="ArticleWorker"/>).
/// </summary>
internal static class WorkerCommand
{
    public const string NatsEnvironmentVariable = "SITREP_NATS";

    public static Command Create()
    {
        var nats = NatsOption();
        var store = StoreLocation.CreateOption();
        var concurrency = new Option<int>("--concurrency") { Description = "Articles processed at once by this worker.", DefaultValueFactory = _ => 1 };
        var maxDeliver = new Option<int>("--max-deliver") { Description = "Attempts at an article before it goes to the dead-letter subject.", DefaultValueFactory = _ => 5 };
        var ackWait = new Option<double>("--ack-wait") { Description = "Seconds before an unacknowledged article (its worker died) is delivered again.", DefaultValueFactory = _ => 60 };
        // System.CommandLine ends the process 2 s after Ctrl-C or SIGTERM: in-flight work gets a little less than that.
        var shutdownTimeout = new Option<double>("--shutdown-timeout") { Description = "Seconds in-flight articles may take after Ctrl-C/SIGTERM before they are given back (at most 1.5).", DefaultValueFactory = _ => 1.5 };
        var idleExit = new Option<double?>("--idle-exit") { Description = "Stop once no article came for this many seconds (batch runs, benchmarks); default: run until stopped." };
        var metricsPort = new Option<int>("--metrics-port") { Description = "Serve GET /metrics (Prometheus text) and /health on this port; 0: none.", DefaultValueFactory = _ => 0 };
        var metricsHost = new Option<string>("--metrics-host") { Description = "Address the metrics endpoint listens on (0.0.0.0: every address).", DefaultValueFactory = _ => "127.0.0.1" };

        var command = new Command("worker", "Consume articles from a NATS JetStream work queue, extract and store them (scale-out worker).")
        {
            nats, store, concurrency, maxDeliver, ackWait, shutdownTimeout, idleExit, metricsPort, metricsHost,
        };
        command.SetAction((parse, cancellationToken) => Run(
            ResolveNats(parse.GetValue(nats)),
            StoreLocation.Resolve(parse.GetValue(store)),
            new ArticleQueueOptions
            {
                MaxDeliver = parse.GetValue(maxDeliver),
                AckWait = TimeSpan.FromSeconds(parse.GetValue(ackWait)),
            },
            parse.GetValue(concurrency),
            parse.GetValue(shutdownTimeout),
            parse.GetValue(idleExit),
            parse.GetValue(metricsPort),
            parse.GetValue(metricsHost)!,
            cancellationToken));
        return command;
    }

    /// <summary>The <c>--nats</c> option shared with <c>ingest --to</c>'s environment default.</summary>
    public static Option<string?> NatsOption() => new("--nats")
    {
        Description = $"The NATS server, e.g. nats://127.0.0.1:4222 (default: ${NatsEnvironmentVariable}, else nats://127.0.0.1:4222).",
    };

    public static string ResolveNats(string? option) =>
        !string.IsNullOrWhiteSpace(option) ? option
        : Environment.GetEnvironmentVariable(NatsEnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : "nats://127.0.0.1:4222";

    private static async Task<int> Run(string natsUrl, string location, ArticleQueueOptions queue, int concurrency, double shutdownSeconds, double? idleSeconds, int metricsPort, string metricsHost, CancellationToken cancellationToken)
    {
        if (concurrency is < 1 or > 256)
        {
            return CliExit.Fail($"--concurrency: {concurrency} is not between 1 and 256");
        }

        if (queue.MaxDeliver < 1)
        {
            return CliExit.Fail($"--max-deliver: {queue.MaxDeliver} is not 1 or more");
        }

        if (!(queue.AckWait.TotalSeconds is >= 1 and <= 86_400))
        {
            return CliExit.Fail("--ack-wait: not a number of seconds between 1 and 86400");
        }

        if (!(shutdownSeconds is >= 0 and <= 1.5))
        {
            return CliExit.Fail("--shutdown-timeout: not a number of seconds between 0 and 1.5");
        }

        if (idleSeconds is { } idle && !(idle is > 0 and <= 86_400))
        {
            return CliExit.Fail("--idle-exit: not a number of seconds between 0 and 86400");
        }

        if (metricsPort is < 0 or > 65_535)
        {
            return CliExit.Fail($"--metrics-port: {metricsPort} is not a port");
        }

        var options = new ArticleWorkerOptions
        {
            Concurrency = concurrency,
            ShutdownTimeout = TimeSpan.FromSeconds(shutdownSeconds),
            IdleExit = idleSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        };
        var metrics = new WorkerMetrics();
        try
        {
            await using IDocumentStore store = StoreLocation.Open(location);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            await using var connection = new NatsConnection(new NatsOpts { Url = natsUrl, Name = "sitrep-worker" });
            await connection.ConnectAsync().ConfigureAwait(false);
            var js = new NatsJSContext(connection);
            await using MetricsEndpoint? endpoint = metricsPort > 0 ? new MetricsEndpoint(metrics, metricsHost, metricsPort) : null;
            // Models load on first use: load them before pulling, so the first article is not held for seconds.
            WarmUp();
            var worker = new ArticleWorker(js, new ArticleIngestor(SitrepExtractor.Default, store), queue, options, metrics, message => Console.Error.WriteLine($"sitrep worker: {message}"));
            Console.Error.WriteLine($"sitrep worker: consuming {queue.Stream} on {natsUrl} into {store.Location}" + (endpoint is null ? "" : $"; metrics on http://{metricsHost}:{metricsPort}/metrics"));
            await worker.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped before the first pull (while connecting or migrating): nothing was taken from the queue.
        }
        catch (NatsException e)
        {
            return CliExit.Fail($"{natsUrl}: {e.Message}");
        }
        catch (Exception e) when (e is DocumentStoreException or DbException or UnauthorizedAccessException)
        {
            return CliExit.Fail($"{StoreLocation.Describe(location)}: {e.Message}");
        }
        catch (System.Net.HttpListenerException e)
        {
            return CliExit.Fail($"--metrics-port {metricsPort}: {e.Message}");
        }

        Console.Error.WriteLine($"sitrep worker: {Summary(metrics)}");
        return CliExit.Success;
    }

    private static void WarmUp()
    {
        foreach ((string text, string language) in new[] { ("Le préfet a annoncé lundi l'évacuation de Lyon.", "fr"), ("The mayor of London said on Monday that two people died.", "en") })
        {
            SitrepExtractor.Default.Extract(new Article { Text = text, Language = language, Published = new PublicationDate(new DateOnly(2024, 1, 1)) });
        }
    }

    /// <summary>One line, parsed by scripts/bench-workers.sh: keep its key=value words.</summary>
    private static string Summary(WorkerMetrics metrics)
    {
        double active = metrics.FirstMessageAt is { } first && metrics.LastDoneAt is { } last ? (last - first).TotalSeconds : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"processed={metrics.Processed} stored={metrics.Stored} duplicates={metrics.Duplicates} failed={metrics.Failed} dead_lettered={metrics.DeadLettered} returned={metrics.Returned} store_errors={metrics.StoreErrors} busy_s={metrics.BusySeconds:0.###} cpu_s={metrics.CpuSinceFirstMessage.TotalSeconds:0.###} first_ms={metrics.FirstMessageAt?.ToUnixTimeMilliseconds() ?? 0} last_ms={metrics.LastDoneAt?.ToUnixTimeMilliseconds() ?? 0} active_s={active:0.###}");
    }
}

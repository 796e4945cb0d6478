using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Sitrep.Articles;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Sitrep.Storage.Postgres;
using Sitrep.Storage.Sqlite;
using Sitrep.Tests.Storage;
using Sitrep.Worker;

namespace Sitrep.Tests.Worker;

/// <summary>Issue 11: workers consuming the JetStream work queue in-process, against a real nats-server on loopback (and PostgreSQL, for merging).</summary>
public sealed class ArticleWorkerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sitrep-worker-").FullName;

    [Fact]
    public async Task Two_workers_in_parallel_store_each_published_article_exactly_once()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var server = NatsTestServer.StartOrSkip();
        await using var nats = new NatsConnection(new NatsOpts { Url = server.Url });
        var js = new NatsJSContext(nats);
        var queue = new ArticleQueueOptions();
        var publisher = new ArticlePublisher(js, queue);
        await publisher.EnsureStreamsAsync(ct);
        for (int i = 0; i < 40; i++)
        {
            Assert.Equal(PublishStatus.Queued, await publisher.PublishAsync(WorkerArticles.Make("w", i), ct));
        }

        // Published again: the same message id, dropped by the stream.
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(PublishStatus.Duplicate, await publisher.PublishAsync(WorkerArticles.Make("w", i), ct));
        }

        // The same article under another message id (its JSON with a trailing space): queued, and the store keeps it once.
        Assert.Equal(PublishStatus.Queued, await publisher.PublishAsync([.. ArticleMessage.Write(WorkerArticles.Make("w", 7)), (byte)' '], ct));

        string path = Path.Combine(_directory, "parallel.db");
        WorkerMetrics[] metrics = [new(), new()];
        var options = new ArticleWorkerOptions { IdleExit = TimeSpan.FromSeconds(2) };
        await Task.WhenAll(metrics.Select(m => RunWorkerAsync(js, path, queue, options, m, ct)));

        Assert.Equal(41, metrics.Sum(m => m.Processed));
        Assert.Equal(40, metrics.Sum(m => m.Stored));
        Assert.Equal(1, metrics.Sum(m => m.Duplicates));
        Assert.Equal(0, metrics.Sum(m => m.Failed));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"w-{i}").Order(StringComparer.Ordinal), await StoredIdsAsync(path));
        await AssertQueueEmptyAsync(js, queue);
    }

    [Fact]
    public async Task Workers_in_parallel_on_PostgreSQL_merge_the_reports_of_one_event_into_one_event_with_every_source()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var server = NatsTestServer.StartOrSkip();
        (string schema, string connectionString) = await PostgresTestServer.CreateSchemaAsync(ct);
        try
        {
            await using var nats = new NatsConnection(new NatsOpts { Url = server.Url });
            var js = new NatsJSContext(nats);
            var queue = new ArticleQueueOptions();
            var publisher = new ArticlePublisher(js, queue);
            await publisher.EnsureStreamsAsync(ct);
            string[] stories =
            [
                "Des frappes russes ont tué trois civils à Kharkiv vendredi, a annoncé le gouverneur de la région.",
                "La police a arrêté samedi à Lyon une dizaine de militants écologistes.",
                "Le président français a rencontré mardi à Berlin le chancelier allemand.",
            ];

            // Four outlets carry each story; the copies are queued interleaved, so workers store reports of one event at once.
            const int copies = 4;
            for (int copy = 0; copy < copies; copy++)
            {
                for (int story = 0; story < stories.Length; story++)
                {
                    var article = new Article { Id = $"story{story}-outlet{copy}", Language = "fr", Published = new PublicationDate(new DateOnly(2023, 6, 5)), Text = stories[story] };
                    Assert.Equal(PublishStatus.Queued, await publisher.PublishAsync(article, ct));
                }
            }

            await using (var first = new PostgresDocumentStore(connectionString))
            {
                await first.MigrateAsync(ct);
            }

            var options = new ArticleWorkerOptions { IdleExit = TimeSpan.FromSeconds(2) };
            WorkerMetrics[] metrics = [new(), new(), new()];
            await Task.WhenAll(metrics.Select(async m =>
            {
                // Each worker its own store, as separate processes have: merging relies on the database, not on a lock here.
                await using var store = new PostgresDocumentStore(connectionString);
                await new ArticleWorker(js, new ArticleIngestor(SitrepExtractor.Default, store), queue, options, m).RunAsync(ct);
            }));

            Assert.Equal(copies * stories.Length, metrics.Sum(m => m.Stored));
            await using var stored = new PostgresDocumentStore(connectionString);
            IReadOnlyList<EventRecord> merged = await stored.FindEventsAsync(new EventQuery(), ct);
            IReadOnlyList<EventRecord> reports = await stored.FindEventsAsync(new EventQuery { Unmerged = true }, ct);
            Assert.Equal(stories.Length, merged.Count);
            Assert.Equal(copies * stories.Length, reports.Count);
            Assert.All(merged, e =>
            {
                Assert.Equal(copies, e.Sources);
                string story = e.ArticleId.Split('-')[0];
                Assert.Equal(Enumerable.Range(0, copies).Select(c => $"{story}-outlet{c}"), e.Reports.Select(r => r.ArticleId).Order(StringComparer.Ordinal));
            });
        }
        finally
        {
            await PostgresTestServer.DropSchemaAsync(schema);
        }
    }

    [Fact]
    public async Task Poison_article_goes_to_the_dead_letter_subject_with_its_error_after_max_deliver_attempts()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var server = NatsTestServer.StartOrSkip();
        await using var nats = new NatsConnection(new NatsOpts { Url = server.Url });
        var js = new NatsJSContext(nats);
        var queue = new ArticleQueueOptions { MaxDeliver = 2 };
        var publisher = new ArticlePublisher(js, queue);
        await publisher.EnsureStreamsAsync(ct);
        byte[] poison = "this is not an article"u8.ToArray();
        await publisher.PublishAsync(poison, ct);
        await publisher.PublishAsync(WorkerArticles.Make("good", 1), ct);

        string path = Path.Combine(_directory, "poison.db");
        var metrics = new WorkerMetrics();
        await RunWorkerAsync(js, path, queue, new ArticleWorkerOptions { IdleExit = TimeSpan.FromSeconds(2) }, metrics, ct);

        Assert.Equal(1, metrics.Stored);
        Assert.Equal(2, metrics.Failed);
        Assert.Equal(1, metrics.DeadLettered);
        Assert.Equal(["good-1"], await StoredIdsAsync(path));
        INatsJSMsg<byte[]> dead = await NextDeadLetterAsync(js, queue, ct);
        Assert.Equal(poison, dead.Data);
        Assert.Contains("not valid JSON", dead.Headers![ArticleWorker.ErrorHeader].ToString(), StringComparison.Ordinal);
        Assert.Equal("2", dead.Headers[ArticleWorker.DeliveriesHeader].ToString());
        await AssertQueueEmptyAsync(js, queue);
    }

    [Fact]
    public async Task Article_delivered_more_than_max_deliver_times_without_an_ack_is_dead_lettered_unprocessed()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var server = NatsTestServer.StartOrSkip();
        await using var nats = new NatsConnection(new NatsOpts { Url = server.Url });
        var js = new NatsJSContext(nats);
        var queue = new ArticleQueueOptions { MaxDeliver = 2, AckWait = TimeSpan.FromSeconds(1) };
        INatsJSConsumer consumer = await ArticleQueue.EnsureConsumerAsync(js, queue, ct);
        await new ArticlePublisher(js, queue).PublishAsync(WorkerArticles.Make("crashy", 1), ct);

        // Two workers that "crash" on it: they take it and never acknowledge.
        for (int attempt = 1; attempt <= 2; attempt++)
        {
            INatsJSMsg<byte[]>? taken = await consumer.NextAsync<byte[]>(cancellationToken: ct);
            Assert.Equal((ulong)attempt, taken!.Metadata!.Value.NumDelivered);
        }

        string path = Path.Combine(_directory, "crashy.db");
        var metrics = new WorkerMetrics();
        await RunWorkerAsync(js, path, queue, new ArticleWorkerOptions { IdleExit = TimeSpan.FromSeconds(2.5) }, metrics, ct);

        Assert.Equal(1, metrics.DeadLettered);
        Assert.Equal(0, metrics.Processed);
        INatsJSMsg<byte[]> dead = await NextDeadLetterAsync(js, queue, ct);
        Assert.Contains("without an acknowledgement", dead.Headers![ArticleWorker.ErrorHeader].ToString(), StringComparison.Ordinal);
        Assert.Empty(await StoredIdsAsync(path));
    }

    [Fact]
    public async Task Metrics_endpoint_serves_the_counters_as_prometheus_text()
    {
        var metrics = new WorkerMetrics();
        metrics.CountProcessed(stored: true, TimeSpan.FromMilliseconds(20));
        metrics.CountDeadLettered();
        metrics.SetLag(7, 1);
        int port = FreePort();
        await using (new MetricsEndpoint(metrics, "127.0.0.1", port))
        {
            using var http = new HttpClient();
            string text = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"), TestContext.Current.CancellationToken);
            Assert.Contains("\nsitrep_worker_processed_total 1\n", text, StringComparison.Ordinal);
            Assert.Contains("\nsitrep_worker_dead_lettered_total 1\n", text, StringComparison.Ordinal);
            Assert.Contains("\nsitrep_worker_pending_messages 7\n", text, StringComparison.Ordinal);
            Assert.Contains("# TYPE sitrep_worker_failed_total counter", text, StringComparison.Ordinal);
            using HttpResponseMessage missing = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/nothing"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
    }

    [Fact]
    public void Queued_article_reads_back_as_the_same_article()
    {
        global::Sitrep.Articles.Article article = WorkerArticles.Make("round", 3) with { Title = "Crue", Url = "https://example.org/a", Source = "Exemple" };
        byte[] message = ArticleMessage.Write(article);
        global::Sitrep.Articles.ArticleReadResult read = ArticleMessage.Read(message, "test");
        Assert.Equal(article with { Warnings = [] }, read.Article! with { Warnings = [] });
        Assert.Equal(ArticleMessage.MessageId(message), ArticleMessage.MessageId(ArticleMessage.Write(article)));
        Assert.Equal("the message is not UTF-8", ArticleMessage.Read([0xff, 0xfe, 0x41], "test").Error);
    }

    internal static async Task RunWorkerAsync(INatsJSContext js, string path, ArticleQueueOptions queue, ArticleWorkerOptions options, WorkerMetrics metrics, CancellationToken ct)
    {
        // Each worker its own store object on the same file, as separate processes would have.
        await using var store = new SqliteDocumentStore(path);
        await store.MigrateAsync(ct);
        await new ArticleWorker(js, new ArticleIngestor(SitrepExtractor.Default, store), queue, options, metrics).RunAsync(ct);
    }

    internal static async Task<IReadOnlyList<string>> StoredIdsAsync(string path)
    {
        await using var store = new SqliteDocumentStore(path);
        IReadOnlyList<ArticleSummary> articles = await store.FindArticlesAsync(new ArticleQuery { Limit = null }, TestContext.Current.CancellationToken);
        return [.. articles.Select(a => a.Id).Order(StringComparer.Ordinal)];
    }

    internal static async Task AssertQueueEmptyAsync(INatsJSContext js, ArticleQueueOptions queue)
    {
        INatsJSConsumer consumer = await js.GetConsumerAsync(queue.Stream, queue.Consumer, TestContext.Current.CancellationToken);
        Assert.Equal(0UL, consumer.Info.NumPending);
        Assert.Equal(0L, consumer.Info.NumAckPending);
        INatsJSStream stream = await js.GetStreamAsync(queue.Stream, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0L, stream.Info.State.Messages);
    }

    private static async Task<INatsJSMsg<byte[]>> NextDeadLetterAsync(INatsJSContext js, ArticleQueueOptions queue, CancellationToken ct)
    {
        INatsJSConsumer dead = await js.CreateOrUpdateConsumerAsync(queue.DeadLetterStream, new ConsumerConfig("test-reader"), ct);
        INatsJSMsg<byte[]>? message = await dead.NextAsync<byte[]>(opts: new NatsJSNextOpts { Expires = TimeSpan.FromSeconds(5) }, cancellationToken: ct);
        Assert.NotNull(message);
        return message;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

using NATS.Client.Core;
using NATS.Client.JetStream;
using Sitrep.Tests.Cli;
using Sitrep.Worker;

namespace Sitrep.Tests.Worker;

/// <summary>Issue 11: <c>sitrep ingest … --to nats://…</c> queues each article once, creating the streams, from every input <c>ingest</c> reads.</summary>
public sealed class IngestToQueueTests
{
    [Fact]
    public async Task Ingest_to_queues_each_sample_once_and_a_second_run_queues_none()
    {
        using var server = NatsTestServer.StartOrSkip();
        string samples = Path.Combine(TestPaths.RepositoryRoot, "samples");

        CliResult first = CliRunner.Run(null, "ingest", samples, "--to", server.Url);
        CliResult second = CliRunner.Run(null, "ingest", samples, "--to", server.Url);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("5 read, 5 queued, 0 already queued, 0 failed", first.Error, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("5 read, 0 queued, 5 already queued, 0 failed", second.Error, StringComparison.Ordinal);
        await using var nats = new NatsConnection(new NatsOpts { Url = server.Url });
        INatsJSStream stream = await new NatsJSContext(nats).GetStreamAsync(new ArticleQueueOptions().Stream, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(5L, stream.Info.State.Messages);
    }

    [Fact]
    public async Task Ingest_to_queues_the_items_of_every_feed_an_opml_list_names_as_a_local_ingest_would_store_them()
    {
        using var server = NatsTestServer.StartOrSkip();
        string opml = Path.Combine(Sitrep.Tests.Articles.Feeds.FeedSpecTests.Folder, "subscriptions.opml");

        CliResult result = CliRunner.Run(null, "ingest", opml, "--to", server.Url);

        // The same 9 items as FeedIngestTests stores: 8 queued, the title-only item failed with its reason.
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("9 read, 8 queued, 0 already queued, 1 failed", result.Error, StringComparison.Ordinal);
        Assert.Contains("rss2-fr.xml item 4: the item 'Un titre, et rien d'autre' has only a title", result.Error, StringComparison.Ordinal);
        await using var nats = new NatsConnection(new NatsOpts { Url = server.Url });
        INatsJSStream stream = await new NatsJSContext(nats).GetStreamAsync(new ArticleQueueOptions().Stream, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(8L, stream.Info.State.Messages);
    }

    [Fact]
    public void Ingest_to_refuses_sitrep_documents()
    {
        CliResult result = CliRunner.Run(null, "ingest", Path.Combine(TestPaths.RepositoryRoot, "samples"), "--input-format", "sitrep", "--to", "nats://127.0.0.1:1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--to: --input-format sitrep is not queued", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_to_a_server_that_is_not_there_fails_with_one_line()
    {
        CliResult result = CliRunner.Run(null, "ingest", Path.Combine(TestPaths.RepositoryRoot, "samples"), "--to", "nats://127.0.0.1:1");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("sitrep: nats://127.0.0.1:1: ", result.Error, StringComparison.Ordinal);
    }
}

using Sitrep.Tests.Cli;

namespace Sitrep.Tests.Articles.Feeds;

/// <summary><c>sitrep ingest</c> of feeds, OPML lists and feed addresses, run as a process on a temporary SQLite store.</summary>
public sealed class FeedIngestTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sitrep-feeds-").FullName;

    private string Store => Path.Combine(_directory, "feeds.db");

    private static string Spec(string file) => Path.Combine(FeedSpecTests.Folder, file);

    [Fact]
    public void An_opml_list_ingests_every_feed_it_names_and_a_second_run_stores_nothing_new()
    {
        CliResult first = CliRunner.Run(null, "ingest", Spec("subscriptions.opml"), "--store", Store);
        CliResult second = CliRunner.Run(null, "ingest", Spec("subscriptions.opml"), "--store", Store);

        Assert.Equal((2, 2), (first.ExitCode, second.ExitCode));
        Assert.Contains("9 read, 8 new, 0 duplicates, 0 updated, 1 failed", first.Error, StringComparison.Ordinal);
        Assert.Contains("9 read, 0 new, 8 duplicates, 0 updated, 1 failed", second.Error, StringComparison.Ordinal);
        Assert.Contains("rss2-fr.xml item 4: the item 'Un titre, et rien d'autre' has only a title", first.Error, StringComparison.Ordinal);

        CliResult stored = CliRunner.Run(null, "articles", "get", "https://news.example.org/world/2022/05/14/kharkiv-shelling", "--store", Store);
        Assert.Equal(0, stored.ExitCode);
        Assert.Contains("Russian shelling killed three civilians in Kharkiv", stored.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feed_address_is_fetched_and_one_that_cannot_be_is_a_failed_input_while_the_batch_goes_on()
    {
        byte[] feed = File.ReadAllBytes(Spec("rss2-fr.xml"));
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            if (context.Request.Path == "/rss")
            {
                context.Response.ContentType = "application/rss+xml";
                return context.Response.Body.WriteAsync(feed, TestContext.Current.CancellationToken).AsTask();
            }

            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        });
        string missing = new Uri(server.Address, "/missing").AbsoluteUri;

        CliResult result = await Task.Run(
            () => CliRunner.Run(null, "ingest", new Uri(server.Address, "/rss").AbsoluteUri, missing, Spec("atom-en.xml"), "--store", Store, "--host-interval", "0"),
            TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("8 read, 6 new, 0 duplicates, 0 updated, 2 failed", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{missing}: HTTP 404 Not Found", result.Error, StringComparison.Ordinal);
        Assert.All(server.UserAgents, agent => Assert.StartsWith("Sitrep/", agent, StringComparison.Ordinal));
    }

    [Fact]
    public void Standard_input_is_read_as_a_feed_when_told_so_and_a_broken_feed_fails_with_its_reason()
    {
        const string atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>urn:x:1</id><title>Visite</title><content>Le ministre s'est rendu à Kiev lundi.</content></entry></feed>";

        CliResult read = CliRunner.Run(atom, "ingest", "-", "--input-format", "feed", "--store", Store);
        CliResult broken = CliRunner.Run("<rss><channel><item>", "ingest", "-", "--input-format", "feed", "--store", Store);

        Assert.Equal(0, read.ExitCode);
        Assert.Contains("1 read, 1 new", read.Error, StringComparison.Ordinal);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("sitrep: failed: stdin: not well-formed XML", broken.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

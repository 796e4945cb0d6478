using Microsoft.Data.Sqlite;
using Sitrep.Serialization;
using Sitrep.Tests.Storage;

namespace Sitrep.Tests.Cli;

/// <summary><c>sitrep ingest</c>, <c>sitrep articles</c> and <c>sitrep db</c> run as a process on a temporary store.</summary>
public sealed class StoreCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sitrep-cli-store-").FullName;

    private string Store => Path.Combine(_directory, "cli.db");

    private static string Samples => Path.Combine(TestPaths.RepositoryRoot, "samples");

    [Fact]
    public void Ingested_article_is_printed_back_exactly_as_extract_prints_it()
    {
        string batch = Path.Combine(Samples, "batch.jsonl");
        CliResult extracted = CliRunner.Run(null, "extract", batch, "--format", "jsonl");
        CliResult ingested = CliRunner.Run(null, "ingest", batch, "--store", Store);

        CliResult stored = CliRunner.Run(null, "articles", "get", "sample-fr-1", "--store", Store);

        Assert.Equal(0, ingested.ExitCode);
        Assert.Equal(0, stored.ExitCode);
        string expected = extracted.Output.Split('\n').Single(l => l.Contains("\"id\":\"sample-fr-1\"", StringComparison.Ordinal));
        Assert.Equal(expected + "\n", stored.Output);
    }

    [Fact]
    public void Events_command_filters_and_exports_the_stored_events()
    {
        CliRunner.Run(null, "ingest", Samples, "--store", Store);

        CliResult csv = CliRunner.Run(null, "events", "--store", Store, "--type", "assault", "--format", "csv");
        CliResult jsonl = CliRunner.Run(null, "events", "--store", Store, "--limit", "2", "--format", "jsonl");
        CliResult table = CliRunner.Run(null, "events", "--store", Store, "--country", "FR");
        CliResult bad = CliRunner.Run(null, "events", "--store", Store, "--near", "north");

        Assert.Equal((0, 0, 0, 1), (csv.ExitCode, jsonl.ExitCode, table.ExitCode, bad.ExitCode));
        string[] rows = csv.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("event_id_cnty,event_date,", rows[0], StringComparison.Ordinal);
        Assert.True(rows.Length > 1);
        Assert.All(rows.Skip(1), row => Assert.Contains(",ASSAULT,", row, StringComparison.Ordinal));
        Assert.Equal(2, jsonl.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("events", table.Output, StringComparison.Ordinal);
        Assert.Contains("--near: 'north' is not lat,lon", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingesting_the_same_folder_twice_stores_each_article_once()
    {
        CliResult first = CliRunner.Run(null, "ingest", Samples, "--store", Store);
        CliResult second = CliRunner.Run(null, "ingest", Samples, "--store", Store);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Contains("5 read, 5 new, 0 duplicates, 0 updated, 0 failed", first.Error, StringComparison.Ordinal);
        Assert.Contains("5 read, 0 new, 5 duplicates, 0 updated, 0 failed", second.Error, StringComparison.Ordinal);
        Assert.Equal(5, CliRunner.Run(null, "articles", "--store", Store).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Batch_with_a_bad_line_stores_the_rest_and_reports_the_line()
    {
        string input = """
            {"id": "good-1", "text": "Les pompiers sont intervenus à Nîmes.", "published": "2023-06-05"}
            not json
            {"id": "good-2", "text": "Le préfet a parlé à la presse.", "published": "2023-06-06"}
            """;

        CliResult result = CliRunner.Run(input, "ingest", "-", "--store", Store);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("3 read, 2 new, 0 duplicates, 0 updated, 1 failed", result.Error, StringComparison.Ordinal);
        Assert.Contains("sitrep: failed: stdin:2: not valid JSON", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Republished_copy_is_counted_as_a_near_duplicate_and_can_be_collapsed()
    {
        string input = string.Join('\n',
            System.Text.Json.JsonSerializer.Serialize(new { id = "wire-1", text = StoreDocuments.WireStory, published = "2023-06-05" }),
            System.Text.Json.JsonSerializer.Serialize(new { id = "paper-1", text = StoreDocuments.WireCopy, published = "2023-06-05" }));

        CliResult ingested = CliRunner.Run(input, "ingest", "-", "--input-format", "jsonl", "--store", Store);
        CliResult all = CliRunner.Run(null, "articles", "--store", Store);
        CliResult collapsed = CliRunner.Run(null, "articles", "--store", Store, "--collapse-duplicates");

        Assert.Equal(0, ingested.ExitCode);
        Assert.Contains("2 read, 2 new, 0 duplicates, 0 updated, 0 failed; 1 near-duplicates linked", ingested.Error, StringComparison.Ordinal);
        string copy = all.Output.Split('\n').Single(l => l.Contains("\"id\":\"paper-1\"", StringComparison.Ordinal));
        Assert.Contains("\"duplicate_of\":\"wire-1\",\"similarity\":0.", copy, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"wire-1\"", Assert.Single(collapsed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public void Articles_extracted_on_every_core_are_stored_in_the_order_read()
    {
        // The copies are extracted side by side with the story; stored in input order, each links to an article read
        // before it (the story, or an identical earlier copy), and the failures are reported in line order.
        IEnumerable<string> lines = Enumerable.Range(0, 8).Select(i => i switch
        {
            0 => System.Text.Json.JsonSerializer.Serialize(new { id = "wire-1", text = StoreDocuments.WireStory, published = "2023-06-05" }),
            3 => "not json",
            6 => "{\"id\": 7",
            _ => System.Text.Json.JsonSerializer.Serialize(new { id = $"paper-{i}", text = StoreDocuments.WireCopy, published = "2023-06-05" }),
        });

        CliResult ingested = CliRunner.Run(string.Join('\n', lines), "ingest", "-", "--input-format", "jsonl", "--store", Store);
        CliResult all = CliRunner.Run(null, "articles", "--store", Store);

        Assert.Equal(2, ingested.ExitCode);
        Assert.Contains("8 read, 6 new, 0 duplicates, 0 updated, 2 failed; 5 near-duplicates linked", ingested.Error, StringComparison.Ordinal);
        Assert.True(ingested.Error.IndexOf("stdin:4:", StringComparison.Ordinal) < ingested.Error.IndexOf("stdin:7:", StringComparison.Ordinal), ingested.Error);
        var read = new List<string> { "wire-1", "paper-1", "paper-2", "paper-4", "paper-5", "paper-7" };
        var links = all.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Where(a => a.GetProperty("id").GetString()!.StartsWith("paper-", StringComparison.Ordinal))
            .Select(a => (Id: a.GetProperty("id").GetString()!, Of: a.GetProperty("duplicate_of").GetString()!))
            .ToList();
        Assert.Equal(5, links.Count);
        Assert.All(links, link => Assert.True(read.IndexOf(link.Of) >= 0 && read.IndexOf(link.Of) < read.IndexOf(link.Id), $"{link.Id} → {link.Of}"));
    }

    [Fact]
    public void Sitrep_documents_committed_together_are_each_stored_whole_or_failed_alone()
    {
        // Parsing a sitrep/1 line is quick next to storing it, so the documents waiting for the writer are committed in
        // one transaction; a line that is not a document and a document the store refuses fail alone, in line order.
        SitrepDocumentModel full = StoreDocuments.Full();
        string input = string.Join('\n', Enumerable.Range(0, 60).Select(i => i switch
        {
            17 => "not json",
            41 => SitrepJson.Serialize(StoreDocuments.Full("doc-41") with { Places = [full.Places[0], full.Places[0]] }),
            _ => SitrepJson.Serialize(StoreDocuments.Full($"doc-{i}")),
        }));

        CliResult first = CliRunner.Run(input, "ingest", "-", "--input-format", "sitrep", "--store", Store);
        CliResult again = CliRunner.Run(input, "ingest", "-", "--input-format", "sitrep", "--store", Store);

        Assert.Equal(2, first.ExitCode);
        Assert.Contains("60 read, 58 new, 0 duplicates, 0 updated, 2 failed", first.Error, StringComparison.Ordinal);
        Assert.Contains("stdin:42: refused by the store", first.Error, StringComparison.Ordinal);
        Assert.True(first.Error.IndexOf("stdin:18:", StringComparison.Ordinal) < first.Error.IndexOf("stdin:42:", StringComparison.Ordinal), first.Error);
        Assert.Contains("60 read, 0 new, 58 duplicates, 0 updated, 2 failed", again.Error, StringComparison.Ordinal);
        Assert.Equal(58L, SqliteDocumentStoreTests.Scalar(Store, "SELECT COUNT(*) FROM articles;"));
    }

    [Fact]
    public void Articles_are_searched_by_text_and_listed_as_csv()
    {
        CliRunner.Run(null, "ingest", Samples, "--store", Store);

        CliResult result = CliRunner.Run(null, "articles", "--store", Store, "--query", "inondations", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,published,language,source,title,url,sentences,entities,events,content_hash,duplicate_of,similarity", lines[0]);
        Assert.StartsWith("sample-fr-1,2023-06-05,fr,Exemple Presse,Inondations dans le Gard : deux morts,", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public void Store_comes_from_SITREP_STORE_when_no_option_is_given()
    {
        var environment = new Dictionary<string, string> { ["SITREP_STORE"] = Store };

        CliResult first = CliRunner.Run(null, environment, "db", "migrate");
        CliResult second = CliRunner.Run(null, environment, "db", "migrate");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal($"{Store}: schema version 6 (applied 001_initial, 002_near_duplicates, 003_event_exports, 004_event_windows_and_merging, 005_pending_bands, 006_drop_name_indexes)\n", first.Output);
        Assert.Equal($"{Store}: schema version 6 (already up to date)\n", second.Output);
    }

    [Fact]
    public void Unknown_article_id_fails_with_a_reason()
    {
        CliResult result = CliRunner.Run(null, "articles", "get", "no-such-id", "--store", Store);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no article with id 'no-such-id'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreachable_PostgreSQL_store_fails_with_a_reason_that_never_shows_the_password()
    {
        CliResult result = CliRunner.Run(null, "db", "info", "--store", "postgres://sitrep:hunter2@127.0.0.1:1/news");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("sitrep: postgres://sitrep@127.0.0.1:1/news: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgreSQL_store_is_chosen_from_its_connection_string_and_takes_the_same_commands()
    {
        (string schema, string connectionString) = await PostgresTestServer.CreateSchemaAsync(TestContext.Current.CancellationToken);
        try
        {
            string batch = Path.Combine(Samples, "batch.jsonl");
            CliResult migrated = CliRunner.Run(null, "db", "migrate", "--store", connectionString);
            CliResult ingested = CliRunner.Run(null, "ingest", batch, "--store", connectionString);
            CliResult again = CliRunner.Run(null, "ingest", batch, "--store", connectionString);
            CliResult stored = CliRunner.Run(null, "articles", "get", "sample-fr-1", "--store", connectionString);
            CliResult found = CliRunner.Run(null, "articles", "--store", connectionString, "--query", "inondations", "--format", "csv");
            CliResult check = CliRunner.Run(null, "db", "check", "--store", connectionString);

            Assert.Equal((0, 0, 0, 0, 0, 0), (migrated.ExitCode, ingested.ExitCode, again.ExitCode, stored.ExitCode, found.ExitCode, check.ExitCode));
            Assert.Contains($"?search_path={schema}: schema version 6 (applied 001_initial, 002_near_duplicates, 003_event_exports, 004_event_windows_and_merging, 005_pending_bands, 006_drop_name_indexes)", migrated.Output, StringComparison.Ordinal);
            Assert.Contains("0 new,", again.Error, StringComparison.Ordinal);
            string expected = CliRunner.Run(null, "extract", batch, "--format", "jsonl").Output.Split('\n').Single(l => l.Contains("\"id\":\"sample-fr-1\"", StringComparison.Ordinal));
            Assert.Equal(expected + "\n", stored.Output);
            Assert.StartsWith("sample-fr-1,", found.Output.Split('\n')[1], StringComparison.Ordinal);
            Assert.Equal("ok\n", check.Output);
        }
        finally
        {
            await PostgresTestServer.DropSchemaAsync(schema);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

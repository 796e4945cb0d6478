using Microsoft.Data.Sqlite;

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
    public void Articles_are_searched_by_text_and_listed_as_csv()
    {
        CliRunner.Run(null, "ingest", Samples, "--store", Store);

        CliResult result = CliRunner.Run(null, "articles", "--store", Store, "--query", "inondations", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,published,language,source,title,url,sentences,entities,events,content_hash", lines[0]);
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
        Assert.Equal($"{Store}: schema version 1 (applied 001_initial)\n", first.Output);
        Assert.Equal($"{Store}: schema version 1 (already up to date)\n", second.Output);
    }

    [Fact]
    public void Unknown_article_id_fails_with_a_reason()
    {
        CliResult result = CliRunner.Run(null, "articles", "get", "no-such-id", "--store", Store);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no article with id 'no-such-id'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSQL_uri_is_refused_with_a_reason_until_that_backend_exists()
    {
        CliResult result = CliRunner.Run(null, "db", "migrate", "--store", "postgres://localhost/sitrep");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("PostgreSQL", result.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;
using Sitrep.Tests.Cli;

namespace Sitrep.Tests.Storage;

/// <summary>
/// Issue 9: killing <c>sitrep ingest</c> at any point loses no committed article and leaves no half-written one.
/// The ingest process is killed at a few random moments, then rerun to the end.
/// </summary>
public sealed class IngestCrashTests : IDisposable
{
    private const int Distinct = 3000;
    private const int Repeated = 200;

    private readonly string _directory = Directory.CreateTempSubdirectory("sitrep-crash-").FullName;

    [Fact]
    public async Task Killed_ingest_leaves_whole_articles_and_a_rerun_stores_each_distinct_article_once()
    {
        string batch = Path.Combine(_directory, "batch.jsonl");
        string store = Path.Combine(_directory, "crash.db");
        WriteBatch(batch);
        var random = new Random(9);
        var environment = new Dictionary<string, string>();

        long previous = 0;
        for (int kill = 0; kill < 4; kill++)
        {
            using (Process process = CliRunner.Start(environment, "ingest", batch, "--store", store))
            {
                process.StandardInput.Close();
                Task<string> drain = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
                Task<string> drainOut = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
                // The first kill lands at a random moment of start-up or migration, the others once a random number
                // of further articles are committed, i.e. somewhere inside a later article's transaction.
                if (kill == 0)
                {
                    await Task.Delay(random.Next(50, 400), TestContext.Current.CancellationToken);
                }
                else
                {
                    await WaitForCountAsync(process, store, previous + random.Next(100, 600));
                }

                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(TestContext.Current.CancellationToken);
                await Task.WhenAll(drain, drainOut);
            }

            long stored = await AssertWholeAsync(store);
            Assert.InRange(stored, previous, Distinct);
            TestContext.Current.TestOutputHelper?.WriteLine($"kill {kill + 1}: {stored} articles stored");
            previous = stored;
        }

        CliResult rerun = CliRunner.Run(null, "ingest", batch, "--store", store);

        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains($"{Distinct + Repeated} read, {Distinct - previous} new, {previous + Repeated} duplicates, 0 updated, 0 failed", rerun.Error, StringComparison.Ordinal);
        Assert.Equal(Distinct, await AssertWholeAsync(store));
    }

    private static async Task WaitForCountAsync(Process process, string path, long target)
    {
        while (!process.HasExited && Count(path) < target)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    private static long Count(string path)
    {
        try
        {
            return File.Exists(path) ? Convert.ToInt64(SqliteDocumentStoreTests.Scalar(path, "SELECT COUNT(*) FROM articles;"), CultureInfo.InvariantCulture) : 0;
        }
        catch (SqliteException)
        {
            return 0;
        }
    }

    /// <summary>Integrity check ok, and every stored article has all its rows and a readable document; returns the count.</summary>
    private static async Task<long> AssertWholeAsync(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        // Integrity first, on the pooled connections of the previous round: see SqliteDocumentStore.CheckIntegrityAsync.
        await using var store = new SqliteDocumentStore(path);
        Assert.Equal("ok", await store.CheckIntegrityAsync(TestContext.Current.CancellationToken));
        int searched = await SearchCount(store);
        Assert.Equal(0L, SqliteDocumentStoreTests.Scalar(path, """
            SELECT COUNT(*) FROM articles a WHERE a.sentence_count <> (SELECT COUNT(*) FROM sentences s WHERE s.article = a.key);
            """));
        IReadOnlyList<ArticleSummary> articles = await store.FindArticlesAsync(new ArticleQuery { Limit = null }, TestContext.Current.CancellationToken);
        foreach (ArticleSummary article in articles)
        {
            string? json = await store.GetJsonAsync(article.Id, TestContext.Current.CancellationToken);
            Assert.Equal(article.Id, Serialization.SitrepJson.Deserialize(json!).Article.Id);
        }

        Assert.Equal(articles.Count, searched);
        return articles.Count;
    }

    private static async Task<int> SearchCount(SqliteDocumentStore store) =>
        (await store.FindArticlesAsync(new ArticleQuery { Text = "pompiers", Limit = null }, TestContext.Current.CancellationToken)).Count;

    /// <summary>Distinct articles, plus repeated lines that must count as duplicates.</summary>
    private static void WriteBatch(string path)
    {
        var batch = new StringBuilder();
        for (int i = 0; i < Distinct + Repeated; i++)
        {
            int n = i < Distinct ? i : i - Distinct;
            string number = n.ToString(CultureInfo.InvariantCulture);
            string text = $"Les pompiers sont intervenus {number} fois dans la commune numéro {number} après les fortes pluies de samedi. " +
                $"Le préfet a annoncé lundi que {number} habitants avaient été évacués. « La situation reste tendue », a-t-il déclaré. " +
                "Les routes départementales restent fermées et les écoles n'ouvriront pas avant mercredi.";
            batch.Append("{\"id\": \"crash-").Append(number).Append("\", \"published\": \"2023-06-05\", \"lang\": \"fr\", \"text\": \"")
                .Append(text.Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"}\n");
        }

        File.WriteAllText(path, batch.ToString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Sitrep.Tests.Cli;
using Sitrep.Tests.Storage;
using Sitrep.Worker;

namespace Sitrep.Tests.Worker;

/// <summary>
/// Issue 11: a <c>sitrep worker</c> process killed mid-batch loses nothing: what it had not acknowledged comes back
/// after the ack wait, and a second worker stores every article exactly once.
/// </summary>
public sealed class WorkerKillTests : IDisposable
{
    private const int Articles = 300;

    private readonly string _directory = Directory.CreateTempSubdirectory("sitrep-worker-kill-").FullName;

    [Fact]
    public async Task Killed_worker_loses_nothing_and_the_next_worker_stores_every_article_exactly_once()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var server = NatsTestServer.StartOrSkip();
        await using var nats = new NatsConnection(new NatsOpts { Url = server.Url });
        var js = new NatsJSContext(nats);
        var queue = new ArticleQueueOptions();
        var publisher = new ArticlePublisher(js, queue);
        await publisher.EnsureStreamsAsync(ct);
        for (int i = 0; i < Articles; i++)
        {
            await publisher.PublishAsync(WorkerArticles.Make("kill", i), ct);
        }

        string path = Path.Combine(_directory, "kill.db");
        var environment = new Dictionary<string, string>();
        long atKill;
        using (Process first = CliRunner.Start(environment, "worker", "--nats", server.Url, "--store", path, "--ack-wait", "2", "--concurrency", "2"))
        {
            first.StandardInput.Close();
            Task<string> error = first.StandardError.ReadToEndAsync(ct);
            Task<string> output = first.StandardOutput.ReadToEndAsync(ct);
            var waited = Stopwatch.StartNew();
            while (!first.HasExited && Count(path) < 40 && waited.Elapsed < TimeSpan.FromMinutes(3))
            {
                await Task.Delay(5, ct);
            }

            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(ct);
            await Task.WhenAll(error, output);
            atKill = Count(path);
            TestContext.Current.TestOutputHelper?.WriteLine($"killed with {atKill} articles stored; its stderr: {error.Result}");
        }

        Assert.InRange(atKill, 40, Articles - 1);

        CliResult second = CliRunner.Run(null, environment, "worker", "--nats", server.Url, "--store", path, "--ack-wait", "2", "--idle-exit", "4");
        TestContext.Current.TestOutputHelper?.WriteLine(second.Error);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("failed=0 dead_lettered=0", second.Error, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, Articles).Select(i => $"kill-{i}").Order(StringComparer.Ordinal), await ArticleWorkerTests.StoredIdsAsync(path));
        Assert.Equal((long)Articles, Count(path));
        await ArticleWorkerTests.AssertQueueEmptyAsync(js, queue);
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

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

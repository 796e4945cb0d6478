using System.Diagnostics;
using System.Globalization;
using Sitrep.Serialization;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;

namespace Sitrep.LoadTest;

/// <summary>
/// What one article costs the SQLite writer, in measures a busy machine disturbs less than wall time: process CPU time
/// (every thread: the writer, the GC) and bytes written (<c>wchar</c> of <c>/proc/self/io</c>: WAL, checkpoints,
/// temporary files). Each document of a sitrep/1 JSON Lines file is put <c>times</c> times under new ids, one
/// <see cref="SqliteDocumentStore.PutAsync"/> (one transaction) each, from <c>parallel</c> callers at once, as
/// <c>sitrep ingest</c> does.
/// </summary>
internal static class IngestCost
{
    public static async Task<int> RunAsync(SqliteDocumentStore store, string from, int times, int parallel)
    {
        List<SitrepDocumentModel> models = [.. File.ReadLines(from).Where(l => l.Length > 0).Select(SitrepJson.Deserialize)];
        List<StoredDocument> documents = [.. Enumerable.Range(0, times).SelectMany(round => models.Select(m =>
            StoredDocument.FromModel(m with { Article = m.Article with { Id = $"{m.Article.Id}#{round.ToString(CultureInfo.InvariantCulture)}" } })))];
        await store.MigrateAsync();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        TimeSpan cpu = process.TotalProcessorTime;
        long written = BytesWritten(), started = Stopwatch.GetTimestamp();
        int stored = 0;
        await Parallel.ForEachAsync(documents, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (document, cancellationToken) =>
        {
            if ((await store.PutAsync(document, cancellationToken)).Status == IngestStatus.New)
            {
                Interlocked.Increment(ref stored);
            }
        });

        double wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        process.Refresh();
        double cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        long bytes = BytesWritten() - written;
        Console.WriteLine($"{stored} of {documents.Count} documents stored ({models.Count} × {times}, {documents.Average(d => d.Json.Length):N0} JSON characters on average), {parallel} putting at once");
        Console.WriteLine($"per article: wall {wall / documents.Count:0.00} ms ({documents.Count * 1000 / wall:0} articles/s), process CPU {cpuMs / documents.Count:0.00} ms, written {bytes / 1024.0 / documents.Count:0} KB");
        return stored == documents.Count ? 0 : 1;
    }

    private static long BytesWritten()
    {
        const string io = "/proc/self/io";
        if (!File.Exists(io))
        {
            return 0;
        }

        string? line = File.ReadLines(io).FirstOrDefault(l => l.StartsWith("wchar:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.AsSpan(6).Trim(), CultureInfo.InvariantCulture);
    }
}

using System.Diagnostics;
using System.Globalization;
using Sitrep.LoadTest;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;

// Seeds a SQLite store with synthetic events through the normal store API, and times the store's event queries.
//   seed  --store PATH --events N [--per-article K] [--seed S]   N events in articles of K events (default 3)
//   replicate --store PATH --times N                              the store N times over, in SQL (StoreReplicator)
//   query --store PATH [--runs N]                                 p50/p95 of typical filtered queries, in process
//   explain --store PATH < query.sql                              EXPLAIN QUERY PLAN and run time of one statement, with the SQLite the store uses
//   put --store PATH --from DOCS.jsonl [--times N] [--parallel P] each sitrep/1 document N times under new ids, one PutAsync (one
//                                                                 transaction) each, P at once: wall and process CPU time and bytes written per article
// See docs/BENCHMARKS.md ("Server") for the numbers and the wrk run against `sitrep serve`.
string command = args.Length > 0 ? args[0] : "help";
string? Option(string name, string? fallback = null)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture))!, CultureInfo.InvariantCulture);

string? store = Option("--store");
if (store is null || command is not ("seed" or "query" or "replicate" or "explain" or "put"))
{
    Console.Error.WriteLine("usage: Sitrep.LoadTest seed --store PATH --events N [--per-article K] [--seed S] | replicate --store PATH --times N | query --store PATH [--runs N] | explain --store PATH < query.sql | put --store PATH --from DOCS.jsonl [--times N] [--parallel P]");
    return 1;
}

if (command == "replicate")
{
    var clock = Stopwatch.StartNew();
    StoreReplicator.Replicate(store, Number("--times", 10));
    Console.WriteLine($"replicated in {clock.Elapsed.TotalSeconds:0.0} s");
}

if (command == "explain")
{
    string sql = await Console.In.ReadToEndAsync();
    await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store};Mode=ReadOnly");
    await connection.OpenAsync();
    await using (var version = connection.CreateCommand())
    {
        version.CommandText = "SELECT sqlite_version();";
        Console.WriteLine($"SQLite {await version.ExecuteScalarAsync()}");
    }

    await using (var explain = connection.CreateCommand())
    {
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        await using var plan = await explain.ExecuteReaderAsync();
        while (await plan.ReadAsync())
        {
            Console.WriteLine($"{plan.GetInt64(0),4} {plan.GetInt64(1),4} {plan.GetString(3)}");
        }
    }

    await using var run = connection.CreateCommand();
    run.CommandText = sql;
    long rows = 0, started = Stopwatch.GetTimestamp();
    await using (var reader = await run.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
        {
            rows++;
        }
    }

    Console.WriteLine($"{rows} rows in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.00} ms");
    return 0;
}

await using var documents = new SqliteDocumentStore(store);
if (command == "put")
{
    string from = Option("--from") ?? throw new ArgumentException("put needs --from DOCS.jsonl (sitrep/1 documents, e.g. from `sitrep extract --format jsonl`)");
    return await IngestCost.RunAsync(documents, from, Number("--times", 3), Number("--parallel", 1));
}

if (command == "seed")
{
    int events = Number("--events", 100_000), perArticle = Number("--per-article", 3), seed = Number("--seed", 1);
    var generator = new SyntheticArticles(seed);
    StoreSummary before = await documents.GetSummaryAsync();
    int first = (int)before.Articles, articles = (events + perArticle - 1) / perArticle;
    var clock = Stopwatch.StartNew();
    const int batchSize = 500;
    for (int start = 0; start < articles; start += batchSize)
    {
        var batch = new List<StoredDocument>(batchSize);
        for (int n = start; n < Math.Min(articles, start + batchSize); n++)
        {
            batch.Add(StoredDocument.FromModel(generator.Next(first + n, perArticle)));
        }

        await documents.PutManyAsync(batch);
        if ((start / batchSize) % 20 == 0)
        {
            Console.Error.WriteLine($"{start + batch.Count} articles, {clock.Elapsed.TotalSeconds:0} s");
        }
    }

    StoreSummary after = await documents.GetSummaryAsync();
    Console.WriteLine($"stored {articles} articles ({after.Events - before.Events} events) in {clock.Elapsed.TotalSeconds:0.0} s; store now {after.Articles} articles, {after.Events} events");
    return 0;
}

int runs = Number("--runs", 200);
var random = new Random(7);
var towns = SyntheticArticles.Towns;
var kinds = SyntheticArticles.Kinds;
DateOnly Window() => new DateOnly(2022, 1, 1).AddDays(random.Next(700));
(string Name, Func<EventQuery> Make)[] shapes =
[
    ("country (alpha-2) + type + 30 days", () =>
    {
        DateOnly since = Window();
        return new EventQuery { Country = towns[random.Next(towns.Length)].Country, Type = kinds[random.Next(kinds.Length)].Type, Since = since, Until = since.AddDays(29), Limit = 100 };
    }),
    ("actor country (alpha-3) + 30 days", () =>
    {
        DateOnly since = Window();
        return new EventQuery { Country = "UKR", Since = since, Until = since.AddDays(29), Limit = 100 };
    }),
    ("near a town, 100 km + 30 days", () =>
    {
        DateOnly since = Window();
        var town = towns[random.Next(towns.Length)];
        return new EventQuery { Near = new GeoPoint(town.Lat, town.Lon), RadiusKm = 100, Since = since, Until = since.AddDays(29), Limit = 100 };
    }),
    ("type, newest first (first page)", () => new EventQuery { Type = kinds[random.Next(kinds.Length)].Type, Sort = EventSort.DateDescending, Limit = 100 }),
];

StoreSummary summary = await documents.GetSummaryAsync();
Console.WriteLine($"{store}: {summary.Articles} articles, {summary.Events} events; {runs} queries per shape after 20 warm-up, limit 100");
foreach ((string name, Func<EventQuery> make) in shapes)
{
    for (int i = 0; i < 20; i++)
    {
        await documents.FindEventsAsync(make());
    }

    var times = new double[runs];
    long found = 0;
    for (int i = 0; i < runs; i++)
    {
        EventQuery query = make();
        long started = Stopwatch.GetTimestamp();
        found += (await documents.FindEventsAsync(query)).Count;
        times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    Array.Sort(times);
    double P(double q) => times[Math.Min(runs - 1, (int)Math.Ceiling(q * runs) - 1)];
    Console.WriteLine($"{name,-40} p50 {P(0.50),7:0.00} ms  p95 {P(0.95),7:0.00} ms  p99 {P(0.99),7:0.00} ms  max {times[^1],7:0.00} ms  ({found / (double)runs:0.0} events per answer)");
}

return 0;

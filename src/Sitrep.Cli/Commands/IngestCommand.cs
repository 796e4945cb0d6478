using System.CommandLine;
using System.Data.Common;
using System.Text.Json;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Sitrep.Articles;
using Sitrep.Articles.Feeds;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Sitrep.Worker;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep ingest &lt;files|dirs|jsonl|feeds|opml|urls|-&gt;</c>: extract each article and store its document. Each article is
/// committed on its own, so an interrupted run keeps what it stored and a rerun adds only what is missing
/// (the rest are duplicates). A feed's items are articles; an OPML list's feeds are read in turn; an http(s) address is
/// fetched (<see cref="FeedFetcher"/>). An input that cannot be fetched or read is a failure and the batch goes on.
/// A progress bar goes to stderr when it is a terminal; the summary always does.
/// </summary>
internal static class IngestCommand
{
    private const int ReasonsShown = 20;

    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Text, HTML, JSON Lines, RSS/Atom feed or OPML files, directories of them, http(s) addresses of feeds, or - for standard input.", Arity = ArgumentArity.OneOrMore };
        var store = StoreLocation.CreateOption();
        var published = new Option<string?>("--published") { Description = "Publication date (ISO 8601) for articles that do not give one." };
        var lang = new Option<string?>("--lang") { Description = "Declared language (ISO 639-1); kept unless the detector is confident of another." };
        var inputFormat = new Option<string>("--input-format")
        {
            Description = "auto, text, html, jsonl, feed (RSS or Atom: each item an article), opml (a list of feeds), or sitrep (sitrep/1 documents already extracted, one per line: stored as given).",
            DefaultValueFactory = _ => "auto",
        };
        inputFormat.AcceptOnlyFromAmong("auto", "text", "html", "jsonl", "feed", "opml", "sitrep");
        var fetchTimeout = new Option<double>("--fetch-timeout")
        {
            Description = "Seconds one attempt at fetching an address may take; transient failures are retried 3 times with backoff.",
            DefaultValueFactory = _ => 30,
        };
        var hostInterval = new Option<int>("--host-interval")
        {
            Description = "Milliseconds between two requests to the same host (politeness).",
            DefaultValueFactory = _ => 1000,
        };

        // Scale-out (issue 11): queue the articles for `sitrep worker`s instead of extracting them here.
        var to = new Option<string?>("--to") { Description = "Publish the articles to this NATS JetStream server (nats://host:4222) for sitrep workers instead of extracting and storing them here." };

        var command = new Command("ingest", "Extract articles and store their documents (new, duplicate or updated).") { inputs, store, published, lang, inputFormat, fetchTimeout, hostInterval, to };
        command.SetAction((parse, cancellationToken) =>
        {
            string? natsUrl = parse.GetValue(to) is { Length: > 0 } url ? url : null;
            return Run(
                parse.GetValue(inputs)!,
                natsUrl is null ? StoreLocation.Resolve(parse.GetValue(store)) : null,
                natsUrl,
                parse.GetValue(published),
                parse.GetValue(lang),
                parse.GetValue(inputFormat)!,
                parse.GetValue(fetchTimeout),
                parse.GetValue(hostInterval),
                cancellationToken);
        });
        return command;
    }

    /// <summary>Reads the inputs and stores their articles in <paramref name="location"/>, or queues them at <paramref name="natsUrl"/>.</summary>
    private static async Task<int> Run(string[] inputs, string? location, string? natsUrl, string? published, string? lang, string inputFormat, double fetchTimeout, int hostInterval, CancellationToken cancellationToken)
    {
        if (!ArticleDefaults.TryCreate(published, lang, out ArticleDefaults? defaults, out string? invalid))
        {
            return CliExit.Fail(invalid);
        }

        if (!(fetchTimeout > 0 && fetchTimeout <= 3600))
        {
            return CliExit.Fail($"--fetch-timeout: {fetchTimeout.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not a number of seconds between 0 and 3600");
        }

        if (hostInterval < 0)
        {
            return CliExit.Fail($"--host-interval: {hostInterval} is not a number of milliseconds (0 or more)");
        }

        var fetching = new FeedFetcherOptions
        {
            Timeout = TimeSpan.FromSeconds(fetchTimeout),
            PerHostInterval = TimeSpan.FromMilliseconds(hostInterval),
        };

        if (natsUrl is not null && inputFormat == "sitrep")
        {
            return CliExit.Fail("--to: --input-format sitrep is not queued: workers take articles, not documents");
        }

        var files = new List<(string Path, string Origin)>();
        try
        {
            foreach (string input in inputs)
            {
                files.AddRange(InputFiles.Resolve(input));
            }
        }
        catch (IOException e)
        {
            return CliExit.Fail(e.Message);
        }

        var tally = new Tally(queued: natsUrl is not null);
        try
        {
            if (natsUrl is not null)
            {
                await using var connection = new NatsConnection(new NatsOpts { Url = natsUrl, Name = "sitrep-ingest" });
                await connection.ConnectAsync().ConfigureAwait(false);
                var publisher = new ArticlePublisher(new NatsJSContext(connection), new ArticleQueueOptions());
                await publisher.EnsureStreamsAsync(cancellationToken).ConfigureAwait(false);
                using var run = new IngestRun(IngestSink.Queueing(publisher, cancellationToken), files, defaults, inputFormat, fetching, tally);
                await ExecuteAsync(run, tally, cancellationToken).ConfigureAwait(false);
                Console.Error.WriteLine($"sitrep: {tally.Brief()} to {natsUrl}");
            }
            else
            {
                await using IDocumentStore store = StoreLocation.Open(location!);
                await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
                using var run = new IngestRun(IngestSink.Storing(store, cancellationToken), files, defaults, inputFormat, fetching, tally);
                await ExecuteAsync(run, tally, cancellationToken).ConfigureAwait(false);
                Console.Error.WriteLine($"sitrep: {tally.Brief()} into {store.Location}");
            }
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine(natsUrl is null
                ? $"sitrep: interrupted after {tally.Brief()}; every stored article is complete, rerun to add the rest"
                : $"sitrep: interrupted after {tally.Brief()}; every queued article is kept, rerun to add the rest");
            return CliExit.Failure;
        }
        catch (NatsException e) when (natsUrl is not null)
        {
            return CliExit.Fail($"{natsUrl}: {e.Message}");
        }
        catch (IOException e) when (e is not FileNotFoundException)
        {
            return CliExit.Fail(e.Message);
        }
        catch (Exception e) when (e is DocumentStoreException or DbException or UnauthorizedAccessException or FileNotFoundException)
        {
            return CliExit.Fail($"{(natsUrl ?? StoreLocation.Describe(location!))}: {e.Message}");
        }

        foreach (string reason in tally.Reasons)
        {
            Console.Error.WriteLine($"sitrep: failed: {reason}");
        }

        if (tally.Failed > tally.Reasons.Count)
        {
            Console.Error.WriteLine($"sitrep: … and {tally.Failed - tally.Reasons.Count} more failures");
        }

        return tally.Read == 0 ? CliExit.Fail("no article found")
            : tally.Failed == 0 ? CliExit.Success
            : tally.Read == 1 ? CliExit.Failure
            : CliExit.PartialFailure;
    }

    /// <summary>Runs <paramref name="run"/> with a progress bar on stderr when it is a terminal.</summary>
    private static async Task ExecuteAsync(IngestRun run, Tally tally, CancellationToken cancellationToken)
    {
        if (Console.IsErrorRedirected)
        {
            await run.ExecuteAsync(null, cancellationToken).ConfigureAwait(false);
            return;
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                ProgressTask task = context.AddTask("ingest", maxValue: Math.Max(1, run.TotalBytes));
                await run.ExecuteAsync(
                    progress =>
                    {
                        task.Value = Math.Min(task.MaxValue, progress);
                        task.Description = Markup.Escape(tally.Brief());
                    },
                    cancellationToken).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
    }

    /// <summary>
    /// What becomes of each article read: extracted and stored here, or queued for workers (<c>--to</c>). <see cref="Take"/>
    /// does the part that may run on any core (extraction) and returns the part that runs in input order (storing,
    /// publishing); <see cref="Store"/> takes sitrep/1 documents as given (null when queueing).
    /// </summary>
    private sealed record IngestSink(Func<ArticleReadResult, Func<Task<IngestResult>>> Take, IDocumentStore? Store)
    {
        public static IngestSink Storing(IDocumentStore store, CancellationToken cancellationToken)
        {
            var ingestor = new ArticleIngestor(SitrepExtractor.Default, store);
            return new(
                read =>
                {
                    ExtractedArticle extracted = ingestor.Extract(read, cancellationToken);
                    return () => ingestor.StoreAsync(extracted, cancellationToken);
                },
                store);
        }

        public static IngestSink Queueing(ArticlePublisher publisher, CancellationToken cancellationToken) => new(
            read => read.Article is Article article
                ? async () => new IngestResult(article.Id, await publisher.PublishAsync(article, cancellationToken).ConfigureAwait(false) == PublishStatus.Queued
                    ? IngestStatus.New : IngestStatus.Duplicate, Origin: read.Origin)
                : () => Task.FromResult(IngestResult.Failure(read.Id, read.Error ?? "the article could not be read", read.Origin)),
            null);
    }

    /// <summary>Counts per status, and the first failure reasons.</summary>
    private sealed class Tally(bool queued)
    {
        public int Read { get; private set; }

        public int New { get; private set; }

        public int Duplicates { get; private set; }

        public int Updated { get; private set; }

        public int Failed { get; private set; }

        /// <summary>Stored articles linked to an earlier near-duplicate (counted in <see cref="New"/> or <see cref="Updated"/> too).</summary>
        public int NearDuplicates { get; private set; }

        public List<string> Reasons { get; } = [];

        public void Add(IngestResult result)
        {
            Read++;
            if (result.NearDuplicateOf is not null)
            {
                NearDuplicates++;
            }

            switch (result.Status)
            {
                case IngestStatus.New:
                    New++;
                    break;
                case IngestStatus.Duplicate:
                    Duplicates++;
                    break;
                case IngestStatus.Updated:
                    Updated++;
                    break;
                default:
                    Failed++;
                    if (Reasons.Count < ReasonsShown)
                    {
                        Reasons.Add($"{result.Origin ?? result.ArticleId}: {result.Error}");
                    }

                    break;
            }
        }

        public string Brief() => queued
            ? $"{Read} read, {New} queued, {Duplicates} already queued, {Failed} failed"
            : $"{Read} read, {New} new, {Duplicates} duplicates, {Updated} updated, {Failed} failed; {NearDuplicates} near-duplicates linked";
    }

    /// <summary>Reads (or fetches) each input, extracts (or takes the given documents) and stores, reporting bytes done.</summary>
    private sealed class IngestRun(IngestSink sink, List<(string Path, string Origin)> files, ArticleDefaults defaults, string inputFormat, FeedFetcherOptions fetching, Tally tally)
        : IDisposable
    {
        private readonly FeedFetcher _fetcher = new(fetching);

        // Articles being extracted (or documents parsed) on the thread pool, a few ahead, each with its share of the
        // input's bytes: every core extracts, and the sink takes them one at a time in the order they were read, so a
        // run stores the same articles in the same order (near-duplicate links, merged events' first reports) whatever the cores.
        private readonly Queue<(Task<Func<Task<IngestResult>>> Work, double Share)> _ahead = new();
        private double _done;

        public long TotalBytes { get; } = files.Sum(f => f.Path == "-" || FeedFetcher.IsAddress(f.Path) ? 0 : new FileInfo(f.Path).Length);

        private ArticleFormat Format => inputFormat switch
        {
            "text" => ArticleFormat.Text,
            "html" => ArticleFormat.Html,
            "jsonl" => ArticleFormat.JsonLines,
            "feed" => ArticleFormat.Feed,
            "opml" => ArticleFormat.Opml,
            _ => ArticleFormat.Auto,
        };

        public async Task ExecuteAsync(Action<double>? progress, CancellationToken cancellationToken)
        {
            foreach ((string path, string origin) in files)
            {
                double share = path == "-" || FeedFetcher.IsAddress(path) ? 0 : new FileInfo(path).Length;
                await IngestInputAsync(path, origin, Format, listed: false, share, progress, cancellationToken).ConfigureAwait(false);
            }

            while (_ahead.Count > 0)
            {
                await StoreNextAsync(progress, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task EnqueueAsync(Func<Func<Task<IngestResult>>> work, double share, Action<double>? progress, CancellationToken cancellationToken)
        {
            _ahead.Enqueue((Task.Run(work, cancellationToken), share));
            while (_ahead.Count > Environment.ProcessorCount)
            {
                await StoreNextAsync(progress, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>An input that fails as a whole (unreadable, not fetched) takes its place in the order too.</summary>
        private void Fail(IngestResult failure, double share = 0) => _ahead.Enqueue((Task.FromResult<Func<Task<IngestResult>>>(() => Task.FromResult(failure)), share));

        private async Task StoreNextAsync(Action<double>? progress, CancellationToken cancellationToken)
        {
            (Task<Func<Task<IngestResult>>> work, double share) = _ahead.Dequeue();
            Func<Task<IngestResult>> take = await work.ConfigureAwait(false);
            tally.Add(await take().ConfigureAwait(false));
            Advance(share, progress);
        }

        public void Dispose() => _fetcher.Dispose();

        /// <summary>One input: a file, stdin or an address; an OPML list's feeds in turn (<paramref name="listed"/>: named by one, whose feeds are not lists).</summary>
        private async Task IngestInputAsync(string path, string origin, ArticleFormat format, bool listed, double share, Action<double>? progress, CancellationToken cancellationToken)
        {
            (byte[] Bytes, Uri? Address)? input = await LoadAsync(path, origin, listed, cancellationToken).ConfigureAwait(false);
            if (input is not { } loaded)
            {
                Advance(share, progress);
                return;
            }

            (byte[] bytes, Uri? address) = loaded;

            string? fileName = path == "-" || address is not null ? null : path;
            if (inputFormat != "sitrep" && !listed && IsOpml(bytes, fileName, format))
            {
                List<(string Path, string Origin)>? feeds = FeedsOf(bytes, origin, address, fileName);
                if (feeds is null or [])
                {
                    Advance(share, progress);
                    return;
                }

                foreach ((string feedPath, string feedOrigin) in feeds)
                {
                    await IngestInputAsync(feedPath, feedOrigin, ArticleFormat.Feed, listed: true, share / feeds.Count, progress, cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            List<Func<Func<Task<IngestResult>>>> work = inputFormat == "sitrep" ? Documents(bytes, origin) : Articles(bytes, origin, fileName, address, format);
            if (work.Count == 0)
            {
                Advance(share, progress);
            }

            foreach (Func<Func<Task<IngestResult>>> item in work)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await EnqueueAsync(item, share / work.Count, progress, cancellationToken).ConfigureAwait(false);
            }
        }

        private void Advance(double bytes, Action<double>? progress)
        {
            _done += bytes;
            progress?.Invoke(_done);
        }

        /// <summary>The input's bytes and, when fetched, its final address; null (a failure counted) when it cannot be had.</summary>
        private async Task<(byte[] Bytes, Uri? Address)?> LoadAsync(string path, string origin, bool listed, CancellationToken cancellationToken)
        {
            try
            {
                if (path == "-")
                {
                    return (InputFiles.ReadStandardInput(), null);
                }

                if (FeedFetcher.IsAddress(path))
                {
                    if (!Uri.TryCreate(path, UriKind.Absolute, out Uri? uri))
                    {
                        throw new ArticleReadException("not a valid address");
                    }

                    FetchedDocument fetched = await _fetcher.FetchAsync(uri, cancellationToken).ConfigureAwait(false);
                    return (fetched.Body, fetched.Address);
                }

                return (await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), null);
            }
            catch (ArticleReadException e)
            {
                Fail(IngestResult.Failure(null, e.Message, origin));
                return null;
            }
            catch (Exception e) when (listed && e is IOException or UnauthorizedAccessException)
            {
                // A feed an OPML list names is one input among many: a missing file does not stop the others.
                Fail(IngestResult.Failure(null, e.Message, origin));
                return null;
            }
        }

        private static bool IsOpml(byte[] bytes, string? fileName, ArticleFormat format)
        {
            if (format != ArticleFormat.Auto)
            {
                return format == ArticleFormat.Opml;
            }

            try
            {
                return ArticleReader.Detect(fileName, TextDecoder.Decode(bytes.AsSpan(0, Math.Min(bytes.Length, 65_536))).Text) == ArticleFormat.Opml;
            }
            catch (ArticleReadException)
            {
                return false;
            }
        }

        /// <summary>
        /// The feeds an OPML list names, as inputs: addresses as they are; from a local list, other entries are paths
        /// relative to its folder; from a fetched list, only http(s) addresses (a web page cannot point at local files).
        /// </summary>
        private List<(string Path, string Origin)>? FeedsOf(byte[] bytes, string origin, Uri? address, string? fileName)
        {
            IReadOnlyList<FeedLocation> locations;
            try
            {
                locations = OpmlReader.Read(bytes, address);
            }
            catch (ArticleReadException e)
            {
                Fail(IngestResult.Failure(null, e.Message, origin));
                return null;
            }

            var feeds = new List<(string Path, string Origin)>();
            string folder = fileName is null ? "." : Path.GetDirectoryName(Path.GetFullPath(fileName)) ?? ".";
            foreach (FeedLocation location in locations)
            {
                if (FeedFetcher.IsAddress(location.Address))
                {
                    feeds.Add((location.Address, location.Address));
                }
                else if (address is not null || location.Address.Contains("://", StringComparison.Ordinal))
                {
                    Fail(IngestResult.Failure(null, "only http and https addresses are fetched", $"{origin}: {location.Address}"));
                }
                else
                {
                    string feedPath = Path.Combine(folder, location.Address);
                    feeds.Add((feedPath, feedPath));
                }
            }

            return feeds;
        }

        private List<Func<Func<Task<IngestResult>>>> Articles(byte[] bytes, string origin, string? fileName, Uri? address, ArticleFormat format)
        {
            var work = new List<Func<Func<Task<IngestResult>>>>();
            foreach (ArticleReadResult read in ArticleReader.Read(bytes, origin, format, fileName, address))
            {
                ArticleReadResult withDefaults = read.Article is Article article
                    ? read with { Article = defaults.ApplyTo(article) }
                    : read;
                work.Add(() => sink.Take(withDefaults));
            }

            return work;
        }

        private List<Func<Func<Task<IngestResult>>>> Documents(byte[] bytes, string origin)
        {
            IDocumentStore store = sink.Store!;
            var work = new List<Func<Func<Task<IngestResult>>>>();
            using var reader = new StringReader(System.Text.Encoding.UTF8.GetString(bytes));
            int number = 0;
            while (reader.ReadLine() is string line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                string lineOrigin = $"{origin}:{number}";
                work.Add(() =>
                {
                    StoredDocument document;
                    try
                    {
                        document = StoredDocument.FromJson(line);
                    }
                    catch (JsonException e)
                    {
                        return () => Task.FromResult(IngestResult.Failure(null, $"not a sitrep/1 document: {e.Message}", lineOrigin));
                    }

                    return async () => await store.PutAsync(document).ConfigureAwait(false) with { Origin = lineOrigin };
                });
            }

            return work;
        }
    }
}

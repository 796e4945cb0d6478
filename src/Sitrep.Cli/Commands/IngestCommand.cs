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

    /// <summary>The most articles committed in one transaction (see <c>IngestRun.StoreNextAsync</c>).</summary>
    private const int MaxGroup = 64;

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
    /// does the part that may run on any core (extraction) and returns what is left to do in input order;
    /// <see cref="Ingestor"/> stores documents (sitrep/1 documents as given too; null when queueing).
    /// </summary>
    private sealed record IngestSink(Func<ArticleReadResult, Step> Take, ArticleIngestor? Ingestor)
    {
        public static IngestSink Storing(IDocumentStore store, CancellationToken cancellationToken)
        {
            var ingestor = new ArticleIngestor(() => SitrepExtractor.Default, store);
            return new(read => new Step(ingestor.Extract(read, cancellationToken)), ingestor);
        }

        public static IngestSink Queueing(ArticlePublisher publisher, CancellationToken cancellationToken) => new(
            read => read.Article is Article article
                ? new Step(Publish: async () => new IngestResult(article.Id, await publisher.PublishAsync(article, cancellationToken).ConfigureAwait(false) == PublishStatus.Queued
                    ? IngestStatus.New : IngestStatus.Duplicate, Origin: read.Origin))
                : new Step(new ExtractedArticle(IngestResult.Failure(read.Id, read.Error ?? "the article could not be read", read.Origin))),
            null);
    }

    /// <summary>What is left to do with one article in input order: store its document (or count its failure), or publish it.</summary>
    private sealed record Step(ExtractedArticle? Extracted = null, Func<Task<IngestResult>>? Publish = null);

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
        // input's bytes: every core extracts, and they are stored in the order they were read, so a run stores the same
        // articles in the same order (near-duplicate links, merged events' first reports) whatever the cores.
        private readonly Queue<(Task<Step> Work, double Share)> _ahead = new();
        private double _done;

        // How far reading runs ahead of storing. Parsing a sitrep/1 document is cheap next to storing it, so more
        // documents are kept waiting for the writer (and stored together, see StoreNextAsync); extracting an article
        // is dear, so a couple per core suffice to keep every core busy.
        private int Window => inputFormat == "sitrep" ? MaxGroup : 2 * Environment.ProcessorCount;

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

        private async Task EnqueueAsync(Func<Step> work, double share, Action<double>? progress, CancellationToken cancellationToken)
        {
            _ahead.Enqueue((Task.Run(work, cancellationToken), share));
            while (_ahead.Count > Window)
            {
                await StoreNextAsync(progress, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>An input that fails as a whole (unreadable, not fetched) takes its place in the order too.</summary>
        private void Fail(IngestResult failure, double share = 0) => _ahead.Enqueue((Task.FromResult(new Step(new ExtractedArticle(failure))), share));

        /// <summary>
        /// Stores the next article, together with the articles after it that are already extracted (up to
        /// <see cref="MaxGroup"/>), in one transaction: group commit. Each article is still stored whole or not at all;
        /// a group forms only when the writer is the bottleneck, so it adds no wait, and one commit per group instead of per
        /// article is most of what storing costs. An article is counted once its group is committed.
        /// </summary>
        private async Task StoreNextAsync(Action<double>? progress, CancellationToken cancellationToken)
        {
            (Task<Step> work, double share) = _ahead.Dequeue();
            Step step = await work.ConfigureAwait(false);
            if (step.Publish is { } publish)
            {
                tally.Add(await publish().ConfigureAwait(false));
                Advance(share, progress);
                return;
            }

            var group = new List<ExtractedArticle> { step.Extracted! };
            double shares = share;
            while (group.Count < MaxGroup && _ahead.TryPeek(out (Task<Step> Work, double Share) next)
                && next.Work.IsCompletedSuccessfully && next.Work.Result.Extracted is { } extracted)
            {
                _ahead.Dequeue();
                group.Add(extracted);
                shares += next.Share;
            }

            IReadOnlyList<IngestResult> results = sink.Ingestor is { } ingestor
                ? await ingestor.StoreManyAsync(group, cancellationToken).ConfigureAwait(false)
                : [.. group.Select(e => e.Failure!)];
            foreach (IngestResult result in results)
            {
                tally.Add(result);
            }

            Advance(shares, progress);
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

            IEnumerable<(Func<Step> Work, double Fraction)> work = inputFormat == "sitrep" ? Documents(bytes, origin) : Articles(bytes, origin, fileName, address, format);
            double left = share;
            foreach ((Func<Step> item, double fraction) in work)
            {
                cancellationToken.ThrowIfCancellationRequested();
                left -= fraction * share;
                await EnqueueAsync(item, fraction * share, progress, cancellationToken).ConfigureAwait(false);
            }

            // Blank lines, or an input with no article at all.
            Advance(Math.Max(0, left), progress);
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

        /// <summary>The articles of one input, each with an equal fraction of its bytes.</summary>
        private IEnumerable<(Func<Step> Work, double Fraction)> Articles(byte[] bytes, string origin, string? fileName, Uri? address, ArticleFormat format)
        {
            List<ArticleReadResult> reads = [.. ArticleReader.Read(bytes, origin, format, fileName, address)];
            foreach (ArticleReadResult read in reads)
            {
                ArticleReadResult withDefaults = read.Article is Article article
                    ? read with { Article = defaults.ApplyTo(article) }
                    : read;
                yield return (() => sink.Take(withDefaults), 1.0 / reads.Count);
            }
        }

        /// <summary>
        /// The sitrep/1 documents of one input, one per line (after a UTF-8 byte order mark, if any), each with its line's
        /// fraction of the bytes. Only the line ends are found here; each line is decoded and parsed where its work runs,
        /// on any core, so a large file is never held decoded as a whole.
        /// </summary>
        private static IEnumerable<(Func<Step> Work, double Fraction)> Documents(byte[] bytes, string origin)
        {
            int start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0, number = 0;
            while (start < bytes.Length)
            {
                int end = bytes.AsSpan(start).IndexOf((byte)'\n') is int newline and >= 0 ? start + newline : bytes.Length;
                (int first, int length) = (start, end - start);
                number++;
                start = end + 1;
                if (bytes.AsSpan(first, length).Trim(" \t\r"u8).IsEmpty)
                {
                    continue;
                }

                string lineOrigin = $"{origin}:{number}";
                double fraction = (length + 1.0) / bytes.Length;
                yield return (() =>
                {
                    try
                    {
                        return new Step(new ExtractedArticle(StoredDocument.FromJson(System.Text.Encoding.UTF8.GetString(bytes, first, length).TrimEnd('\r')), lineOrigin));
                    }
                    catch (JsonException e)
                    {
                        return new Step(new ExtractedArticle(IngestResult.Failure(null, $"not a sitrep/1 document: {e.Message}", lineOrigin)));
                    }
                }, fraction);
            }
        }
    }
}

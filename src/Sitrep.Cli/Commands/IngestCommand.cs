using System.CommandLine;
using System.Data.Common;
using System.Text.Json;
using Sitrep.Articles;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep ingest &lt;files|dirs|jsonl|-&gt;</c>: extract each article and store its document. Each article is
/// committed on its own, so an interrupted run keeps what it stored and a rerun adds only what is missing
/// (the rest are duplicates). A progress bar goes to stderr when it is a terminal; the summary always does.
/// </summary>
internal static class IngestCommand
{
    private const int ReasonsShown = 20;

    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Text, HTML or JSON Lines files, directories of them, or - for standard input.", Arity = ArgumentArity.OneOrMore };
        var store = StoreLocation.CreateOption();
        var published = new Option<string?>("--published") { Description = "Publication date (ISO 8601) for articles that do not give one." };
        var lang = new Option<string?>("--lang") { Description = "Declared language (ISO 639-1); kept unless the detector is confident of another." };
        var inputFormat = new Option<string>("--input-format")
        {
            Description = "auto, text, html, jsonl (articles), or sitrep (sitrep/1 documents already extracted, one per line: stored as given).",
            DefaultValueFactory = _ => "auto",
        };
        inputFormat.AcceptOnlyFromAmong("auto", "text", "html", "jsonl", "sitrep");

        var command = new Command("ingest", "Extract articles and store their documents (new, duplicate or updated).") { inputs, store, published, lang, inputFormat };
        command.SetAction((parse, cancellationToken) => Run(
            parse.GetValue(inputs)!,
            StoreLocation.Resolve(parse.GetValue(store)),
            parse.GetValue(published),
            parse.GetValue(lang),
            parse.GetValue(inputFormat)!,
            cancellationToken));
        return command;
    }

    private static async Task<int> Run(string[] inputs, string location, string? published, string? lang, string inputFormat, CancellationToken cancellationToken)
    {
        if (!ArticleDefaults.TryCreate(published, lang, out ArticleDefaults? defaults, out string? invalid))
        {
            return CliExit.Fail(invalid);
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

        var tally = new Tally();
        try
        {
            await using IDocumentStore store = StoreLocation.Open(location);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var run = new IngestRun(store, files, defaults, inputFormat, tally);
            if (Console.IsErrorRedirected)
            {
                await run.ExecuteAsync(null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
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

            Console.Error.WriteLine($"sitrep: {tally.Brief()} into {store.Location}");
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"sitrep: interrupted after {tally.Brief()}; every stored article is complete, rerun to add the rest");
            return CliExit.Failure;
        }
        catch (IOException e) when (e is not FileNotFoundException)
        {
            return CliExit.Fail(e.Message);
        }
        catch (Exception e) when (e is DocumentStoreException or DbException or UnauthorizedAccessException or FileNotFoundException)
        {
            return CliExit.Fail($"{StoreLocation.Describe(location)}: {e.Message}");
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

    /// <summary>Counts per status, and the first failure reasons.</summary>
    private sealed class Tally
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

        public string Brief() => $"{Read} read, {New} new, {Duplicates} duplicates, {Updated} updated, {Failed} failed; {NearDuplicates} near-duplicates linked";
    }

    /// <summary>Reads each file, extracts (or takes the given documents) and stores, reporting bytes done.</summary>
    private sealed class IngestRun(IDocumentStore store, List<(string Path, string Origin)> files, ArticleDefaults defaults, string inputFormat, Tally tally)
    {
        private readonly ArticleIngestor _ingestor = new(SitrepExtractor.Default, store);

        public long TotalBytes { get; } = files.Sum(f => f.Path == "-" ? 0 : new FileInfo(f.Path).Length);

        public async Task ExecuteAsync(Action<double>? progress, CancellationToken cancellationToken)
        {
            double done = 0;
            foreach ((string path, string origin) in files)
            {
                byte[] bytes = path == "-" ? InputFiles.ReadStandardInput() : await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
                List<Func<Task<IngestResult>>> work = inputFormat == "sitrep" ? Documents(bytes, origin) : Articles(bytes, origin, path);
                double step = work.Count == 0 ? 0 : (double)bytes.Length / work.Count;
                foreach (Func<Task<IngestResult>> item in work)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    tally.Add(await item().ConfigureAwait(false));
                    done += step;
                    progress?.Invoke(done);
                }
            }
        }

        private List<Func<Task<IngestResult>>> Articles(byte[] bytes, string origin, string path)
        {
            ArticleFormat format = inputFormat switch
            {
                "text" => ArticleFormat.Text,
                "html" => ArticleFormat.Html,
                "jsonl" => ArticleFormat.JsonLines,
                _ => ArticleFormat.Auto,
            };
            var work = new List<Func<Task<IngestResult>>>();
            foreach (ArticleReadResult read in ArticleReader.Read(bytes, origin, format, path))
            {
                ArticleReadResult withDefaults = read.Article is Article article
                    ? read with { Article = defaults.ApplyTo(article) }
                    : read;
                work.Add(() => _ingestor.IngestAsync(withDefaults));
            }

            return work;
        }

        private List<Func<Task<IngestResult>>> Documents(byte[] bytes, string origin)
        {
            var work = new List<Func<Task<IngestResult>>>();
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
                work.Add(async () =>
                {
                    StoredDocument document;
                    try
                    {
                        document = StoredDocument.FromJson(line);
                    }
                    catch (JsonException e)
                    {
                        return IngestResult.Failure(null, $"not a sitrep/1 document: {e.Message}", lineOrigin);
                    }

                    return await store.PutAsync(document).ConfigureAwait(false) with { Origin = lineOrigin };
                });
            }

            return work;
        }
    }
}

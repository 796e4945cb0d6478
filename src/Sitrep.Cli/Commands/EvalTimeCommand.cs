using System.CommandLine;
using System.Globalization;
using Sitrep.Corpora;
using Sitrep.Evaluation;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep eval time</c>: TempEval-3 scores of the temporal tagger on TimeML corpora (the French TimeBank and
/// TBAQ by default), or of another system's output given with <c>--system</c> (see <see cref="TimeEvaluation.ReadJsonLines"/>).
/// </summary>
internal static class EvalTimeCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "A folder of TimeML files (default: the French TimeBank and TBAQ under ../shared/corpora/time)." };
        var lang = new Option<string?>("--lang") { Description = "Language of the --data texts (default: fr when the folder name says so, else en)." };
        var system = new Option<string?>("--system") { Description = "Score this system output instead: JSON Lines {doc,start,end,type,value} or a folder of TimeML files." };
        var split = new Option<string>("--split") { Description = "all, dev (every fifth document by sorted name, held out) or train (the rest).", DefaultValueFactory = _ => "all" };
        split.AcceptOnlyFromAmong("all", "dev", "train");
        var errors = new Option<int>("--errors") { Description = "Print up to this many misses and wrong values per corpus.", DefaultValueFactory = _ => 0 };
        var exportTexts = new Option<string?>("--export-texts") { Description = "Write the texts and reference dates as JSON Lines {doc,lang,dct,text} to this file (for peer systems) and stop." };
        var writeSystem = new Option<string?>("--write-system") { Description = "Also write the scored expressions to this file, in the --system JSON Lines format (for error analysis)." };

        var command = new Command("time", "TempEval-3 scores for dates, times and durations (strict/relaxed span F1, value and type).")
        {
            data, lang, system, split, errors, exportTexts, writeSystem,
        };
        command.SetAction(parse => Run(
            parse.GetValue(data),
            parse.GetValue(lang),
            parse.GetValue(system),
            parse.GetValue(split) switch { "dev" => CorpusSplit.Dev, "train" => CorpusSplit.Train, _ => CorpusSplit.All },
            parse.GetValue(errors),
            parse.GetValue(exportTexts),
            parse.GetValue(writeSystem)));
        return command;
    }

    private static int Run(string? data, string? lang, string? systemPath, CorpusSplit split, int errors, string? exportTexts, string? writeSystem)
    {
        IReadOnlyList<TimeCorpus> corpora;
        if (data is not null)
        {
            if (!Directory.Exists(data))
            {
                return CliExit.Fail($"--data: no such folder: {data}");
            }

            string language = lang ?? (Path.GetFullPath(data).Contains("fr", StringComparison.OrdinalIgnoreCase) ? "fr" : "en");
            corpora = [new TimeCorpus(Path.GetFileName(Path.TrimEndingDirectorySeparator(data)), language, data)];
        }
        else
        {
            string? root = CorporaLocator.Find();
            if (root is null)
            {
                return CliExit.Fail($"corpora not found: put the shared folder beside the repository or set {CorporaLocator.EnvironmentVariable}, or give --data");
            }

            corpora = TimeEvaluation.DefaultCorpora(root);
            if (corpora.Count == 0)
            {
                return CliExit.Fail($"no TimeML corpus under {Path.Combine(root, "time")}");
            }
        }

        if (exportTexts is not null)
        {
            using FileStream output = File.Create(exportTexts);
            foreach (TimeCorpus corpus in corpora)
            {
                TimeEvaluation.WriteTexts(output, TimeEvaluation.Load(corpus.Directory, split), corpus.Language);
            }

            return CliExit.Success;
        }

        Dictionary<string, List<Timex>>? jsonLines = null;
        if (systemPath is not null && File.Exists(systemPath))
        {
            try
            {
                jsonLines = TimeEvaluation.ReadJsonLines(systemPath);
            }
            catch (FormatException e)
            {
                return CliExit.Fail(e.Message);
            }
        }
        else if (systemPath is not null && !Directory.Exists(systemPath))
        {
            return CliExit.Fail($"--system: no such file or folder: {systemPath}");
        }

        using FileStream? written = writeSystem is null ? null : File.Create(writeSystem);
        Console.WriteLine($"system: {(systemPath is null ? "sitrep" : systemPath)}   split: {split.ToString().ToLowerInvariant()}");
        foreach (TimeCorpus corpus in corpora)
        {
            IReadOnlyList<TimeMLDocument> documents = TimeEvaluation.Load(corpus.Directory, split);
            Func<TimeMLDocument, IReadOnlyList<Timex>> system = jsonLines is not null
                ? d => jsonLines.TryGetValue(d.Id, out List<Timex>? found) ? found : []
                : systemPath is not null
                    ? d => FromFolder(systemPath, d)
                    : d => TimeEvaluation.Tag(d, corpus.Language);
            if (written is not null)
            {
                Func<TimeMLDocument, IReadOnlyList<Timex>> scored = system;
                system = d =>
                {
                    IReadOnlyList<Timex> found = scored(d);
                    TimeEvaluation.WriteJsonLines(written, d.Id, found);
                    return found;
                };
            }

            int printed = 0;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            TimexScores scores = TimeEvaluation.Score(documents, system, errors <= 0 ? null : (document, gold, found) =>
            {
                if (printed++ < errors)
                {
                    Console.WriteLine($"  {document.Id}\tgold {Describe(document, gold)}\tsystem {Describe(document, found)}\tdct {document.CreationTime:yyyy-MM-dd}");
                }
            });
            watch.Stop();
            Print(corpus, scores, watch.Elapsed);
        }

        return CliExit.Success;
    }

    private static IReadOnlyList<Timex> FromFolder(string folder, TimeMLDocument document)
    {
        string path = Path.Combine(folder, document.Id + ".tml");
        return File.Exists(path) ? TimeMLReader.ReadFile(path).Timexes : [];
    }

    private static string Describe(TimeMLDocument document, Timex? timex) =>
        timex is null ? "-" : $"'{document.Text.Substring(timex.Span.Start, timex.Span.Length).ReplaceLineEndings(" ")}' {timex.Type} {timex.Value}";

    private static void Print(TimeCorpus corpus, TimexScores s, TimeSpan elapsed)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{corpus.Name} ({corpus.Language}): {s.Documents} documents, {s.Relaxed.Expected} gold, {s.Relaxed.Predicted} system, {elapsed.TotalSeconds:0.00} s"));
        Console.WriteLine($"  strict   {s.Strict}");
        Console.WriteLine($"  relaxed  {s.Relaxed}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  value    {s.Value}   accuracy {s.ValueAccuracy:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  type     {s.Type}   accuracy {s.TypeAccuracy:0.000}"));
    }
}

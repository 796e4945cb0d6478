using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Corpora;
using Sitrep.Documents;
using Sitrep.Evaluation;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval langid</c>: accuracy of language identification on the UD test files, plus any given.</summary>
internal static class EvalLangidCommand
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data")
        {
            Description = "Extra files to measure: CoNLL-U or one sentence per line, named after their language (de_news.txt, und_arabic.txt).",
            AllowMultipleArgumentsPerToken = true,
        };
        var minChars = new Option<int>("--min-chars") { Description = "Leave out sentences shorter than this.", DefaultValueFactory = _ => LanguageIdEvaluator.DefaultMinChars };
        var corpora = CorporaOption.Create();
        var model = new Option<string?>("--model") { Description = "A model file to measure instead of the embedded one (e.g. a freshly trained models/langid.bin.gz)." };
        var showErrors = new Option<bool>("--show-errors") { Description = "Also print every misidentified sentence with its guess." };
        var command = new Command("langid", "Measure language identification on UD test sentences.") { data, minChars, corpora, model, showErrors };
        command.SetAction(parse => Run(parse.GetValue(data) ?? [], parse.GetValue(minChars), parse.GetValue(corpora), parse.GetValue(model), parse.GetValue(showErrors)));
        return command;
    }

    private static int Run(string[] extra, int minChars, string? corporaOption, string? modelPath, bool showErrors)
    {
        string? corpora = corporaOption ?? CorporaLocator.Find();
        if (corporaOption is not null && !Directory.Exists(corporaOption))
        {
            return CliExit.Fail($"{corporaOption}: corpora folder not found");
        }

        var files = new List<string>();
        if (corpora is null)
        {
            Console.Error.WriteLine("sitrep: corpora not found (../shared/corpora or $SITREP_CORPORA): measuring the --data files only");
        }
        else
        {
            files.AddRange(LanguageIdEvaluator.DefaultFiles.Select(f => Path.Combine(corpora, f)));
        }

        files.AddRange(extra);
        foreach (string file in files)
        {
            if (!File.Exists(file))
            {
                return CliExit.Fail($"{file}: no such file");
            }

            if (LanguageIdEvaluator.GoldLanguageOf(file) is null)
            {
                return CliExit.Fail($"{file}: the file name must start with the language of its sentences (fr_…, de-…, und_…)");
            }
        }

        if (files.Count == 0)
        {
            return CliExit.Fail("nothing to measure: give --data files or put the corpora beside the repository");
        }

        NgramLanguageIdentifier identifier;
        try
        {
            identifier = modelPath is null ? NgramLanguageIdentifier.Default : NgramLanguageIdentifier.LoadFile(modelPath);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return CliExit.Fail($"{modelPath}: {e.Message}");
        }

        var clock = Stopwatch.StartNew();
        LanguageIdReport report = new LanguageIdEvaluator(identifier).Evaluate(files, minChars);
        clock.Stop();

        var text = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(text, $"language identification, sentences of {minChars}+ characters, model {modelPath ?? "embedded"}"));
        Console.WriteLine($"{"file",-36} {"gold",-4} {"sentences",9} {"correct",8} {"accuracy",9}  confusion");
        foreach (LanguageIdFileResult file in report.Files)
        {
            string confusion = string.Join(", ", file.Confusion.Select(p => string.Create(text, $"{p.Key} {p.Value}")));
            Console.WriteLine(string.Create(text, $"{Path.GetFileName(file.File),-36} {file.Gold,-4} {file.Sentences,9} {file.Correct,8} {Percent(file.Accuracy),9}  {confusion}"));
        }

        Console.WriteLine(string.Create(text, $"{"overall",-36} {"",-4} {report.Sentences,9} {report.Correct,8} {Percent(report.Accuracy),9}"));
        Console.WriteLine(string.Create(text, $"({report.Sentences / Math.Max(clock.Elapsed.TotalSeconds, 1e-9):N0} sentences/s)"));
        if (showErrors)
        {
            foreach (LanguageIdFileResult file in report.Files)
            {
                foreach (LanguageIdError error in file.Errors)
                {
                    Console.WriteLine(string.Create(text, $"{Path.GetFileName(file.File)}\t{file.Gold} → {error.Guess.Language} {error.Guess.Confidence:F2}\t{error.Sentence}"));
                }
            }
        }

        return CliExit.Success;
    }

    private static string Percent(double value) => (value * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Corpora;
using Sitrep.Tagging.Lemmas;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval lemma</c>: lemma accuracy with gold UPOS on UD test files, overall, known/unknown and per UPOS.</summary>
internal static class EvalLemmaCommand
{
    public static Command Create()
    {
        var language = new Option<string>("--lang") { Description = "fr or en.", Required = true };
        language.AcceptOnlyFromAmong("fr", "en");
        var data = new Option<string[]>("--data")
        {
            Description = "CoNLL-U files to measure instead of the defaults (fr: fr_sequoia-ud-test and fr_gsd-ud-test; en: en_ewt-ud-test).",
            AllowMultipleArgumentsPerToken = true,
        };
        var corpora = CorporaOption.Create();
        var model = new Option<string?>("--model") { Description = "A model file to measure instead of the embedded one (e.g. a freshly trained models/lemma-fr.tsv.gz)." };
        var showErrors = new Option<int>("--show-errors") { Description = "Also print the N most frequent errors of each file.", DefaultValueFactory = _ => 0 };
        var command = new Command("lemma", "Measure the lemmatizer on UD files, with gold part-of-speech tags.") { language, data, corpora, model, showErrors };
        command.SetAction(parse => Run(parse.GetValue(language)!, parse.GetValue(data) ?? [], parse.GetValue(corpora), parse.GetValue(model), parse.GetValue(showErrors)));
        return command;
    }

    private static int Run(string language, string[] data, string? corporaOption, string? modelPath, int showErrors)
    {
        if (corporaOption is not null && !Directory.Exists(corporaOption))
        {
            return CliExit.Fail($"{corporaOption}: corpora folder not found");
        }

        var files = new List<string>(data);
        if (files.Count == 0)
        {
            string? corpora = corporaOption ?? CorporaLocator.Find();
            if (corpora is null)
            {
                return CliExit.Fail("corpora not found (../shared/corpora or $SITREP_CORPORA): give --data files to measure");
            }

            files.AddRange(LemmaCorpus.TestFiles(language).Select(f => Path.Combine(corpora, f)));
        }

        foreach (string file in files)
        {
            if (!File.Exists(file))
            {
                return CliExit.Fail($"{file}: no such file");
            }
        }

        Lemmatizer? lemmatizer;
        try
        {
            lemmatizer = modelPath is null ? Lemmatizer.For(language) : Lemmatizer.LoadFile(modelPath);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return CliExit.Fail($"{modelPath}: {e.Message}");
        }

        if (lemmatizer is null)
        {
            return CliExit.Fail($"no embedded lemmatizer for {language}: run 'sitrep train lemma --lang {language}' and rebuild");
        }

        var text = CultureInfo.InvariantCulture;
        Console.WriteLine($"lemmas, {language}, gold UPOS, model {modelPath ?? "embedded"}");
        foreach (string file in files)
        {
            var clock = Stopwatch.StartNew();
            LemmaFileScore score;
            try
            {
                score = LemmaEvaluator.Evaluate(lemmatizer, file, ConlluReader.ReadFile(file));
            }
            catch (Exception e) when (e is IOException or FormatException)
            {
                return CliExit.Fail($"{file}: {e.Message}");
            }

            clock.Stop();
            Console.WriteLine();
            Console.WriteLine(Path.GetFileName(file));
            Console.WriteLine($"  {"",-20} {"words",7} {"correct",8} {"accuracy",9}");
            Line("all words", score.Words);
            Line("known forms", score.Known);
            Line("unknown forms", score.Unknown);
            Line("multiword surfaces", score.MultiwordTokens);
            Console.WriteLine("  per UPOS");
            foreach ((string upos, LemmaTally tally) in score.PerUpos)
            {
                Line("  " + upos, tally);
            }

            Console.WriteLine(string.Create(text, $"  ({score.Words.Total / Math.Max(clock.Elapsed.TotalSeconds, 1e-9):N0} words/s, reading the file included)"));
            if (showErrors > 0)
            {
                Console.WriteLine("  most frequent errors (count, form, UPOS, gold → guess, known)");
                foreach (var group in score.Errors
                    .GroupBy(e => e)
                    .OrderByDescending(g => g.Count())
                    .ThenBy(g => g.Key.Form, StringComparer.Ordinal)
                    .Take(showErrors))
                {
                    Console.WriteLine(string.Create(text, $"  {group.Count(),4}  {group.Key.Form}\t{group.Key.Upos}\t{group.Key.Gold} → {group.Key.Guess}\t{(group.Key.Known ? "known" : "unknown")}"));
                }
            }
        }

        return CliExit.Success;

        void Line(string label, LemmaTally tally) =>
            Console.WriteLine(string.Create(text, $"  {label,-20} {tally.Total,7} {tally.Correct,8} {(tally.Accuracy * 100).ToString("F2", text) + "%",9}"));
    }
}

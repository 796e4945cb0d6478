using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Corpora;
using Sitrep.Evaluation;
using Sitrep.Tagging.Entities;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep eval ner --lang fr</c>: CoNLL exact-span scores of the named-entity tagger, or of another
/// system's output (<c>--system</c>), on the data sets of <see cref="NerDatasets"/>.
/// </summary>
internal static class EvalNerCommand
{
    public static Command Create()
    {
        var language = new Option<string>("--lang") { Description = "fr or en.", Required = true };
        var data = new Option<string[]>("--data") { Description = "Data sets (names under ner/ such as conll2003-en/eng.testa, europeana-fr/dev, or files); default: the language's evaluation sets.", AllowMultipleArgumentsPerToken = true };
        var corpora = CorporaOption.Create();
        var model = new Option<string?>("--model") { Description = "A model file to measure instead of the shipped one." };
        var system = new Option<string?>("--system") { Description = "Score this file instead of running Sitrep: token TAB gold TAB predicted lines (IOB2), a blank line after each sentence." };
        var export = new Option<string?>("--export") { Description = "Write the data sets (and the training sets) to this folder as token TAB tag files, for peer systems; measure nothing." };
        var command = new Command("ner", "Measure named-entity recognition (CoNLL exact-span P/R/F1).") { language, data, corpora, model, system, export };
        command.SetAction(parse => Run(parse.GetValue(language)!, parse.GetValue(data) ?? [], parse.GetValue(corpora), parse.GetValue(model), parse.GetValue(system), parse.GetValue(export)));
        return command;
    }

    private static int Run(string language, string[] data, string? corporaOption, string? modelPath, string? systemFile, string? exportFolder)
    {
        try
        {
            if (systemFile is not null)
            {
                Print(Path.GetFileName(systemFile), ScoreSystemFile(systemFile), null);
                return CliExit.Success;
            }

            string? corpora = corporaOption ?? CorporaLocator.Find();
            IReadOnlyList<string> names = data.Length > 0 ? data : NerDatasets.Evaluation(language);
            if (corpora is null && names.Any(n => !File.Exists(n)))
            {
                return CliExit.Fail("corpora not found (../shared/corpora or $SITREP_CORPORA): give --data files");
            }

            if (exportFolder is not null)
            {
                return Export(corpora!, language, names, exportFolder);
            }

            EntityTagger? tagger = modelPath is null ? EntityTagger.For(language) : EntityTagger.LoadFile(modelPath);
            if (tagger is null)
            {
                return CliExit.Fail($"no named-entity model for language '{language}'");
            }

            Console.WriteLine($"named entities ({language}), CoNLL exact spans, model {modelPath ?? "shipped"}");
            foreach (string name in names)
            {
                IReadOnlyList<NerSentence> sentences = NerDatasets.Load(corpora ?? string.Empty, name, language);
                var scorer = new NerScorer();
                var clock = Stopwatch.StartNew();
                foreach (NerSentence sentence in sentences)
                {
                    scorer.Add(sentence.Tags, tagger.TagIob2(sentence.Tokens));
                }

                clock.Stop();
                Print(name, scorer.Score(), clock.Elapsed);
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or ArgumentException)
        {
            return CliExit.Fail(e.Message);
        }

        return CliExit.Success;
    }

    private static int Export(string corpora, string language, IReadOnlyList<string> names, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach ((string name, string role) in NerDatasets.Training(language).Select(n => (n, "train")).Concat(names.Select(n => (n, "eval"))))
        {
            string file = Path.Combine(folder, $"{language}.{role}.{name.Replace('/', '_')}.tsv");
            using var writer = new StreamWriter(file);
            NerCorpusReader.WriteColumns(writer, NerDatasets.Load(corpora, name, language));
            Console.WriteLine(file);
        }

        return CliExit.Success;
    }

    private static NerScore ScoreSystemFile(string path)
    {
        var scorer = new NerScorer();
        var gold = new List<string>();
        var predicted = new List<string>();
        foreach (string line in File.ReadLines(path).Append(string.Empty))
        {
            if (line.Length == 0)
            {
                if (gold.Count > 0)
                {
                    scorer.Add(gold, predicted);
                    gold.Clear();
                    predicted.Clear();
                }

                continue;
            }

            string[] columns = line.Split('\t');
            if (columns.Length < 3)
            {
                throw new FormatException($"{path}: expected token TAB gold TAB predicted, got: {line}");
            }

            gold.Add(columns[^2]);
            predicted.Add(columns[^1]);
        }

        return scorer.Score();
    }

    private static void Print(string name, NerScore score, TimeSpan? elapsed)
    {
        var text = CultureInfo.InvariantCulture;
        string speed = elapsed is { } time ? string.Create(text, $"  {score.Tokens / Math.Max(time.TotalSeconds, 1e-9):N0} tokens/s") : string.Empty;
        Console.WriteLine(string.Create(text,
            $"{name}: {score.Sentences:N0} sentences, {score.Tokens:N0} tokens, {score.Overall.Expected:N0} entities; token accuracy {score.TokenAccuracy * 100:F2}%{speed}"));
        Console.WriteLine(string.Create(text, $"  {"overall",-6} {Format(score.Overall)}"));
        foreach ((string type, PrecisionRecall pr) in score.PerType)
        {
            Console.WriteLine(string.Create(text, $"  {type,-6} {Format(pr)}  ({pr.Expected:N0} gold, {pr.Predicted:N0} found)"));
        }
    }

    private static string Format(PrecisionRecall pr) =>
        string.Create(CultureInfo.InvariantCulture, $"P {pr.Precision * 100,6:F2}  R {pr.Recall * 100,6:F2}  F1 {pr.F1 * 100,6:F2}");
}

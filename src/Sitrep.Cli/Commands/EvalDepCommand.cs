using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Corpora;
using Sitrep.Evaluation;
using Sitrep.Tagging.Dependencies;
using Sitrep.Tagging.Lemmas;
using Sitrep.Tagging.PartOfSpeech;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval dep --lang fr</c>: UAS, LAS and per-relation scores on UD files, gold tokenisation, predicted tags.</summary>
internal static class EvalDepCommand
{
    public static Command Create()
    {
        var language = new Option<string>("--lang") { Description = "fr or en.", Required = true };
        var data = new Option<string[]>("--data") { Description = "CoNLL-U files (default: fr_sequoia-ud-test, en_ewt-ud-test), as paths or relative to the corpora folder.", AllowMultipleArgumentsPerToken = true };
        var corpora = CorporaOption.Create();
        var model = new Option<string?>("--model") { Description = "A model file to measure instead of the shipped one." };
        var goldTags = new Option<bool>("--gold-tags") { Description = "Parse with the gold part-of-speech tags and lemmas instead of predicted ones." };
        var command = new Command("dep", "Measure dependency parsing (UAS, LAS, per-relation P/R/F1) on UD files.") { language, data, corpora, model, goldTags };
        command.SetAction(parse => Run(parse.GetValue(language)!, parse.GetValue(data) ?? [], parse.GetValue(corpora), parse.GetValue(model), parse.GetValue(goldTags)));
        return command;
    }

    /// <summary>The UD file each language's parser is measured on by default.</summary>
    public static IReadOnlyList<string> DefaultFiles(string language) => language switch
    {
        "fr" => ["ud/fr_sequoia-ud-test.conllu"],
        "en" => ["ud/en_ewt-ud-test.conllu"],
        _ => [],
    };

    private static int Run(string language, string[] data, string? corporaOption, string? modelPath, bool goldTags)
    {
        DependencyParser? parser;
        try
        {
            parser = modelPath is null ? DependencyParser.For(language) : DependencyParser.LoadFile(modelPath);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return CliExit.Fail($"{modelPath}: {e.Message}");
        }

        if (parser is null)
        {
            return CliExit.Fail($"no dependency model for language '{language}'");
        }

        PosTagger? tagger = goldTags ? null : PosTagger.For(language);
        if (!goldTags && tagger is null)
        {
            return CliExit.Fail($"no part-of-speech model for language '{language}'");
        }

        if (!EvalFiles.TryResolve(data, DefaultFiles(language), corporaOption, out List<string> files, out string? error))
        {
            return CliExit.Fail(error);
        }

        var text = CultureInfo.InvariantCulture;
        Console.WriteLine($"dependencies ({language}), gold tokenisation, {(goldTags ? "gold" : "predicted")} tags and lemmas, model {modelPath ?? "shipped"}");
        Console.WriteLine("UAS and LAS count every word, punctuation included (the UD standard); LAS needs the relation subtype too");
        foreach (string file in files)
        {
            var sentences = ConlluReader.ReadFile(file).ToList();
            var clock = Stopwatch.StartNew();
            var scorer = DependencyScorer.Evaluate(parser, tagger, goldTags ? null : Lemmatizer.For(language), sentences);
            clock.Stop();
            Console.WriteLine();
            Console.WriteLine(string.Create(text, $"{Path.GetFileName(file)}: {scorer.Sentences:N0} sentences, {scorer.Words:N0} words ({scorer.Words / clock.Elapsed.TotalSeconds:N0} words/s with tagging)"));
            Console.WriteLine("  " + scorer.Summary());
            Console.WriteLine(string.Create(text, $"  {"relation",-16} {"gold",6} {"P",7} {"R",7} {"F1",7}"));
            foreach ((string relation, int gold, PrecisionRecall score) in scorer.PerRelation())
            {
                Console.WriteLine(string.Create(text, $"  {relation,-16} {gold,6} {score.Precision * 100,7:F2} {score.Recall * 100,7:F2} {score.F1 * 100,7:F2}"));
            }
        }

        return CliExit.Success;
    }
}

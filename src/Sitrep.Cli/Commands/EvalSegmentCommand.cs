using System.CommandLine;
using System.Globalization;
using Sitrep.Corpora;
using Sitrep.Evaluation;
using Sitrep.Segmentation;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval segment [--data FILE …] [--lang L]</c>: token and sentence scores on UD treebanks.</summary>
internal static class EvalSegmentCommand
{
    private static readonly string[] DefaultFiles = ["fr_sequoia-ud-test", "fr_gsd-ud-test", "en_ewt-ud-test"];

    public static Command Create()
    {
        var data = new Option<string[]>("--data")
        {
            Description = "CoNLL-U files or folders of them, as paths or as names under <corpora>/ud (fr_gsd-ud-dev, en_gum). Default: "
                + string.Join(", ", DefaultFiles) + ".",
            AllowMultipleArgumentsPerToken = true,
        };
        var lang = new Option<string?>("--lang") { Description = "Language of the data (default: from the file name, fr_… or en_…)." };
        var layout = new Option<string>("--layout")
        {
            Description = "How the raw text is rebuilt: paragraphs (sentences joined by a space, paragraphs by a blank line), "
                + "lines (one paragraph per line) or wrapped (paragraphs hard-wrapped at 72 columns).",
            DefaultValueFactory = _ => "paragraphs",
        };
        layout.AcceptOnlyFromAmong("paragraphs", "lines", "wrapped");
        var errors = new Option<int>("--errors") { Description = "Print up to N token and N sentence errors per file.", DefaultValueFactory = _ => 0 };

        var command = new Command("segment", "Token and sentence boundary precision, recall and F1 on Universal Dependencies files.")
        {
            data, lang, layout, errors,
        };
        command.SetAction(parse => Run(
            parse.GetValue(data) ?? [],
            parse.GetValue(lang),
            parse.GetValue(layout) switch
            {
                "lines" => GoldTextLayout.Lines,
                "wrapped" => GoldTextLayout.Wrapped,
                _ => GoldTextLayout.Paragraphs,
            },
            parse.GetValue(errors)));
        return command;
    }

    private static int Run(string[] data, string? lang, GoldTextLayout layout, int maxErrors)
    {
        string? corpora = CorporaLocator.Find();
        string[] names = data.Length > 0 ? data : DefaultFiles;
        var scores = new List<SegmentationScore>();
        foreach (string name in names)
        {
            string? path = Resolve(name, corpora);
            if (path is null)
            {
                return CliExit.Fail($"--data: not found: '{name}' (a .conllu file or folder, or a name under {corpora ?? "../shared/corpora"}/ud)");
            }

            string? language = lang ?? LanguageOf(path);
            if (language is null)
            {
                return CliExit.Fail($"{name}: cannot tell the language from the file name; give --lang");
            }

            string[] files = Directory.Exists(path)
                ? [.. Directory.GetFiles(path, "*.conllu", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
                : [path];
            if (files.Length == 0)
            {
                return CliExit.Fail($"{name}: no .conllu file");
            }

            IEnumerable<ConlluSentence> sentences = files.SelectMany(ConlluReader.ReadFile);
            string label = Path.GetFileNameWithoutExtension(path.TrimEnd(Path.DirectorySeparatorChar));
            SegmentationScore score;
            try
            {
                score = SegmentationEvaluator.Evaluate(label, sentences, Segmenters.For(language), layout, maxErrors);
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
            {
                return CliExit.Fail($"{name}: {e.Message}");
            }

            scores.Add(score);
            foreach (SegmentationError error in score.Errors)
            {
                Console.WriteLine($"  {score.Name} {error.Kind}: {error.Context}");
            }
        }

        Print(scores);
        return CliExit.Success;
    }

    private static void Print(List<SegmentationScore> scores)
    {
        Console.WriteLine("Token spans and sentence spans (a sentence counts when its start and end both match); ceiling = best sentence F1 of a punctuation-only splitter.");
        Console.WriteLine($"{"file",-22} {"tokens",8} {"P",6} {"R",6} {"F1",6}  {"sentences",9} {"P",6} {"R",6} {"F1",6}  {"ceiling",7}");
        PrecisionRecall tokens = default, sentences = default, ceiling = default;
        foreach (SegmentationScore score in scores)
        {
            Line(score.Name, score.Tokens, score.Sentences, score.SentenceCeiling);
            if (score.UnlocatedTokens > 0)
            {
                Console.WriteLine($"  ({score.UnlocatedTokens} gold tokens could not be located in the # text lines and are not scored)");
            }

            tokens += score.Tokens;
            sentences += score.Sentences;
            ceiling += score.SentenceCeiling;
        }

        if (scores.Count > 1)
        {
            Line("overall", tokens, sentences, ceiling);
        }
    }

    private static void Line(string name, PrecisionRecall tokens, PrecisionRecall sentences, PrecisionRecall ceiling) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-22} {tokens.Expected,8} {Percent(tokens.Precision),6} {Percent(tokens.Recall),6} {Percent(tokens.F1),6}  {sentences.Expected,9} {Percent(sentences.Precision),6} {Percent(sentences.Recall),6} {Percent(sentences.F1),6}  {Percent(ceiling.F1),7}"));

    private static string Percent(double value) => (100 * value).ToString("F2", CultureInfo.InvariantCulture);

    private static string? Resolve(string name, string? corpora)
    {
        if (File.Exists(name) || Directory.Exists(name))
        {
            return Path.GetFullPath(name);
        }

        if (corpora is null)
        {
            return null;
        }

        foreach (string candidate in new[] { Path.Combine(corpora, "ud", name), Path.Combine(corpora, "ud", name + ".conllu") })
        {
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>«fr_gsd-ud-dev.conllu» → fr, «…/en_gum/GUM_news_x.conllu» → en: UD names start with the language code.</summary>
    private static string? LanguageOf(string path)
    {
        foreach (string part in new[] { Path.GetFileName(path.TrimEnd(Path.DirectorySeparatorChar)), Path.GetFileName(Path.GetDirectoryName(path) ?? "") })
        {
            if (part.Length > 3 && part[2] == '_' && char.IsAsciiLetterLower(part[0]) && char.IsAsciiLetterLower(part[1]))
            {
                return part[..2];
            }
        }

        return null;
    }
}

using System.Collections.Immutable;
using Sitrep.Corpora;
using Sitrep.Documents;

namespace Sitrep.Evaluation;

/// <summary>Accuracy of language identification on one file: how many sentences went to which language.</summary>
/// <param name="File">The file as given.</param>
/// <param name="Gold">The language every sentence of the file is in (from the file name).</param>
/// <param name="Sentences">Sentences measured (those long enough).</param>
/// <param name="Correct">Sentences identified as <paramref name="Gold"/>.</param>
/// <param name="Confusion">Guessed language (or "und") → sentences, ordinal order.</param>
/// <param name="Errors">The misidentified sentences with their guess, in file order.</param>
public sealed record LanguageIdFileResult(
    string File, string Gold, int Sentences, int Correct, ImmutableSortedDictionary<string, int> Confusion, ImmutableArray<LanguageIdError> Errors)
{
    public double Accuracy => Sentences == 0 ? 0 : (double)Correct / Sentences;
}

/// <summary>A sentence identified as another language than its file's.</summary>
public readonly record struct LanguageIdError(string Sentence, LanguageGuess Guess);

/// <summary>Per-file results and their total.</summary>
public sealed record LanguageIdReport(ImmutableArray<LanguageIdFileResult> Files, int MinChars)
{
    public int Sentences => Files.Sum(f => f.Sentences);

    public int Correct => Files.Sum(f => f.Correct);

    public double Accuracy => Sentences == 0 ? 0 : (double)Correct / Sentences;
}

/// <summary>
/// Measures an <see cref="ILanguageIdentifier"/> on sentences whose language is known from their file name:
/// <c>fr_sequoia-ud-test.conllu</c> is French, <c>und_mixed.txt</c> should be "und". CoNLL-U files give their
/// <c># text</c> lines; other files one sentence per line (blank lines and <c>#</c> comments skipped).
/// Sentences shorter than the minimum length are left out: identification is not expected on «Merci.».
/// </summary>
public sealed class LanguageIdEvaluator(ILanguageIdentifier identifier)
{
    /// <summary>The default test files, below the corpora folder: every UD test split of a language Sitrep reads.</summary>
    public static ImmutableArray<string> DefaultFiles { get; } =
        ["ud/fr_sequoia-ud-test.conllu", "ud/fr_gsd-ud-test.conllu", "ud/en_ewt-ud-test.conllu"];

    public const int DefaultMinChars = 40;

    public LanguageIdReport Evaluate(IEnumerable<string> files, int minChars = DefaultMinChars)
    {
        ArgumentNullException.ThrowIfNull(files);
        return new LanguageIdReport([.. files.Select(f => EvaluateFile(f, minChars))], minChars);
    }

    public LanguageIdFileResult EvaluateFile(string path, int minChars = DefaultMinChars)
    {
        ArgumentNullException.ThrowIfNull(path);
        string gold = GoldLanguageOf(path)
            ?? throw new ArgumentException($"{path}: the file name must start with the language code of its sentences (e.g. fr_…, de-…, und_…)", nameof(path));
        var confusion = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var errors = ImmutableArray.CreateBuilder<LanguageIdError>();
        int sentences = 0, correct = 0;
        foreach (string sentence in ReadSentences(path))
        {
            if (sentence.Length < minChars)
            {
                continue;
            }

            LanguageGuess guess = identifier.Identify(sentence);
            sentences++;
            confusion[guess.Language] = confusion.GetValueOrDefault(guess.Language) + 1;
            if (string.Equals(guess.Language, gold, StringComparison.Ordinal))
            {
                correct++;
            }
            else
            {
                errors.Add(new LanguageIdError(sentence, guess));
            }
        }

        return new LanguageIdFileResult(path, gold, sentences, correct, confusion.ToImmutableSortedDictionary(StringComparer.Ordinal), errors.ToImmutable());
    }

    /// <summary>The language code a file name starts with («fr_gsd-ud-test.conllu» → fr, «und-arabic.txt» → und), or null.</summary>
    public static string? GoldLanguageOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = Path.GetFileName(path);
        int end = name.AsSpan().IndexOfAny("_-.");
        if (end < 0)
        {
            return null;
        }

        string prefix = name[..end];
        return string.Equals(prefix, LanguageCodes.Undetermined, StringComparison.OrdinalIgnoreCase)
            ? LanguageCodes.Undetermined
            : LanguageCodes.Normalize(prefix);
    }

    /// <summary>The sentences of a CoNLL-U file (its <c># text</c> lines) or of a text file (one per line).</summary>
    public static IEnumerable<string> ReadSentences(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(".conllu", StringComparison.OrdinalIgnoreCase))
        {
            return ConlluReader.ReadFile(path).Select(s => s.Text).OfType<string>();
        }

        return File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#');
    }
}

using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Sitrep.Corpora;

namespace Sitrep.Tagging.Lemmas;

/// <summary>
/// Which corpus files train and measure the lemmatizers (only the «ship» column of the corpora README trains
/// a shipped model; test files and GUM's test documents never do), and how a multiword token is scored.
/// </summary>
public static partial class LemmaCorpus
{
    /// <summary>GUM genres whose texts may train a shipped model (corpora README).</summary>
    private static readonly string[] GumShipGenres = ["academic", "bio", "court", "interview", "news", "speech", "textbook", "voyage"];

    /// <summary>Training files relative to the corpora folder. French: Sequoia train and GSD dev, plus Sequoia dev when <paramref name="includeDev"/>.</summary>
    public static ImmutableArray<string> TrainingFiles(string corpora, string language, bool includeDev)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        switch (language)
        {
            case "fr":
                return includeDev
                    ? ["ud/fr_sequoia-ud-train.conllu", "ud/fr_sequoia-ud-dev.conllu", "ud/fr_gsd-ud-dev.conllu"]
                    : ["ud/fr_sequoia-ud-train.conllu", "ud/fr_gsd-ud-dev.conllu"];
            case "en":
                var files = ImmutableArray.CreateBuilder<string>();
                files.Add("ud/en_ewt-ud-dev.conllu");
                string gum = Path.Combine(corpora, "ud", "en_gum");
                ISet<string> held = GumTestDocuments(Path.Combine(gum, "splits.md"));
                foreach (string genre in GumShipGenres)
                {
                    if (!Directory.Exists(gum))
                    {
                        break;
                    }

                    foreach (string path in Directory.GetFiles(gum, $"GUM_{genre}_*.conllu").Order(StringComparer.Ordinal))
                    {
                        if (!held.Contains(Path.GetFileNameWithoutExtension(path)))
                        {
                            files.Add("ud/en_gum/" + Path.GetFileName(path));
                        }
                    }
                }

                return files.ToImmutable();
            default:
                return [];
        }
    }

    /// <summary>The files <c>sitrep eval lemma</c> measures by default.</summary>
    public static ImmutableArray<string> TestFiles(string language) => language switch
    {
        "fr" => ["ud/fr_sequoia-ud-test.conllu", "ud/fr_gsd-ud-test.conllu"],
        "en" => ["ud/en_ewt-ud-test.conllu"],
        _ => [],
    };

    /// <summary>
    /// GUM's test documents, from the «## test» list of its <c>splits.md</c>. Without that file there is no way
    /// to know them, so training stops rather than risk reading them.
    /// </summary>
    public static ISet<string> GumTestDocuments(string splitsPath)
    {
        if (!File.Exists(splitsPath))
        {
            throw new FileNotFoundException($"{splitsPath} not found: GUM's test documents cannot be left out", splitsPath);
        }

        var held = new HashSet<string>(StringComparer.Ordinal);
        bool inTest = false;
        foreach (string line in File.ReadLines(splitsPath))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inTest = line.Trim() == "## test";
                continue;
            }

            Match m = ListItem().Match(line);
            if (inTest && m.Success)
            {
                held.Add(m.Groups[1].Value);
            }
        }

        return held;
    }

    /// <summary>
    /// The UPOS and lemma a multiword token gets as one surface token, the way Sitrep's tokenizer keeps it:
    /// the first word's («du» = de/ADP + le/DET → ADP «de»; «I'm» → PRON «I»), except a preposition fused with a
    /// pronoun, which takes the pronoun («duquel» = de/ADP + lequel/PRON → PRON «lequel»).
    /// </summary>
    public static (string Upos, string Lemma)? SurfaceWord(ConlluSentence sentence, ConlluToken token)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(token);
        ConlluWord? first = WordAt(sentence, token.FirstWord);
        ConlluWord? last = WordAt(sentence, token.LastWord);
        if (first is null || last is null)
        {
            return null;
        }

        ConlluWord chosen = first.Upos == "ADP" && last.Upos == "PRON" ? last : first;
        return (chosen.Upos, chosen.Lemma);
    }

    private static ConlluWord? WordAt(ConlluSentence sentence, int id)
    {
        if (id >= 1 && id <= sentence.Words.Length && sentence.Words[id - 1].Id == id)
        {
            return sentence.Words[id - 1];
        }

        foreach (ConlluWord word in sentence.Words)
        {
            if (word.Id == id)
            {
                return word;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\s*\*\s+(\S+)\s*$")]
    private static partial Regex ListItem();
}

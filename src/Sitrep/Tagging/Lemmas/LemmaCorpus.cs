using System.Collections.Immutable;
using Sitrep.Corpora;

namespace Sitrep.Tagging.Lemmas;

/// <summary>
/// Which corpus files train and measure the lemmatizers (only the «ship» column of the corpora README trains
/// a shipped model; test files and GUM's test documents never do), and how a multiword token is scored.
/// </summary>
public static class LemmaCorpus
{
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
                return ["ud/en_ewt-ud-dev.conllu", .. GumCorpus.ShipDocuments(corpora).Select(path => "ud/en_gum/" + Path.GetFileName(path))];
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

}

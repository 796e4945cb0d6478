using System.Collections.Immutable;

namespace Sitrep.Corpora;

/// <summary>
/// The named-entity data sets Sitrep trains and measures on, by name (paths under <c>../shared/corpora/ner</c>).
/// One place says which file is read how, so training, evaluation and the peer comparison in
/// <c>bench/peers/opennlp</c> read exactly the same sentences.
/// </summary>
public static class NerDatasets
{
    /// <summary>Europeana part 1 has no split: its first four fifths of lines train, the last fifth is the dev set.</summary>
    public const double EuropeanaTrainFraction = 0.8;

    private const string EuropeanaFile = "europeana-fr/enp_FR.bnf.part1.bio";

    /// <summary>What trains the shipped model of each language (ship licences only; see the corpora README).</summary>
    public static ImmutableArray<string> Training(string language) => language switch
    {
        "en" => ["conll2003-en/eng.train", "wikigold-en/wikigold.conll.txt"],
        "fr" => ["europeana-fr/train", "wikiann/fr/train"],
        _ => [],
    };

    /// <summary>What <c>sitrep eval ner</c> measures by default.</summary>
    public static ImmutableArray<string> Evaluation(string language) => language switch
    {
        "en" => ["conll2003-en/eng.testa"],
        "fr" =>
        [
            "europeana-fr/dev", "wikiann/fr/dev",
            "hipe-fr/HIPE-2022-v2.1-hipe2020-dev-fr.tsv", "hipe-fr/HIPE-2022-v2.1-letemps-dev-fr.tsv",
            "hipe-fr/HIPE-2022-v2.1-newseye-dev-fr.tsv",
        ],
        _ => [],
    };

    /// <summary>
    /// The sentences of a named data set, with the entity types of <paramref name="language"/> (French data has
    /// no MISC: it is mapped to O). A name is a path under <c>ner/</c>, or <c>europeana-fr/train</c> /
    /// <c>europeana-fr/dev</c>; a path to an existing file outside the corpora is read as columns.
    /// </summary>
    public static IReadOnlyList<NerSentence> Load(string corpora, string name, string language)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        ArgumentNullException.ThrowIfNull(name);
        Func<string, string> types = language == "fr" ? NerCorpusReader.PersonLocationOrganization : NerCorpusReader.CoNLLType;
        string ner = Path.Combine(corpora, "ner");
        if (name is "europeana-fr/train" or "europeana-fr/dev")
        {
            string[] lines = File.ReadAllLines(Path.Combine(ner, EuropeanaFile));
            int cut = (int)(lines.Length * EuropeanaTrainFraction);
            IEnumerable<string> part = name.EndsWith("train", StringComparison.Ordinal) ? lines[..cut] : lines[cut..];
            return [.. NerCorpusReader.ReadRunningText(part, types)];
        }

        string path = File.Exists(name) ? name : Path.Combine(ner, name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{name}: no such named-entity data set (a file, or a path under {ner})", path);
        }

        IEnumerable<string> text = File.ReadLines(path);
        string file = Path.GetFileName(path);
        if (name.StartsWith("hipe-fr/", StringComparison.Ordinal) || file.StartsWith("HIPE-", StringComparison.Ordinal))
        {
            return [.. NerCorpusReader.ReadHipe(text, types)];
        }

        if (name.StartsWith("wikineural/", StringComparison.Ordinal))
        {
            return [.. NerCorpusReader.ReadIndexed(text, types)];
        }

        string? prefix = name.StartsWith("wikiann/", StringComparison.Ordinal) ? language + ":" : null;
        return [.. NerCorpusReader.ReadColumns(text, types, prefix)];
    }
}

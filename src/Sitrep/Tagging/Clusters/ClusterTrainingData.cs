using System.Collections.Immutable;
using Sitrep.Corpora;
using Sitrep.Documents;
using Sitrep.Evaluation;
using Sitrep.Segmentation;

namespace Sitrep.Tagging.Clusters;

/// <summary>One source of running text for the clusters: a name for the log, and how to read its sentences.</summary>
/// <param name="Name">The files, relative to the corpora folder.</param>
/// <param name="Licence">The licence of the text, from the corpora README.</param>
/// <param name="Read">Given the corpora folder, the sentences as lists of word forms (digits not yet normalised).</param>
public sealed record ClusterTextSource(string Name, string Licence, Func<string, IEnumerable<IReadOnlyList<string>>> Read);

/// <summary>
/// The raw text the shipped clusters are induced from. Only data whose licence lets a shipped model be trained
/// on it (the «ship» column of the corpora README), and never a test split or data held out to evaluate NER:
/// not <c>eng.testa</c>, not <c>wikiann/*/dev</c>, not the last fifth of <c>europeana-fr</c> part 1, not HIPE,
/// WikiNEuRal, ParTUT or GUM's eval-only genres.
/// </summary>
public static class ClusterTrainingData
{
    /// <summary>GUM genres whose texts may train a shipped model (corpora README).</summary>

    /// <summary>The share of <c>europeana-fr</c> part 1 (in lines, from the top) that trains; the rest is NER dev.</summary>
    public const double EuropeanaTrainShare = 0.8;

    /// <summary>The sources of a language («fr», «en»), in the order they are read; empty for any other.</summary>
    public static ImmutableArray<ClusterTextSource> For(string language) => LanguageCodes.Normalize(language) switch
    {
        "en" =>
        [
            Conllu("ud/en_ewt-ud-dev.conllu", "CC BY-SA 4.0"),
            .. GumCorpus.ShipGenres.Select(g => Conllu($"ud/en_gum/GUM_{g}_*.conllu", "CC BY 4.0 annotations, per-genre text licence (ship genre); test documents of splits.md left out")),
            Columns("ner/conll2003-en/eng.train", "research use (ship per the corpora README)", ' ', null),
            Columns("ner/wikiann/en/train", "Wikipedia-derived", '\t', "en:"),
            Columns("ner/wikigold-en/wikigold.conll.txt", "CC BY 4.0", ' ', null),
            TimeML("time/tempeval3/TBAQ-cleaned/TimeBank", "research use", "en"),
            TimeML("time/tempeval3/TBAQ-cleaned/AQUAINT", "research use", "en"),
        ],
        "fr" =>
        [
            Conllu("ud/fr_sequoia-ud-train.conllu", "LGPL-LR"),
            Conllu("ud/fr_sequoia-ud-dev.conllu", "LGPL-LR"),
            Conllu("ud/fr_gsd-ud-dev.conllu", "CC BY-SA 4.0"),
            Columns("ner/wikiann/fr/train", "Wikipedia-derived", '\t', "fr:"),
            Europeana("ner/europeana-fr/enp_FR.bnf.part1.bio", "CC0"),
            TimeML("time/fr-timebank", "LGPL-LR", "fr"),
        ],
        _ => [],
    };

    /// <summary>CoNLL-U surface tokens (a multiword token such as «du» counts once, as written).</summary>
    private static ClusterTextSource Conllu(string pattern, string licence) => new(pattern, licence, corpora =>
        Files(corpora, pattern).SelectMany(ConlluReader.ReadFile).Select(s => (IReadOnlyList<string>)s.Tokens.Select(t => t.Form).ToArray()));

    /// <summary>One token per line in the first column, blank lines between sentences, <c>-DOCSTART-</c> lines skipped.</summary>
    private static ClusterTextSource Columns(string path, string licence, char separator, string? prefix) => new(path, licence, corpora =>
        ColumnSentences(File.ReadLines(Path.Combine(corpora, path)), separator, prefix));

    /// <summary>
    /// The first <see cref="EuropeanaTrainShare"/> of the lines of an europeana-fr file. The file has no
    /// sentence breaks: it is read as one stream, cut only where the training part ends.
    /// </summary>
    private static ClusterTextSource Europeana(string path, string licence) => new($"{path} (first 80% of lines)", licence, corpora =>
    {
        string[] lines = File.ReadAllLines(Path.Combine(corpora, path));
        int train = (int)(lines.Length * EuropeanaTrainShare);
        return ColumnSentences(lines.Take(train), ' ', null);
    });

    /// <summary>The TEXT of TimeML documents (tags removed), normalised and segmented as Sitrep does at run time.</summary>
    private static ClusterTextSource TimeML(string directory, string licence, string language) => new(directory, licence, corpora =>
    {
        string[] files = Directory.GetFiles(Path.Combine(corpora, directory), "*.tml", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        ISegmenter segmenter = Segmenters.For(language);
        return files.SelectMany(file =>
        {
            string text = TextNormalizer.Default.Normalize(TimeMLReader.ReadFile(file).Text).Text;
            SegmentedText segmented = segmenter.Segment(text);
            return segmented.Sentences.Select(s => (IReadOnlyList<string>)Enumerable.Range(s.FirstToken, s.TokenCount)
                .Select(i => text.Substring(segmented.Tokens[i].Span.Start, segmented.Tokens[i].Span.Length)).ToArray());
        });
    });

    private static IEnumerable<IReadOnlyList<string>> ColumnSentences(IEnumerable<string> lines, char separator, string? prefix)
    {
        var sentence = new List<string>();
        foreach (string line in lines)
        {
            if (line.Length == 0 || line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                if (sentence.Count > 0)
                {
                    yield return sentence.ToArray();
                    sentence.Clear();
                }

                continue;
            }

            int end = line.IndexOf(separator, StringComparison.Ordinal);
            string token = end < 0 ? line : line[..end];
            if (prefix is not null && token.StartsWith(prefix, StringComparison.Ordinal))
            {
                token = token[prefix.Length..];
            }

            if (token.Length > 0)
            {
                sentence.Add(token);
            }
        }

        if (sentence.Count > 0)
        {
            yield return sentence.ToArray();
        }
    }

    private static IEnumerable<string> Files(string corpora, string pattern)
    {
        string full = Path.Combine(corpora, pattern);
        string directory = Path.GetDirectoryName(full)!;
        string name = Path.GetFileName(full);
        if (!name.Contains('*', StringComparison.Ordinal))
        {
            return [full];
        }

        HashSet<string> test = GumCorpus.TestDocuments(directory);
        string[] files = Directory.GetFiles(directory, name).Where(f => !test.Contains(Path.GetFileNameWithoutExtension(f))).ToArray();
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }
}

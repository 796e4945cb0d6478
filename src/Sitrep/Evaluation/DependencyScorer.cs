using System.Globalization;
using Sitrep.Corpora;
using Sitrep.Tagging.Dependencies;
using Sitrep.Tagging.Lemmas;
using Sitrep.Tagging.PartOfSpeech;

namespace Sitrep.Evaluation;

/// <summary>
/// Attachment scores of a dependency parser against gold trees: UAS (right head), LAS (right head and right
/// relation, subtypes included: «nsubj:pass» for «nsubj» is wrong), LAS on universal relations only (subtypes cut,
/// as the CoNLL 2018 shared task scores), each over every word (the UD standard, punctuation included) and without
/// punctuation; and precision, recall and F1 of each relation (a word counts when its head and relation are right).
/// </summary>
public sealed class DependencyScorer
{
    private readonly Dictionary<string, (int Gold, int System, int Correct)> _relations = new(StringComparer.Ordinal);

    public int Words { get; private set; }

    public int Sentences { get; private set; }

    public int RightHeads { get; private set; }

    public int RightArcs { get; private set; }

    public int RightUniversalArcs { get; private set; }

    public int WordsWithoutPunctuation { get; private set; }

    public int RightHeadsWithoutPunctuation { get; private set; }

    public int RightArcsWithoutPunctuation { get; private set; }

    public double Uas => Ratio(RightHeads, Words);

    public double Las => Ratio(RightArcs, Words);

    public double UniversalLas => Ratio(RightUniversalArcs, Words);

    public double UasWithoutPunctuation => Ratio(RightHeadsWithoutPunctuation, WordsWithoutPunctuation);

    public double LasWithoutPunctuation => Ratio(RightArcsWithoutPunctuation, WordsWithoutPunctuation);

    /// <summary>Scores one sentence: gold and system heads (CoNLL-U numbers) and relations, and whether each word is punctuation.</summary>
    public void Add(IReadOnlyList<int> goldHeads, IReadOnlyList<string> goldRelations, IReadOnlyList<int> heads, IReadOnlyList<string> relations, IReadOnlyList<bool> punctuation)
    {
        ArgumentNullException.ThrowIfNull(goldHeads);
        ArgumentNullException.ThrowIfNull(goldRelations);
        ArgumentNullException.ThrowIfNull(heads);
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(punctuation);
        Sentences++;
        for (int i = 0; i < goldHeads.Count; i++)
        {
            bool head = goldHeads[i] == heads[i];
            bool arc = head && string.Equals(goldRelations[i], relations[i], StringComparison.Ordinal);
            Words++;
            RightHeads += head ? 1 : 0;
            RightArcs += arc ? 1 : 0;
            RightUniversalArcs += head && string.Equals(Universal(goldRelations[i]), Universal(relations[i]), StringComparison.Ordinal) ? 1 : 0;
            if (!punctuation[i])
            {
                WordsWithoutPunctuation++;
                RightHeadsWithoutPunctuation += head ? 1 : 0;
                RightArcsWithoutPunctuation += arc ? 1 : 0;
            }

            Count(goldRelations[i], gold: 1, system: 0, correct: arc ? 1 : 0);
            Count(relations[i], gold: 0, system: 1, correct: 0);
        }
    }

    /// <summary>Precision, recall and F1 of each relation, most frequent in gold first.</summary>
    public IEnumerable<(string Relation, int Gold, PrecisionRecall Score)> PerRelation() => _relations
        .OrderByDescending(p => p.Value.Gold).ThenBy(p => p.Key, StringComparer.Ordinal)
        .Select(p => (p.Key, p.Value.Gold, PrecisionRecall.FromCounts(p.Value.Gold, p.Value.System, p.Value.Correct)));

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"UAS {Uas * 100:F2}  LAS {Las * 100:F2}  (universal relations: LAS {UniversalLas * 100:F2}; without punctuation: UAS {UasWithoutPunctuation * 100:F2} LAS {LasWithoutPunctuation * 100:F2})");

    /// <summary>
    /// Parses every sentence of a UD file with gold tokenisation (its syntactic words) and the tags and lemmas the
    /// taggers predict (<paramref name="tagger"/> null: the gold ones), as at run time.
    /// </summary>
    public static DependencyScorer Evaluate(DependencyParser parser, PosTagger? tagger, Lemmatizer? lemmatizer, IEnumerable<ConlluSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(sentences);
        var scorer = new DependencyScorer();
        foreach (ConlluSentence sentence in sentences)
        {
            string[] words = [.. sentence.Words.Select(w => w.Form)];
            string[] tags = tagger is null ? [.. sentence.Words.Select(w => w.Upos)] : tagger.Tag(words);
            string[] lemmas = tagger is null || lemmatizer is null
                ? [.. sentence.Words.Select(w => w.Lemma)]
                : [.. words.Select((word, i) => lemmatizer.Lemmatize(word, tags[i]))];
            (int[] heads, string[] relations) = parser.Parse(words, tags, lemmas);
            scorer.Add(
                [.. sentence.Words.Select(w => w.Head)],
                [.. sentence.Words.Select(w => w.Deprel)],
                heads,
                relations,
                [.. sentence.Words.Select(w => w.Upos == "PUNCT")]);
        }

        return scorer;
    }

    private static string Universal(string relation)
    {
        int colon = relation.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? relation : relation[..colon];
    }

    private void Count(string relation, int gold, int system, int correct)
    {
        (int g, int s, int c) = _relations.GetValueOrDefault(relation);
        _relations[relation] = (g + gold, s + system, c + correct);
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
}

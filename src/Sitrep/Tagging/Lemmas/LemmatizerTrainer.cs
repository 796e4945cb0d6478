using System.Collections.Immutable;
using Sitrep.Corpora;

namespace Sitrep.Tagging.Lemmas;

/// <summary>Options of <see cref="LemmatizerTrainer"/>.</summary>
public sealed record LemmatizerTrainerOptions
{
    /// <summary>Longest suffix the suffix tree keeps. 7 and 8 score the same on fr_sequoia-ud-dev.</summary>
    public int MaxSuffixLength { get; init; } = 8;
}

/// <summary>
/// Builds a <see cref="LemmaModel"/> from UD sentences: the lexicon of (form, UPOS, lemma) with counts, the case
/// mode of each (UPOS, shape), and a suffix tree of edit scripts counted over word types (distinct lower-cased
/// (form, UPOS, lemma)), so that frequent irregular words («a», «est», «fait») do not drown the regular endings
/// an unseen word has.
/// Deterministic: nothing is random and every choice breaks ties ordinally.
/// </summary>
public sealed class LemmatizerTrainer(LemmatizerTrainerOptions? options = null)
{
    private readonly LemmatizerTrainerOptions _options = options ?? new LemmatizerTrainerOptions();

    public LemmaModel Train(string language, IEnumerable<ConlluSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var words = new Dictionary<(string Form, string Upos, string Lemma), int>();
        var surfaces = new Dictionary<(string Form, string Upos, string Lemma), int>();
        foreach (ConlluSentence sentence in sentences)
        {
            foreach (ConlluWord word in sentence.Words)
            {
                if (Usable(word.Form, word.Lemma))
                {
                    var key = (Clean(word.Form), word.Upos, Clean(word.Lemma));
                    words[key] = words.GetValueOrDefault(key) + 1;
                }
            }

            foreach (ConlluToken token in sentence.Tokens)
            {
                if (token.IsMultiword && LemmaCorpus.SurfaceWord(sentence, token) is var (upos, lemma) && Usable(token.Form, lemma))
                {
                    var key = (Clean(token.Form), upos, Clean(lemma));
                    surfaces[key] = surfaces.GetValueOrDefault(key) + 1;
                }
            }
        }

        var lexicon = words.Select(p => new LemmaLexiconEntry(p.Key.Form, p.Key.Upos, p.Key.Lemma, p.Value, Surface: false))
            .Concat(surfaces.Select(p => new LemmaLexiconEntry(p.Key.Form, p.Key.Upos, p.Key.Lemma, p.Value, Surface: true)))
            .OrderBy(e => e.Surface)
            .ThenBy(e => e.Form, StringComparer.Ordinal)
            .ThenBy(e => e.Upos, StringComparer.Ordinal)
            .ThenBy(e => e.Lemma, StringComparer.Ordinal)
            .ToImmutableArray();
        return new LemmaModel(language, _options.MaxSuffixLength, CaseModes(words.Keys), lexicon, SuffixTree(words.Keys));
    }

    private static bool Usable(string form, string lemma) => form.Length > 0 && lemma.Length > 0 && !(lemma == "_" && form != "_");

    private static string Clean(string text) => text.Replace('\u2019', '\'');

    /// <summary>For each (UPOS, shape), the case mode that reproduces the most word types' lemmas (ties: the first mode).</summary>
    private static ImmutableArray<LemmaCaseEntry> CaseModes(IEnumerable<(string Form, string Upos, string Lemma)> types)
    {
        var counts = new SortedDictionary<(string Upos, LemmaShape Shape), int[]>(Comparer<(string Upos, LemmaShape Shape)>.Create(
            (a, b) => string.CompareOrdinal(a.Upos, b.Upos) is var c && c != 0 ? c : a.Shape.CompareTo(b.Shape)));
        foreach ((string form, string upos, string lemma) in types)
        {
            LemmaShape shape = LemmaCasing.ShapeOf(form);
            if (shape == LemmaShape.NoLetters)
            {
                continue;
            }

            string lower = lemma.ToLowerInvariant();
            if (!counts.TryGetValue((upos, shape), out int[]? modes))
            {
                modes = new int[LemmaCasing.CaseCount];
                counts[(upos, shape)] = modes;
            }

            for (int m = 0; m < LemmaCasing.CaseCount; m++)
            {
                if (LemmaCasing.Apply((LemmaCase)m, form, lower) == lemma)
                {
                    modes[m]++;
                }
            }
        }

        var result = ImmutableArray.CreateBuilder<LemmaCaseEntry>();
        foreach (((string upos, LemmaShape shape), int[] modes) in counts)
        {
            int best = 0;
            for (int m = 1; m < modes.Length; m++)
            {
                best = modes[m] > modes[best] ? m : best;
            }

            if (modes[best] > 0)
            {
                result.Add(new LemmaCaseEntry(upos, shape, (LemmaCase)best));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// Counts each word type's edit script under every suffix of its lower-cased form, of 1 to
    /// <see cref="LemmatizerTrainerOptions.MaxSuffixLength"/> chars; the lemmatizer weighs these counts.
    /// </summary>
    private ImmutableArray<LemmaSuffixEntry> SuffixTree(IEnumerable<(string Form, string Upos, string Lemma)> words)
    {
        var types = new HashSet<(string Form, string Upos, string Lemma)>();
        foreach ((string form, string upos, string lemma) in words)
        {
            if (LemmaCasing.ShapeOf(form) != LemmaShape.NoLetters)
            {
                types.Add((form.ToLowerInvariant(), upos, lemma.ToLowerInvariant()));
            }
        }

        var counts = new Dictionary<(string Upos, string Suffix, LemmaEditScript Script), int>();
        foreach ((string form, string upos, string lemma) in types)
        {
            var script = LemmaEditScript.Between(form, lemma);
            for (int k = 1; k <= Math.Min(_options.MaxSuffixLength, form.Length); k++)
            {
                var key = (upos, form[(form.Length - k)..], script);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return [.. counts
            .Select(p => new LemmaSuffixEntry(p.Key.Upos, p.Key.Suffix, p.Key.Script, p.Value))
            .OrderBy(e => e.Upos, StringComparer.Ordinal)
            .ThenBy(e => e.Suffix, StringComparer.Ordinal)
            .ThenBy(e => e.Script.Strip)
            .ThenBy(e => e.Script.Append, StringComparer.Ordinal)];
    }
}

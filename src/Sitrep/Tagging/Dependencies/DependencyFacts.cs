using Sitrep.Documents;
using Sitrep.Tagging.PartOfSpeech;
using Sitrep.Tagging.Sequence;

namespace Sitrep.Tagging.Dependencies;

/// <summary>
/// What the parser's feature templates read about each word of one sentence, hashed once: the lower-case form,
/// the part of speech, the lemma, the form with its tag, and Brown-cluster prefixes. Indexed like
/// <see cref="ArcHybridState"/>: 0 is the root, 1..n the words, n + 1 «none». A buffer reused per thread.
/// </summary>
public sealed class DependencyFacts
{
    private const ulong RootTag = 18;
    private const ulong NoTag = 19;
    private static readonly ulong RootWord = FeatureKey.Text("<root>");
    private static readonly ulong NoWord = FeatureKey.Text("<none>");
    private static readonly ulong PunctuationTag = (ulong)UniversalTags.Number("PUNCT");

    private ulong[] _cluster6 = new ulong[66];
    private ulong[] _clusterFull = new ulong[66];

    public int Length { get; private set; }

    public ulong[] Word { get; private set; } = new ulong[66];

    public ulong[] Tag { get; private set; } = new ulong[66];

    public ulong[] WordTag { get; private set; } = new ulong[66];

    public ulong[] Lemma { get; private set; } = new ulong[66];

    /// <summary>The first 6 bits of the word's cluster path (a coarse word class), or the tag when the word has none.</summary>
    public ulong Cluster6(int i) => _cluster6[i];

    /// <summary>The whole cluster path, or the form when the word has none.</summary>
    public ulong ClusterFull(int i) => _clusterFull[i];

    /// <summary>Whether word <paramref name="i"/> is punctuation (UPOS PUNCT).</summary>
    public bool IsPunctuation(int i) => Tag[i] == PunctuationTag;

    /// <summary>
    /// Loads one sentence: the words are <paramref name="tokens"/> of <paramref name="text"/>, with their UPOS tags and
    /// lemmas (either may be empty: no tag, or the lower-case form as lemma).
    /// </summary>
    public void Load(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens, ReadOnlySpan<string> tags, ReadOnlySpan<string> lemmas, IWordClusterSource? clusters)
    {
        int n = tokens.Length;
        Ensure(n + 2);
        Length = n;
        Set(0, RootWord, RootTag, RootWord, RootWord, RootWord);
        Set(n + 1, NoWord, NoTag, NoWord, NoWord, NoWord);
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<char> word = text.Slice(tokens[i].Start, tokens[i].Length);
            ulong lower = FeatureKey.LowerText(word);
            ulong tag = i < tags.Length ? (ulong)UniversalTags.Number(tags[i]) : 0;
            ulong lemma = i < lemmas.Length && !string.IsNullOrEmpty(lemmas[i]) ? FeatureKey.LowerText(lemmas[i]) : lower;
            ulong coarse = tag | 0x4000_0000_0000_0000, full = lower;
            if (clusters is not null && clusters.TryGetPath(word, out ulong bits, out int length) && length > 0)
            {
                int six = Math.Min(6, length);
                coarse = ((bits >> (64 - six)) << 7) | (uint)six | 0x8000_0000_0000_0000;
                full = (length == 64 ? bits : bits >> (64 - length)) << 7 | (uint)length | 0x2000_0000_0000_0000;
                full = FeatureKey.Mix(full);
            }

            Set(i + 1, lower, tag, lemma, coarse, full);
        }
    }

    private void Set(int i, ulong word, ulong tag, ulong lemma, ulong cluster6, ulong clusterFull)
    {
        Word[i] = word;
        Tag[i] = tag;
        WordTag[i] = FeatureKey.Mix(word + ((tag + 1) * 0x9E3779B97F4A7C15));
        Lemma[i] = lemma;
        _cluster6[i] = cluster6;
        _clusterFull[i] = clusterFull;
    }

    private void Ensure(int size)
    {
        if (Word.Length >= size)
        {
            return;
        }

        int grown = Math.Max(size, Word.Length * 2);
        Word = new ulong[grown];
        Tag = new ulong[grown];
        WordTag = new ulong[grown];
        Lemma = new ulong[grown];
        _cluster6 = new ulong[grown];
        _clusterFull = new ulong[grown];
    }
}

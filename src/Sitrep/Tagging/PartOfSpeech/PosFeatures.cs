using Sitrep.Documents;
using Sitrep.Tagging.Sequence;

namespace Sitrep.Tagging.PartOfSpeech;

/// <summary>
/// Part-of-speech feature templates, after Ratnaparkhi (1996) and Honnibal's greedy tagger: the word, its
/// affixes and shape, two words either side, the two previous tags, and word clusters (which carry what
/// the word is like to words the training data never saw: «Marioupol» near «Kharkiv»).
/// </summary>
public sealed class PosFeatures(IWordClusterSource? clusters) : ISequenceFeatures
{
    private const ulong Before = 0x5EA7_0001;
    private const ulong After = 0x5EA7_0002;

    private const TokenFlags KeptFlags = TokenFlags.Capitalized | TokenFlags.AllCaps | TokenFlags.HasDigit | TokenFlags.AllDigits
        | TokenFlags.HasHyphen | TokenFlags.SentenceStart | TokenFlags.Punctuation | TokenFlags.HasPeriod;

    public IWordClusterSource? Clusters { get; } = clusters;

    public void Prepare(TokenFacts facts, ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens, ReadOnlySpan<int> context)
    {
    }

    public void Extract(TokenFacts f, int i, ReadOnlySpan<int> tags, List<ulong> features)
    {
        int n = f.Length;
        ulong word = f.Lower[i];
        ulong previous = i > 0 ? f.Lower[i - 1] : Before;
        ulong previous2 = i > 1 ? f.Lower[i - 2] : Before;
        ulong next = i + 1 < n ? f.Lower[i + 1] : After;
        ulong next2 = i + 2 < n ? f.Lower[i + 2] : After;
        ulong tag1 = i > 0 ? (ulong)tags[i - 1] + 1 : 0;
        ulong tag2 = i > 1 ? (ulong)tags[i - 2] + 1 : 0;

        features.Add(FeatureKey.Of(1, 0));
        features.Add(FeatureKey.Of(2, word));
        features.Add(FeatureKey.Of(3, f.Form[i]));
        for (int k = 0; k < TokenFacts.Affixes; k++)
        {
            ulong suffix = f.Suffix[(i * TokenFacts.Affixes) + k];
            if (suffix != 0)
            {
                features.Add(FeatureKey.Of(4 + k, suffix));
            }
        }

        for (int k = 0; k < 3; k++)
        {
            ulong prefix = f.Prefix[(i * TokenFacts.Affixes) + k];
            if (prefix != 0)
            {
                features.Add(FeatureKey.Of(8 + k, prefix));
            }
        }

        features.Add(FeatureKey.Of(11, f.Shape[i]));
        features.Add(FeatureKey.Of(12, (ulong)(f.Flags[i] & KeptFlags)));
        features.Add(FeatureKey.Of(13, previous));
        features.Add(FeatureKey.Of(14, previous2));
        features.Add(FeatureKey.Of(15, next));
        features.Add(FeatureKey.Of(16, next2));
        features.Add(FeatureKey.Of(17, i > 0 ? f.Suffix[((i - 1) * TokenFacts.Affixes) + 2] : Before));
        features.Add(FeatureKey.Of(18, i + 1 < n ? f.Suffix[((i + 1) * TokenFacts.Affixes) + 2] : After));
        features.Add(FeatureKey.Of(19, tag1));
        features.Add(FeatureKey.Of(20, tag1, tag2));
        features.Add(FeatureKey.Of(21, tag1, word));
        features.Add(FeatureKey.Of(22, previous, word));
        features.Add(FeatureKey.Of(23, word, next));
        features.Add(FeatureKey.Of(24, tag1, next));

        if (Clusters is not null)
        {
            f.AddClusterFeature(features, 25, i, 4);
            f.AddClusterFeature(features, 26, i, 6);
            f.AddClusterFeature(features, 27, i, 10);
            f.AddClusterFeature(features, 28, i, 64);
            if (i + 1 < n)
            {
                f.AddClusterFeature(features, 29, i + 1, 4);
                f.AddClusterFeature(features, 30, i + 1, 8);
            }

            if (i > 0)
            {
                f.AddClusterFeature(features, 31, i - 1, 4);
                f.AddClusterFeature(features, 32, i - 1, 8);
            }
        }
    }
}

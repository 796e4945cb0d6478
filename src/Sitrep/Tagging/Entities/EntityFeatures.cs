using Sitrep.Documents;
using Sitrep.Tagging.PartOfSpeech;
using Sitrep.Tagging.Sequence;

namespace Sitrep.Tagging.Entities;

/// <summary>The name lists the entity features look up; all optional.</summary>
/// <param name="Places">Place and country names (GeoNames).</param>
/// <param name="FirstNames">Words that start person names in the training data («Volodymyr», «Emmanuel»).</param>
/// <param name="OrganizationWords">Words that end organisation names in the training data («Inc», «Ministère» … «Parti»).</param>
public sealed record EntityLexicons(NameGazetteer? Places, NameGazetteer? FirstNames, NameGazetteer? OrganizationWords);

/// <summary>
/// Named-entity feature templates: the word as written and lower-cased, shape, affixes, a window of two
/// words, the previous tags, capitalisation at a sentence start (where a capital says nothing), name lists
/// (places, first names, organisation words) and word clusters.
/// </summary>
public sealed class EntityFeatures(IWordClusterSource? clusters, EntityLexicons lexicons) : ISequenceFeatures
{
    private const ulong Before = 0x5EA7_0001;
    private const ulong After = 0x5EA7_0002;
    private const int Slots = 4;
    private const int PlaceSlot = 0;
    private const int FirstNameSlot = 1;
    private const int OrganizationSlot = 2;
    private const int PosSlot = 3;

    private const TokenFlags KeptFlags = TokenFlags.Capitalized | TokenFlags.AllCaps | TokenFlags.HasDigit | TokenFlags.AllDigits
        | TokenFlags.HasHyphen | TokenFlags.SentenceStart | TokenFlags.Punctuation | TokenFlags.HasPeriod | TokenFlags.HasLower;

    public IWordClusterSource? Clusters { get; } = clusters;

    public EntityLexicons Lexicons { get; } = lexicons;

    /// <summary>Name-list matches, and the part of speech of each token (<see cref="UniversalTags.Number"/>) from <paramref name="context"/>.</summary>
    public void Prepare(TokenFacts facts, ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens, ReadOnlySpan<int> context)
    {
        ArgumentNullException.ThrowIfNull(facts);
        for (int i = 0; i < context.Length && i < facts.Length; i++)
        {
            facts.Extra[(i * Slots) + PosSlot] = context[i];
        }

        ReadOnlySpan<ulong> lower = facts.Lower.AsSpan(0, facts.Length);
        Span<int> extra = facts.Extra.AsSpan(0, facts.Length * Slots);
        Lexicons.Places?.Match(lower, extra, Slots, PlaceSlot);
        Lexicons.FirstNames?.Match(lower, extra, Slots, FirstNameSlot);
        Lexicons.OrganizationWords?.Match(lower, extra, Slots, OrganizationSlot);
    }

    public void Extract(TokenFacts f, int i, ReadOnlySpan<int> tags, List<ulong> features)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(features);
        int n = f.Length;
        ulong word = f.Lower[i];
        ulong previous = i > 0 ? f.Lower[i - 1] : Before;
        ulong previous2 = i > 1 ? f.Lower[i - 2] : Before;
        ulong next = i + 1 < n ? f.Lower[i + 1] : After;
        ulong next2 = i + 2 < n ? f.Lower[i + 2] : After;
        ulong shape = f.Shape[i];
        ulong previousShape = i > 0 ? f.Shape[i - 1] : Before;
        ulong nextShape = i + 1 < n ? f.Shape[i + 1] : After;
        ulong tag1 = i > 0 ? (ulong)tags[i - 1] + 1 : 0;
        ulong tag2 = i > 1 ? (ulong)tags[i - 2] + 1 : 0;
        ulong flags = (ulong)(f.Flags[i] & KeptFlags);

        features.Add(FeatureKey.Of(1, 0));
        features.Add(FeatureKey.Of(2, f.Form[i]));
        features.Add(FeatureKey.Of(3, word));
        features.Add(FeatureKey.Of(4, shape));
        features.Add(FeatureKey.Of(5, f.LongShape[i]));
        features.Add(FeatureKey.Of(6, flags));
        for (int k = 0; k < TokenFacts.Affixes; k++)
        {
            ulong prefix = f.Prefix[(i * TokenFacts.Affixes) + k];
            ulong suffix = f.Suffix[(i * TokenFacts.Affixes) + k];
            if (suffix != 0)
            {
                features.Add(FeatureKey.Of(7 + k, suffix));
                features.Add(FeatureKey.Of(11 + k, prefix));
            }
        }

        features.Add(FeatureKey.Of(15, previous));
        features.Add(FeatureKey.Of(16, previous2));
        features.Add(FeatureKey.Of(17, next));
        features.Add(FeatureKey.Of(18, next2));
        features.Add(FeatureKey.Of(19, previous, word));
        features.Add(FeatureKey.Of(20, word, next));
        features.Add(FeatureKey.Of(21, previousShape, shape));
        features.Add(FeatureKey.Of(22, shape, nextShape));
        features.Add(FeatureKey.Of(23, previousShape, shape, nextShape));
        features.Add(FeatureKey.Of(24, tag1));
        features.Add(FeatureKey.Of(25, tag1, tag2));
        features.Add(FeatureKey.Of(26, tag1, word));
        features.Add(FeatureKey.Of(27, tag1, shape));
        features.Add(FeatureKey.Of(28, i > 0 ? f.Form[i - 1] : Before));
        features.Add(FeatureKey.Of(29, i + 1 < n ? f.Form[i + 1] : After));

        AddLexicon(features, 40, f, i, PlaceSlot, flags);
        AddLexicon(features, 44, f, i, FirstNameSlot, flags);
        AddLexicon(features, 48, f, i, OrganizationSlot, flags);
        if (i + 1 < n)
        {
            AddLexicon(features, 52, f, i + 1, OrganizationSlot, 0);
            AddLexicon(features, 56, f, i + 1, PlaceSlot, 0);
        }

        if (i > 0)
        {
            AddLexicon(features, 60, f, i - 1, FirstNameSlot, 0);
        }

        ulong pos = (ulong)f.Extra[(i * Slots) + PosSlot];
        if (pos != 0)
        {
            ulong previousPos = i > 0 ? (ulong)f.Extra[((i - 1) * Slots) + PosSlot] : Before;
            ulong nextPos = i + 1 < n ? (ulong)f.Extra[((i + 1) * Slots) + PosSlot] : After;
            features.Add(FeatureKey.Of(80, pos));
            features.Add(FeatureKey.Of(81, previousPos));
            features.Add(FeatureKey.Of(82, nextPos));
            features.Add(FeatureKey.Of(83, previousPos, pos));
            features.Add(FeatureKey.Of(84, pos, nextPos));
            features.Add(FeatureKey.Of(85, pos, flags));
            features.Add(FeatureKey.Of(86, tag1, pos));
        }

        if (Clusters is not null)
        {
            f.AddClusterFeature(features, 70, i, 4);
            f.AddClusterFeature(features, 71, i, 6);
            f.AddClusterFeature(features, 72, i, 10);
            f.AddClusterFeature(features, 73, i, 20);
            f.AddClusterFeature(features, 74, i, 64);
            if (i > 0)
            {
                f.AddClusterFeature(features, 75, i - 1, 6);
                f.AddClusterFeature(features, 76, i - 1, 64);
            }

            if (i + 1 < n)
            {
                f.AddClusterFeature(features, 77, i + 1, 6);
                f.AddClusterFeature(features, 78, i + 1, 64);
            }
        }
    }

    /// <summary>A name-list match of token <paramref name="i"/>: its BILOU code, alone and with the token's capitalisation.</summary>
    private static void AddLexicon(List<ulong> features, int template, TokenFacts f, int i, int slot, ulong flags)
    {
        int code = f.Extra[(i * Slots) + slot];
        if (code == 0)
        {
            return;
        }

        features.Add(FeatureKey.Of(template, (ulong)code));
        if (flags != 0)
        {
            features.Add(FeatureKey.Of(template + 1, (ulong)code, flags));
        }
    }
}

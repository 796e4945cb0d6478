using Sitrep.Duplicates;
using Sitrep.Tests.Storage;

namespace Sitrep.Tests.Duplicates;

public sealed class NearDuplicateDetectorTests
{
    private static readonly NearDuplicateDetector Detector = NearDuplicateDetector.Default;

    /// <summary>The first four values of one signature, as computed when the stores first kept signatures.</summary>
    private static readonly uint[] PinnedFirstValues = [1757413100, 534320524, 863421447, 2366700082];

    private static double Similarity(string a, string b) => Detector.Sign(a).EstimateSimilarity(Detector.Sign(b));

    [Fact]
    public void Identical_texts_have_similarity_one()
    {
        Assert.Equal(1.0, Similarity(StoreDocuments.WireStory, StoreDocuments.WireStory));
    }

    [Fact]
    public void Case_accents_punctuation_and_spacing_do_not_count()
    {
        string retyped = StoreDocuments.WireStory.ToUpperInvariant().Replace("É", "E", StringComparison.Ordinal).Replace("« ", "\"", StringComparison.Ordinal)
            .Replace(" »", "\"", StringComparison.Ordinal).Replace("\n\n", "  ", StringComparison.Ordinal).Replace("'", "’", StringComparison.Ordinal);

        Assert.Equal(1.0, Similarity(StoreDocuments.WireStory, retyped));
    }

    [Fact]
    public void Republished_copy_with_a_new_headline_an_added_paragraph_a_typo_and_a_cut_end_is_a_near_duplicate()
    {
        double similarity = Similarity(StoreDocuments.WireStory, StoreDocuments.WireCopy);

        Assert.True(Detector.IsNearDuplicate(similarity), $"similarity {similarity}");
    }

    [Fact]
    public void Different_article_on_the_same_story_is_not_a_near_duplicate()
    {
        double similarity = Similarity(StoreDocuments.WireStory, StoreDocuments.SameStory);

        Assert.True(similarity < 0.1, $"similarity {similarity}");
        Assert.False(Detector.IsNearDuplicate(similarity));
    }

    [Fact]
    public void Signature_is_the_same_in_every_run_and_survives_its_stored_form()
    {
        MinHashSignature signature = Detector.Sign("Les pompiers sont intervenus à Nîmes après les pluies de la nuit.");

        // Fixed hash functions and seeds: these values must never change, or stored signatures stop matching.
        Assert.Equal((8, 128), (signature.Shingles, signature.Values.Length));
        Assert.Equal(signature, new NearDuplicateDetector().Sign("Les pompiers sont intervenus à Nîmes après les pluies de la nuit."));
        Assert.Equal(signature, MinHashSignature.FromBytes(signature.ToBytes()));
        Assert.Equal(516, signature.ToBytes().Length);
        Assert.Equal(NearDuplicateDetector.Bands, NearDuplicateDetector.BandKeys(signature).Length);
    }

    [Fact]
    public void Signature_values_are_pinned_so_stored_signatures_stay_comparable()
    {
        MinHashSignature signature = Detector.Sign("Deux personnes sont mortes à Nîmes après les pluies.");

        Assert.Equal(PinnedFirstValues, signature.Values[..4]);
    }

    [Fact]
    public void Empty_text_and_text_without_words_have_an_empty_signature_similar_to_nothing()
    {
        MinHashSignature empty = Detector.Sign(""), dots = Detector.Sign("… — !? «»");

        Assert.True(empty.IsEmpty && dots.IsEmpty);
        Assert.Equal(0.0, empty.EstimateSimilarity(dots));
        Assert.Empty(NearDuplicateDetector.BandKeys(empty));
    }

    [Fact]
    public void Signatures_share_a_band_exactly_when_they_share_a_band_key()
    {
        string[] texts =
        [
            StoreDocuments.WireStory, StoreDocuments.WireCopy, StoreDocuments.SameStory, "Alerte : séisme", "ALERTE - Séisme", "",
            "Les pompiers sont intervenus à Nîmes après les pluies de la nuit.", "Deux personnes sont mortes à Nîmes après les pluies.",
        ];
        MinHashSignature[] signatures = [.. texts.Select(t => Detector.Sign(t))];

        foreach (MinHashSignature a in signatures)
        {
            foreach (MinHashSignature b in signatures)
            {
                bool sharedKey = NearDuplicateDetector.BandKeys(a).Intersect(NearDuplicateDetector.BandKeys(b)).Any();
                Assert.Equal(sharedKey, NearDuplicateDetector.ShareBand(a, b));
            }
        }

        Assert.True(NearDuplicateDetector.ShareBand(signatures[0], signatures[1]));
        Assert.False(NearDuplicateDetector.ShareBand(signatures[5], signatures[5]));
    }

    [Fact]
    public void Text_shorter_than_a_shingle_is_one_shingle_of_its_words()
    {
        MinHashSignature flash = Detector.Sign("Alerte : séisme");

        Assert.Equal(1, flash.Shingles);
        Assert.Equal(1.0, flash.EstimateSimilarity(Detector.Sign("ALERTE - Séisme")));
        Assert.Equal(0.0, flash.EstimateSimilarity(Detector.Sign("Alerte : tempête")));
    }

    [Fact]
    public void Index_links_each_text_to_its_most_similar_earlier_near_duplicate()
    {
        var index = new NearDuplicateIndex(Detector);

        NearDuplicateMatch<int>? original = index.Add(StoreDocuments.WireStory);
        NearDuplicateMatch<int>? other = index.Add(StoreDocuments.SameStory);
        NearDuplicateMatch<int>? copy = index.Add(StoreDocuments.WireCopy);
        NearDuplicateMatch<int>? copyOfCopy = index.Add(StoreDocuments.WireCopy + "\n\nMis à jour à 12 h.");

        Assert.Equal((null, null), (original, other));
        Assert.Equal(0, copy?.Key);
        Assert.Equal(2, copyOfCopy?.Key);
    }

    [Fact]
    public void Threshold_outside_zero_to_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NearDuplicateDetector(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NearDuplicateDetector(1.5));
    }
}

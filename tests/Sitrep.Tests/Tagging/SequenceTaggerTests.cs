using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Segmentation;
using Sitrep.Tagging.Entities;
using Sitrep.Tagging.Sequence;

namespace Sitrep.Tests.Tagging;

public sealed class SequenceTaggerTests
{
    [Fact]
    public void Lower_text_hash_equals_the_hash_of_the_lower_cased_text()
    {
        Assert.Equal(FeatureKey.Text("kharkiv"), FeatureKey.LowerText("KhArKiV"));
        Assert.NotEqual(FeatureKey.Text("Kharkiv"), FeatureKey.Text("kharkiv"));
        Assert.NotEqual(FeatureKey.Of(1, 42), FeatureKey.Of(2, 42));
        Assert.NotEqual(0UL, FeatureKey.Of(3, 0));
    }

    [Fact]
    public void Linear_model_survives_a_write_and_read_with_its_scores()
    {
        var model = new LinearModel(["A", "B", "C"], [(11UL, [1f, -0.5f, 0f]), (22UL, [0f, 2f, 0.25f])]);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            model.Write(writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var read = LinearModel.Read(reader);
        var scores = new float[read.Stride];
        read.Score([11UL, 22UL, 33UL], scores);
        Assert.Equal(["A", "B", "C"], read.Labels);
        Assert.Equal([1f, 1.5f, 0.25f], scores[..3]);
    }

    [Fact]
    public void Reading_a_file_that_is_not_a_model_fails_with_a_clear_error()
    {
        using var reader = new BinaryReader(new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]));
        Assert.Throws<InvalidDataException>(() => LinearModel.Read(reader));
    }

    [Fact]
    public void Perceptron_learns_a_tagging_that_depends_on_the_word_and_the_previous_tag()
    {
        // Toy language: "x" is tagged A after a capitalised word and B elsewhere; capitals are C.
        var sentences = new List<TaggedSentence>();
        string[][] texts = [["Paris", "x", "y"], ["y", "x", "Rome"], ["Oslo", "x"], ["x", "y", "y"], ["Lima", "x", "x"]];
        foreach (string[] words in texts)
        {
            var tags = ImmutableArray.CreateBuilder<int>();
            for (int i = 0; i < words.Length; i++)
            {
                tags.Add(char.IsUpper(words[i][0]) ? 2 : words[i] == "x" && i > 0 && char.IsUpper(words[i - 1][0]) ? 0 : 1);
            }

            sentences.Add(TaggedSentence.FromTokens(words, tags.ToImmutable()));
        }

        var features = new Sitrep.Tagging.PartOfSpeech.PosFeatures(clusters: null);
        LinearModel model = SequenceTagger.Train(sentences, ["A", "B", "C"], features, epochs: 10, seed: 1);
        var tagger = new SequenceTagger(model, features);
        var test = TaggedSentence.FromTokens(["Bern", "x", "x"], []);
        var result = new int[3];
        tagger.Tag(test.Text, test.Tokens.AsSpan(), result);
        Assert.Equal([2, 0, 1], result);
    }

    [Fact]
    public void Training_twice_gives_the_same_weights()
    {
        var sentences = new List<TaggedSentence>
        {
            TaggedSentence.FromTokens(["le", "chat", "dort"], [0, 1, 2]),
            TaggedSentence.FromTokens(["un", "chien", "aboie", "fort"], [0, 1, 2, 3]),
        };
        var features = new Sitrep.Tagging.PartOfSpeech.PosFeatures(clusters: null);
        Assert.Equal(Bytes(SequenceTagger.Train(sentences, ["DET", "NOUN", "VERB", "ADV"], features, 5, 7)),
                     Bytes(SequenceTagger.Train(sentences, ["DET", "NOUN", "VERB", "ADV"], features, 5, 7)));
    }

    [Theory]
    [InlineData("O B-PER I-PER O B-LOC", "O B-PER L-PER O U-LOC")]
    [InlineData("B-ORG I-ORG I-ORG", "B-ORG I-ORG L-ORG")]
    [InlineData("B-LOC B-LOC", "U-LOC U-LOC")]
    public void Iob2_tags_convert_to_bilou_and_back(string iob2, string bilou)
    {
        string[] tags = iob2.Split(' ');
        Assert.Equal(bilou.Split(' '), Bilou.FromIob2(tags));
        var scheme = new Bilou(Bilou.LabelsFor(["LOC", "ORG", "PER"]));
        int[] indices = [.. bilou.Split(' ').Select(t => scheme.Labels.IndexOf(t))];
        Assert.Equal(tags, scheme.ToIob2(indices));
    }

    [Fact]
    public void Bilou_constraint_forbids_broken_entities()
    {
        var scheme = new Bilou(Bilou.LabelsFor(["LOC", "PER"]));
        int Index(string label) => scheme.Labels.IndexOf(label);
        Assert.True(scheme.Allowed(-1, Index("B-PER")));
        Assert.False(scheme.Allowed(-1, Index("I-PER")));
        Assert.True(scheme.Allowed(Index("B-PER"), Index("L-PER")));
        Assert.False(scheme.Allowed(Index("B-PER"), Index("L-LOC")));
        Assert.False(scheme.Allowed(Index("B-PER"), Index("O")));
        Assert.False(scheme.AllowedLast(Index("I-PER")));
        Assert.True(scheme.AllowedLast(Index("U-LOC")));
    }

    [Fact]
    public void Gazetteer_marks_the_longest_name()
    {
        var gazetteer = new NameGazetteer([
            NameGazetteer.KeyOf("New York", Segmenters.For("en")),
            NameGazetteer.KeyOf("York", Segmenters.For("en")),
            NameGazetteer.KeyOf("Saint-Pétersbourg", Segmenters.For("fr"))]);
        ulong[] tokens = [FeatureKey.LowerText("in"), FeatureKey.LowerText("NEW"), FeatureKey.LowerText("york"), FeatureKey.LowerText("Saint-Pétersbourg")];
        var codes = new int[tokens.Length];
        gazetteer.Match(tokens, codes, stride: 1, slot: 0);
        Assert.Equal([0, 1, 3, 4], codes);
    }

    [Fact]
    public void Token_facts_are_computed_again_when_the_same_spans_hold_other_text()
    {
        var facts = new TokenFacts();
        TextSpan[] tokens = [new(0, 5), new(6, 4)];
        facts.Load("Paris vote", tokens, clusters: null);
        ulong paris = facts.Form[0];
        facts.Extra[0] = 7;
        facts.Load("Paris vote", tokens, clusters: null);
        Assert.Equal(paris, facts.Form[0]);
        Assert.Equal(0, facts.Extra[0]);
        facts.Load("Rouen vote", tokens, clusters: null);
        Assert.Equal(FeatureKey.Text("Rouen"), facts.Form[0]);
        facts.Load("Rouen vote", [new(0, 5)], clusters: null);
        Assert.Equal(1, facts.Length);
    }

    [Fact]
    public void Linear_model_scores_many_labels_and_keys_as_their_sums()
    {
        string[] labels = [.. Enumerable.Range(0, 40).Select(i => $"L{i}")];
        var rows = Enumerable.Range(1, 500)
            .Select(k => ((ulong)k * 0x9E3779B97F4A7C15, Enumerable.Range(0, labels.Length).Select(l => (float)((k % 50) + l - 20) / 8).ToArray()))
            .ToList();
        var model = new LinearModel([.. labels], rows);
        var scores = new float[model.Stride];
        model.Score([rows[3].Item1, rows[250].Item1, 12345UL], scores);
        for (int l = 0; l < labels.Length; l++)
        {
            Assert.Equal(rows[3].Item2[l] + rows[250].Item2[l], scores[l]);
        }
    }

    private static byte[] Bytes(LinearModel model)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            model.Write(writer);
        }

        return stream.ToArray();
    }
}

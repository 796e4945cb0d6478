using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Segmentation;

namespace Sitrep.Tests.Segmentation;

/// <summary>Runs every example of <c>Specs/Segmentation/fr.md</c> and <c>en.md</c>.</summary>
public sealed class SegmentationSpecTests
{
    public static TheoryData<string, string> French() => Names("fr");

    public static TheoryData<string, string> English() => Names("en");

    [Theory]
    [MemberData(nameof(French))]
    public void French_example_segments_as_specified(string language, string name) => Check(language, name);

    [Theory]
    [MemberData(nameof(English))]
    public void English_example_segments_as_specified(string language, string name) => Check(language, name);

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public void Spec_file_has_at_least_forty_examples(string language) =>
        Assert.True(SegmentationSpec.Load(language).Length >= 40, $"{language}.md has {SegmentationSpec.Load(language).Length} examples");

    private static TheoryData<string, string> Names(string language)
    {
        var data = new TheoryData<string, string>();
        foreach (SegmentationExample example in SegmentationSpec.Load(language))
        {
            data.Add(language, example.Name);
        }

        return data;
    }

    private static void Check(string language, string name)
    {
        SegmentationExample example = Assert.Single(SegmentationSpec.Load(language), e => e.Name == name);
        // The spec inputs are normalised text already; normalising again must not change them.
        Assert.Equal(example.Input, TextNormalizer.Default.Normalize(example.Input).Text);
        SegmentedText result = Segmenters.For(language).Segment(example.Input);

        if (!example.Tokens.IsEmpty)
        {
            ImmutableArray<string> tokens = [.. result.Tokens.Select(t => example.Input.Substring(t.Span.Start, t.Span.Length))];
            Assert.Equal(string.Join(" | ", example.Tokens), string.Join(" | ", tokens));
        }

        if (!example.Sentences.IsEmpty)
        {
            ImmutableArray<string> sentences = [.. result.Sentences.Select(s => example.Input.Substring(s.Span.Start, s.Span.Length))];
            Assert.Equal(example.Sentences, sentences);
        }
    }
}

using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Mentions.Dates;

namespace Sitrep.Tests.Mentions.Dates;

/// <summary>The examples of <c>Specs/Times/fr.md</c> and <c>en.md</c>, each a theory case.</summary>
public sealed class TimeSpecTests
{
    public static TheoryData<TimeSpec> French => [.. TimeSpec.Load("fr")];

    public static TheoryData<TimeSpec> English => [.. TimeSpec.Load("en")];

    [Theory]
    [MemberData(nameof(French))]
    public void French_expression_is_recognised_and_resolved(TimeSpec spec) => Check(spec);

    [Theory]
    [MemberData(nameof(English))]
    public void English_expression_is_recognised_and_resolved(TimeSpec spec) => Check(spec);

    /// <summary>Found on PolNeAR: a quarter without a publication date has no year, and «a year earlier» after it must not crash.</summary>
    [Fact]
    public void Period_after_a_quarter_of_unknown_year_keeps_the_year_unknown()
    {
        var times = Sitrep.Mentions.Dates.TimeTagger.For("en")!.Tag("Sales rose in the third quarter, compared with a year earlier.", reference: null);
        Assert.NotEmpty(times);
        Assert.All(times, t => Assert.True(t.Value is null || t.Value.StartsWith("XXXX", StringComparison.Ordinal), t.Value));
    }

    [Fact]
    public void Spec_files_have_at_least_sixty_examples_each()
    {
        Assert.True(TimeSpec.Load("fr").Count() >= 60);
        Assert.True(TimeSpec.Load("en").Count() >= 60);
    }

    private static void Check(TimeSpec spec)
    {
        string text = TextNormalizer.Default.Normalize(spec.Sentence).Text;
        ImmutableArray<TimeMention> mentions = TimeTagger.For(spec.Language)!.Tag(text, spec.Reference);
        string found = string.Join("; ", mentions.Select(m => $"'{text.Substring(m.Span.Start, m.Span.Length)}' {TimexTypes.Name(m.Type)} {m.Value}"));
        if (spec.Type == "-")
        {
            Assert.DoesNotContain(mentions, m => text.Substring(m.Span.Start, m.Span.Length).Contains(spec.Text, StringComparison.Ordinal));
            return;
        }

        TimeMention? mention = mentions.FirstOrDefault(m => text.Substring(m.Span.Start, m.Span.Length) == spec.Text);
        Assert.True(mention is not null, $"'{spec.Text}' not found; found: {found}");
        Assert.Equal(spec.Type, TimexTypes.Name(mention.Type));
        Assert.Equal(spec.Value, mention.Value);
    }
}

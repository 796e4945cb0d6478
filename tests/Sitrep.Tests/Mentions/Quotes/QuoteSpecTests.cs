using Sitrep.Documents;
using Sitrep.Mentions.Entities;
using Sitrep.Mentions.Quotes;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Mentions.Quotes;

/// <summary>One row of <c>Specs/Quotes/&lt;lang&gt;.md</c>: a passage and the one quotation expected in it (or none).</summary>
public sealed record QuoteSpec(string Language, int Line, string Text, string Kind, string Content, string Cue, string Speaker)
{
    public override string ToString() => $"{Language}:{Line}";

    public static IEnumerable<QuoteSpec> Load(string language)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Specs", "Quotes", language + ".md");
        int line = 0;
        foreach (string raw in File.ReadLines(path))
        {
            line++;
            if (raw.StartsWith("## Known misses", StringComparison.Ordinal))
            {
                yield break;
            }

            if (!raw.StartsWith("| ", StringComparison.Ordinal) || raw.StartsWith("| text |", StringComparison.Ordinal))
            {
                continue;
            }

            string[] cells = [.. raw.Trim().Trim('|').Split('|').Select(c => c.Trim())];
            yield return new QuoteSpec(language, line, cells[0], cells[1], cells[2], cells[3], cells[4]);
        }
    }
}

public sealed class QuoteSpecTests
{
    public static TheoryData<QuoteSpec> French() => [.. QuoteSpec.Load("fr")];

    public static TheoryData<QuoteSpec> English() => [.. QuoteSpec.Load("en")];

    [Theory]
    [MemberData(nameof(French))]
    [MemberData(nameof(English))]
    public void Spec_quotation_is_found_with_its_cue_and_speaker(QuoteSpec spec)
    {
        Document document = SitrepExtractor.Extract(spec.Text, language: spec.Language);
        string found = string.Join(" | ", document.Quotes.Select(q =>
            $"{q.Kind}: [{document[q.Content]}] cue [{(q.Cue is { } c ? document[c] : "-")}] speaker [{(q.Speaker is { } s ? document[s] : "-")}] {q.SpeakerEntity}"));
        if (spec.Kind == "-")
        {
            Assert.True(document.Quotes.IsEmpty, $"expected no quotation; found {found}");
            return;
        }

        Quote quote = Assert.Single(document.Quotes);
        Assert.True(spec.Kind == quote.Kind.ToString().ToLowerInvariant(), $"kind: expected {spec.Kind}; found {found}");
        Assert.True(spec.Content == document[quote.Content], $"content: expected [{spec.Content}]; found {found}");
        Assert.True(spec.Cue == (quote.Cue is { } cue ? document[cue] : "-"), $"cue: expected [{spec.Cue}]; found {found}");
        Assert.True(SpeakerMatches(document, quote, spec.Speaker), $"speaker: expected [{spec.Speaker}]; found {found}");
    }

    /// <summary>The speaker span reads as expected, or (a pronoun) its entity is named so in the passage.</summary>
    private static bool SpeakerMatches(Document document, Quote quote, string expected)
    {
        if (quote.Speaker is not { } speaker)
        {
            return expected == "-";
        }

        Entity? entity = document.Entities.FirstOrDefault(e => e.Id == quote.SpeakerEntity);
        return document[speaker] == expected || (entity is not null && entity.Mentions.Any(m => document[m.Span] == expected));
    }
}

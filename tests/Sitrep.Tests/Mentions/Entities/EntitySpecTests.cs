using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Mentions.Entities;

/// <summary>One row of <c>Specs/Entities/&lt;lang&gt;.md</c>: a sentence and a name expected in it (or not).</summary>
public sealed record EntitySpec(string Language, int Line, string Sentence, string Text, string Type)
{
    public override string ToString() => $"{Language}:{Line} {Text}";

    public static IEnumerable<EntitySpec> Load(string language)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Specs", "Entities", language + ".md");
        int line = 0;
        foreach (string raw in File.ReadLines(path))
        {
            line++;
            if (!raw.StartsWith("| ", StringComparison.Ordinal) || raw.StartsWith("| sentence", StringComparison.Ordinal))
            {
                continue;
            }

            string[] cells = [.. raw.Trim().Trim('|').Split('|').Select(c => c.Trim())];
            yield return new EntitySpec(language, line, cells[0], cells[1], cells[2]);
        }
    }
}

public sealed class EntitySpecTests
{
    public static TheoryData<EntitySpec> French() => [.. EntitySpec.Load("fr")];

    public static TheoryData<EntitySpec> English() => [.. EntitySpec.Load("en")];

    [Theory]
    [MemberData(nameof(French))]
    [MemberData(nameof(English))]
    public void Spec_entity_is_found_with_its_type(EntitySpec spec)
    {
        Document document = SitrepExtractor.Extract(spec.Sentence, language: spec.Language);
        int start = spec.Sentence.IndexOf(spec.Text, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{spec.Text}' is not in the sentence");
        var expected = new TextSpan(start, spec.Text.Length);
        string found = string.Join(", ", document.EntityMentions.Select(m => $"{document[m.Span]}/{m.Type}"));
        if (spec.Type == "-")
        {
            Assert.DoesNotContain(document.EntityMentions, m => m.Span.Overlaps(expected));
        }
        else
        {
            Assert.True(document.EntityMentions.Any(m => m.Span == expected && m.Type == spec.Type), $"expected {spec.Text}/{spec.Type}; found {found}");
        }
    }
}

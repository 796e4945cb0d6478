using System.Globalization;

namespace Sitrep.Tests.Mentions.Dates;

/// <summary>One row of <c>Specs/Times/&lt;lang&gt;.md</c>: a sentence, its reference date and one expected expression.</summary>
public sealed record TimeSpec(string Language, int Line, string Sentence, DateOnly Reference, string Text, string Type, string Value)
{
    public override string ToString() => $"{Language}:{Line} {Text}";

    public static IEnumerable<TimeSpec> Load(string language)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Specs", "Times", language + ".md");
        int line = 0;
        foreach (string raw in File.ReadLines(path))
        {
            line++;
            if (!raw.StartsWith("| ", StringComparison.Ordinal) || raw.StartsWith("| sentence", StringComparison.Ordinal))
            {
                continue;
            }

            string[] cells = raw.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            yield return new TimeSpec(language, line, cells[0], DateOnly.ParseExact(cells[1], "yyyy-MM-dd", CultureInfo.InvariantCulture), cells[2], cells[3], cells[4]);
        }
    }
}

using System.Collections.Immutable;

namespace Sitrep.Tests.Segmentation;

/// <summary>One example of a segmentation spec file: an input and the tokens and/or sentences expected.</summary>
internal sealed record SegmentationExample(string Language, string Section, string Name, string Input, ImmutableArray<string> Tokens, ImmutableArray<string> Sentences)
{
    public override string ToString() => $"{Language}: {Section} / {Name}";
}

/// <summary>
/// Reads <c>Specs/Segmentation/&lt;lang&gt;.md</c>: <c>## section</c>, then per example a <c>### name</c>,
/// an <c>input:</c> line, an optional <c>tokens:</c> line (tokens separated by <c> | </c>) and any number of
/// <c>sentence:</c> lines. <c>\n</c> in a value stands for a line break.
/// </summary>
internal static class SegmentationSpec
{
    private static readonly Dictionary<string, ImmutableArray<SegmentationExample>> Cache = new(StringComparer.Ordinal);
    private static readonly Lock CacheLock = new();

    public static ImmutableArray<SegmentationExample> Load(string language)
    {
        lock (CacheLock)
        {
            if (!Cache.TryGetValue(language, out ImmutableArray<SegmentationExample> examples))
            {
                examples = Parse(language, File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Specs", "Segmentation", language + ".md")));
                Cache[language] = examples;
            }

            return examples;
        }
    }

    public static ImmutableArray<SegmentationExample> Parse(string language, IEnumerable<string> lines)
    {
        var examples = ImmutableArray.CreateBuilder<SegmentationExample>();
        string section = "", name = "";
        string? input = null;
        var tokens = ImmutableArray<string>.Empty;
        var sentences = ImmutableArray.CreateBuilder<string>();

        foreach (string line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("### ", StringComparison.Ordinal))
            {
                Flush();
                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    section = line[3..].Trim();
                }
                else
                {
                    name = line[4..].Trim();
                }
            }
            else if (line.StartsWith("input: ", StringComparison.Ordinal))
            {
                input = Unescape(line["input: ".Length..]);
            }
            else if (line.StartsWith("tokens: ", StringComparison.Ordinal))
            {
                tokens = [.. line["tokens: ".Length..].Split(" | ")];
            }
            else if (line.StartsWith("sentence: ", StringComparison.Ordinal))
            {
                sentences.Add(Unescape(line["sentence: ".Length..]));
            }
        }

        Flush();
        return examples.ToImmutable();

        void Flush()
        {
            if (input is not null)
            {
                if (tokens.IsEmpty && sentences.Count == 0)
                {
                    throw new FormatException($"{language}.md: example '{name}' expects neither tokens nor sentences");
                }

                examples.Add(new SegmentationExample(language, section, name, input, tokens, sentences.ToImmutable()));
            }

            input = null;
            tokens = [];
            sentences.Clear();
        }
    }

    private static string Unescape(string value) => value.Replace("\\n", "\n", StringComparison.Ordinal);
}

using System.Collections.Immutable;

namespace Sitrep.Corpora;

/// <summary>
/// The GUM corpus (<c>ud/en_gum</c>): which genres' texts may train a shipped model (corpora README), and
/// which documents its <c>splits.md</c> keeps for testing. Every trainer that reads GUM asks here.
/// </summary>
public static class GumCorpus
{
    public static readonly ImmutableArray<string> ShipGenres = ["academic", "bio", "court", "interview", "news", "speech", "textbook", "voyage"];

    /// <summary>
    /// The documents listed under a «## test» heading of <c>splits.md</c> in <paramref name="folder"/>. Without
    /// that file there is no way to know them, so a folder of documents without it is an error.
    /// </summary>
    public static HashSet<string> TestDocuments(string folder)
    {
        string splits = Path.Combine(folder, "splits.md");
        if (!File.Exists(splits))
        {
            throw new FileNotFoundException($"{splits} not found: GUM's test documents cannot be left out", splits);
        }

        var test = new HashSet<string>(StringComparer.Ordinal);
        bool inTest = false;
        foreach (string line in File.ReadLines(splits))
        {
            ReadOnlySpan<char> text = line.AsSpan().Trim();
            if (text.StartsWith("##", StringComparison.Ordinal))
            {
                inTest = text[2..].Trim().StartsWith("test", StringComparison.OrdinalIgnoreCase);
            }
            else if (inTest && text.StartsWith("* ", StringComparison.Ordinal))
            {
                test.Add(text[2..].Trim().ToString());
            }
        }

        return test;
    }

    /// <summary>Full paths of the documents of the ship genres, minus the test documents, in ordinal order (none when GUM is absent).</summary>
    public static ImmutableArray<string> ShipDocuments(string corpora)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        string folder = Path.Combine(corpora, "ud", "en_gum");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        HashSet<string> test = TestDocuments(folder);
        return [.. Directory.EnumerateFiles(folder, "GUM_*.conllu")
            .Where(file => ShipGenres.Contains(Path.GetFileNameWithoutExtension(file).Split('_')[1]) && !test.Contains(Path.GetFileNameWithoutExtension(file)))
            .Order(StringComparer.Ordinal)];
    }
}

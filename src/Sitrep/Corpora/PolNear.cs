using System.Globalization;

namespace Sitrep.Corpora;

/// <summary>One PolNeAR attribution: its content, cue and source, each a list of segments (brat discontinuous spans), any of them possibly empty.</summary>
public sealed record PolNearAttribution(IReadOnlyList<(int Start, int End)> Content, IReadOnlyList<(int Start, int End)> Cue, IReadOnlyList<(int Start, int End)> Source);

/// <summary>One PolNeAR article: its text (offsets index it directly) and its attributions.</summary>
public sealed record PolNearDocument(string Name, string Text, IReadOnlyList<PolNearAttribution> Attributions);

/// <summary>
/// Reads PolNeAR (Newell et al. 2018, political news attribution relations, eval only here): brat files in
/// <c>quotes/polnear-en/&lt;split&gt;/attributions/NAME_ANNOTATOR.ann</c> over <c>text/NAME.txt</c>. An article annotated by
/// several annotators is read once, with the first annotator's file by name.
/// </summary>
public static class PolNear
{
    public const string Folder = "quotes/polnear-en";

    public static IReadOnlyList<PolNearDocument> Load(string corpora, string split)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        string folder = Path.Combine(corpora, Folder, split);
        var documents = new List<PolNearDocument>();
        foreach (IGrouping<string, string> article in Directory.GetFiles(Path.Combine(folder, "attributions"), "*.ann")
            .Order(StringComparer.Ordinal)
            .GroupBy(f => ArticleName(Path.GetFileNameWithoutExtension(f)), StringComparer.Ordinal))
        {
            string text = Path.Combine(folder, "text", article.Key + ".txt");
            if (File.Exists(text))
            {
                documents.Add(new PolNearDocument(article.Key, File.ReadAllText(text), ReadAnnotations(article.First())));
            }
        }

        return documents;
    }

    private static string ArticleName(string annotationName) =>
        annotationName.LastIndexOf('_') is int underscore and > 0 ? annotationName[..underscore] : annotationName;

    private static List<PolNearAttribution> ReadAnnotations(string path)
    {
        var spans = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        var relations = new List<string[]>();
        foreach (string line in File.ReadLines(path))
        {
            string[] f = line.Split('\t');
            if (f.Length >= 2 && f[0].StartsWith('T'))
            {
                string[] head = f[1].Split(' ', 2);
                spans[f[0]] = [.. head[1].Split(';').Select(segment =>
                {
                    string[] bounds = segment.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return (int.Parse(bounds[0], CultureInfo.InvariantCulture), int.Parse(bounds[1], CultureInfo.InvariantCulture));
                })];
            }
            else if (f.Length >= 2 && f[0].StartsWith('E'))
            {
                relations.Add(f[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        var attributions = new List<PolNearAttribution>();
        foreach (string[] relation in relations)
        {
            IReadOnlyList<(int, int)> Role(string role) =>
                relation.Where(r => r.StartsWith(role + ":", StringComparison.Ordinal)).SelectMany(r => spans.GetValueOrDefault(r[(role.Length + 1)..]) ?? []).ToList();
            attributions.Add(new PolNearAttribution(Role("Content"), Role("Cue"), Role("Source")));
        }

        return attributions;
    }
}

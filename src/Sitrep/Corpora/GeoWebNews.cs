using System.Globalization;
using Sitrep.Evaluation;

namespace Sitrep.Corpora;

/// <summary>
/// A toponym annotation of GeoWebNews (Gritta et al. 2019, «A Pragmatic Guide to Geoparsing Evaluation»):
/// its span, its type in the pragmatic taxonomy (Literal, Metonymic, Literal_Modifier …), whether a modifier is a
/// noun or an adjective, and the location from the annotator's note: a GeoNames id or, for places GeoNames lacks,
/// coordinates.
/// </summary>
public sealed record GeoToponym(int Start, int End, string Text, string Type, string? Modifier, long? GeonamesId, double? Latitude, double? Longitude)
{
    // A place mention in Sitrep's sense: a proper name that refers to a place, literally or by metonymy, as a name
    // or a noun modifier. Not: nationality adjectives and demonyms (the contract: a demonym is not a place), place
    // names embedded in another name («Washington Post»), non-place names used as places (coercion), homonyms,
    // languages, non-toponyms, and common-noun expressions («the city»).
    private static readonly HashSet<string> PlaceTypes = new(StringComparer.Ordinal)
    {
        "Literal", "Mixed", "Metonymic", "Literal_Modifier", "Non_Literal_Modifier",
    };

    /// <summary>Whether end-to-end detection should find this span (see the type list above; adjectives excluded).</summary>
    public bool IsPlaceName => PlaceTypes.Contains(Type) && Modifier != "Adjective";

    /// <summary>Whether the annotators gave it a location (a GeoNames id or coordinates).</summary>
    public bool HasLocation => GeonamesId is not null || Latitude is not null;
}

/// <summary>One GeoWebNews article: its text (offsets index it directly) and its toponyms.</summary>
public sealed record GeoWebNewsDocument(string Name, string Text, IReadOnlyList<GeoToponym> Toponyms);

/// <summary>Reads the GeoWebNews brat files (<c>geo/geowebnews/N.txt</c> + <c>N.ann</c>, CC BY 4.0).</summary>
public static class GeoWebNews
{
    public const string Folder = "geo/geowebnews";

    /// <summary>The documents sorted by number; <see cref="CorpusSplit.Dev"/> is every fifth of them, <see cref="CorpusSplit.Train"/> the rest.</summary>
    public static IReadOnlyList<GeoWebNewsDocument> Load(string corpora, CorpusSplit split = CorpusSplit.All)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        string folder = Path.Combine(corpora, Folder);
        string[] files = [.. Directory.GetFiles(folder, "*.ann").OrderBy(f => int.TryParse(Path.GetFileNameWithoutExtension(f), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : int.MaxValue).ThenBy(f => f, StringComparer.Ordinal)];
        var documents = new List<GeoWebNewsDocument>();
        for (int i = 0; i < files.Length; i++)
        {
            bool dev = i % 5 == 4;
            if (split == CorpusSplit.All || (split == CorpusSplit.Dev) == dev)
            {
                documents.Add(Read(files[i]));
            }
        }

        return documents;
    }

    public static GeoWebNewsDocument Read(string annotationFile)
    {
        ArgumentNullException.ThrowIfNull(annotationFile);
        string text = File.ReadAllText(Path.ChangeExtension(annotationFile, ".txt"));
        var spans = new Dictionary<string, (string Type, int Start, int End, string Text)>(StringComparer.Ordinal);
        var modifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(annotationFile))
        {
            string[] f = line.Split('\t');
            if (f.Length < 2)
            {
                continue;
            }

            string[] head = f[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (f[0][0])
            {
                case 'T' when head.Length >= 3 && f.Length >= 3:
                    // Discontinuous spans («0 5;9 12») keep their outer bounds.
                    int start = int.Parse(head[1], CultureInfo.InvariantCulture);
                    int end = int.Parse(head[^1], CultureInfo.InvariantCulture);
                    spans[f[0]] = (head[0], start, end, f[2]);
                    break;
                case 'A' when head.Length >= 3 && head[0] == "Modifier_Type":
                    modifiers[head[1]] = head[2];
                    break;
                case '#' when head.Length >= 2 && f.Length >= 3:
                    notes[head[1]] = f[2].Trim();
                    break;
            }
        }

        var toponyms = new List<GeoToponym>();
        foreach ((string id, (string type, int start, int end, string surface)) in spans)
        {
            long? geonamesId = null;
            double? lat = null, lon = null;
            if (notes.TryGetValue(id, out string? note))
            {
                string[] parts = note.Split(',', StringSplitOptions.TrimEntries);
                if (long.TryParse(note, NumberStyles.None, CultureInfo.InvariantCulture, out long gid))
                {
                    geonamesId = gid;
                }
                else if (parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double a) && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double b))
                {
                    (lat, lon) = (a, b);
                }
            }

            toponyms.Add(new GeoToponym(start, end, surface, type, modifiers.GetValueOrDefault(id), geonamesId, lat, lon));
        }

        toponyms.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return new GeoWebNewsDocument(Path.GetFileNameWithoutExtension(annotationFile), text, toponyms);
    }
}

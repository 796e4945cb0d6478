using System.Collections.Frozen;
using System.Reflection;
using System.Text;

namespace Sitrep.Resources;

/// <summary>
/// Reads the language data embedded from <c>src/Sitrep/Resources/&lt;dir&gt;/&lt;file&gt;</c>, addressed by that
/// relative path (<c>"fr/abbreviations.tsv"</c>). Lines starting with <c>#</c> are the provenance header
/// and comments; blank lines are skipped.
/// </summary>
internal static class LanguageResources
{
    private const string Prefix = "Sitrep.Resources.";

    // MSBuild renders %(RecursiveDir) with the platform separator ("fr/" or "fr\"), so names are
    // normalised to forward slashes once instead of guessing at lookup time.
    private static readonly Lazy<FrozenDictionary<string, string>> ManifestNames = new(() =>
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in typeof(LanguageResources).Assembly.GetManifestResourceNames())
        {
            if (name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                names[name[Prefix.Length..].Replace('\\', '/')] = name;
            }
        }

        return names.ToFrozenDictionary(StringComparer.Ordinal);
    });

    public static bool Exists(string path) => ManifestNames.Value.ContainsKey(path);

    /// <summary>The data lines of a resource, each trimmed at the end.</summary>
    public static IEnumerable<string> ReadLines(string path)
    {
        if (!ManifestNames.Value.TryGetValue(path, out string? name))
        {
            throw new FileNotFoundException($"embedded resource not found: {Prefix}{path}");
        }

        Assembly assembly = typeof(LanguageResources).Assembly;
        using Stream stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is string line)
        {
            string trimmed = line.TrimEnd();
            if (trimmed.Length > 0 && trimmed[0] != '#')
            {
                yield return trimmed;
            }
        }
    }

    /// <summary>The tab-separated fields of each data line of a resource.</summary>
    public static IEnumerable<string[]> ReadRows(string path)
    {
        foreach (string line in ReadLines(path))
        {
            yield return line.Split('\t');
        }
    }
}

using System.Globalization;
using System.Text.Json;

namespace Sitrep.Corpora;

/// <summary>
/// Place and country names from the GeoNames extracts in <c>../shared/corpora/geo/geonames</c> (CC BY 4.0),
/// for name-list features: towns of at least a minimum population people with their names and
/// alternate names written in Latin letters, first-level divisions, and country names in the given language
/// and in English.
/// </summary>
public static class GeoNamesNames
{
    public const int DefaultMinPopulation = 10_000;

    public static IEnumerable<string> Read(string corpora, string language, int minPopulation = DefaultMinPopulation)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        string folder = Path.Combine(corpora, "geo", "geonames");
        foreach (string line in File.ReadLines(Path.Combine(folder, "cities1000.txt")))
        {
            string[] f = line.Split('\t');
            if (f.Length < 15 || !long.TryParse(f[14], NumberStyles.None, CultureInfo.InvariantCulture, out long population) || population < minPopulation)
            {
                continue;
            }

            yield return f[1];
            foreach (string name in f[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (name.Length >= 3 && IsLatinName(name))
                {
                    yield return name;
                }
            }
        }

        using (FileStream admin1 = File.OpenRead(Path.Combine(folder, "admin1.json")))
        using (var json = JsonDocument.Parse(admin1))
        {
            foreach (JsonElement region in json.RootElement.EnumerateArray())
            {
                if (region.TryGetProperty("name", out JsonElement name) && name.GetString() is { Length: >= 3 } text)
                {
                    yield return text;
                }
            }
        }

        foreach (string line in File.ReadLines(Path.Combine(folder, "countryInfo.tsv")))
        {
            string[] f = line.Split('\t');
            if (line.Length > 0 && line[0] != '#' && f.Length > 4)
            {
                yield return f[4];
            }
        }

        using FileStream countries = File.OpenRead(Path.Combine(folder, "country_translations.json"));
        using var translations = JsonDocument.Parse(countries);
        foreach (JsonProperty country in translations.RootElement.EnumerateObject())
        {
            foreach (string code in new[] { language, "en" })
            {
                if (country.Value.TryGetProperty(code, out JsonElement name) && name.GetString() is { Length: >= 3 } text)
                {
                    yield return text;
                }
            }
        }
    }

    /// <summary>Latin letters, spaces, hyphens, apostrophes and periods only («Saint-Pétersbourg», «Kyïv»).</summary>
    private static bool IsLatinName(string name)
    {
        foreach (char c in name)
        {
            bool latin = c < 0x250 && (char.IsLetter(c) || c is ' ' or '-' or '\'' or '.');
            if (!latin)
            {
                return false;
            }
        }

        return char.IsUpper(name[0]);
    }
}

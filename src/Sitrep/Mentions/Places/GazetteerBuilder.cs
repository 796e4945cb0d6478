using System.Globalization;
using System.Text.Json;
using Sitrep.Resources;

namespace Sitrep.Mentions.Places;

/// <summary>
/// Builds the <see cref="Gazetteer"/> from the GeoNames extracts in <c>geo/geonames</c> (CC BY 4.0:
/// <c>cities1000.txt</c> with alternate names in every script, <c>regionInfo.tsv</c> and <c>admin1.json</c> first-order divisions,
/// <c>admin2.json</c> second-order divisions, <c>countryInfo.tsv</c> and <c>country_translations.json</c>) and the
/// curated supplement in <c>Resources/geo</c> (<c>places.tsv</c>: press regions, seas, facilities;
/// <c>country-aliases.tsv</c>: country names as the press writes them; <c>division-abbreviations.tsv</c>: «Fla.», «N.J.»). Divisions and countries, which those
/// extracts give without coordinates, sit at the population-weighted centre of their towns.
/// </summary>
public static class GazetteerBuilder
{
    private const string SupplementFile = "geo/places.tsv";
    private const string CountryAliasesFile = "geo/country-aliases.tsv";
    private const string AbbreviationsFile = "geo/division-abbreviations.tsv";

    // Generic words GeoNames appends to division names that the press drops («Kharkiv Oblast» → «Kharkiv»).
    private static readonly string[] DivisionWords =
    [
        " Oblast", " Region", " Province", " Governorate", " County", " District", " Prefecture", " Voivodeship",
        " Krai", " Kray", " Oblysy", " Viloyati", " State", " Department", " Municipality", " Parish", " Territory",
        " City", " Republic", " Autonomous Republic", " Emirate", " Division", " Raion",
    ];

    private static readonly string[] DivisionPrefixes = ["Republic of ", "State of ", "Province of ", "City of "];

    public static Gazetteer Build(string corpora, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        string folder = Path.Combine(corpora, "geo", "geonames");
        var places = new List<GazetteerPlace>();
        var names = new List<(int, string, bool)>();

        int Add(GazetteerPlace place)
        {
            places.Add(place with { Index = places.Count });
            return places.Count - 1;
        }

        // Towns.
        var towns = new List<Town>();
        var townNames = new Dictionary<int, (int Start, int Count)>();
        var townByGeonamesId = new Dictionary<long, int>();
        var townsByName = new Dictionary<(string Country, string Name), int>();
        foreach (string line in File.ReadLines(Path.Combine(folder, "cities1000.txt")))
        {
            string[] f = line.Split('\t');
            if (f.Length < 15 || !long.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out long id))
            {
                continue;
            }

            double lat = Number(f[4]), lon = Number(f[5]);
            long population = long.TryParse(f[14], NumberStyles.None, CultureInfo.InvariantCulture, out long p) ? p : 0;
            string country = f[8], admin1 = f[10].Length == 0 ? "" : f[8] + "." + f[10];
            int index = Add(new GazetteerPlace
            {
                Index = 0,
                GeonamesId = id,
                Name = f[1],
                Latitude = lat,
                Longitude = lon,
                Feature = f[7],
                Precision = PlacePrecision.City,
                Country = country.Length == 0 ? null : country,
                Admin1Code = admin1.Length == 0 ? null : admin1,
                Population = population,
            });
            townByGeonamesId[id] = index;
            towns.Add(new Town(country, admin1, admin1.Length == 0 || f[11].Length == 0 ? "" : admin1 + "." + f[11], lat, lon, population));
            int first = names.Count;
            names.Add((index, f[1], true));
            names.Add((index, f[2], true));
            if (f[1].IndexOf(", ", StringComparison.Ordinal) is > 0 and int comma)
            {
                names.Add((index, f[1][..comma], true)); // «Washington, D.C.» is «Washington» too
            }

            foreach (string alternate in f[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                names.Add((index, alternate, false));
            }

            townNames[index] = (first, names.Count - first);

            // The most populous town of a name in a country lends its names to a division named after it.
            (string, string) key = (country, GazetteerKey.Normalize(f[1]));
            if (!townsByName.TryGetValue(key, out int seen) || places[seen].Population < population)
            {
                townsByName[key] = index;
            }
        }

        log?.WriteLine($"cities1000: {towns.Count} towns");
        Dictionary<string, Centre> byCountry = Centres(towns, t => t.Country);
        Dictionary<string, Centre> byAdmin1 = Centres(towns, t => t.Admin1);
        Dictionary<string, Centre> byAdmin2 = Centres(towns, t => t.Admin2);

        // Countries.
        var countryByCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var countryByGeonamesId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Path.Combine(folder, "countryInfo.tsv")))
        {
            string[] f = line.Split('\t');
            if (line.StartsWith('#') || f.Length < 17 || !byCountry.TryGetValue(f[0], out Centre centre))
            {
                continue;
            }

            int index = Add(new GazetteerPlace
            {
                Index = 0,
                GeonamesId = long.Parse(f[16], CultureInfo.InvariantCulture),
                Name = f[4],
                Latitude = centre.Latitude,
                Longitude = centre.Longitude,
                Feature = "PCLI",
                Precision = PlacePrecision.Country,
                Country = f[0],
                Population = long.TryParse(f[7], NumberStyles.None, CultureInfo.InvariantCulture, out long p) ? p : centre.Population,
            });
            countryByCode[f[0]] = index;
            countryByGeonamesId[f[16]] = index;
            names.Add((index, f[4], true));
        }

        using (FileStream stream = File.OpenRead(Path.Combine(folder, "country_translations.json")))
        using (var translations = JsonDocument.Parse(stream))
        {
            foreach (JsonProperty country in translations.RootElement.EnumerateObject())
            {
                if (countryByGeonamesId.TryGetValue(country.Name, out int index))
                {
                    foreach (JsonProperty name in country.Value.EnumerateObject())
                    {
                        names.Add((index, name.Value.GetString() ?? "", false));
                    }
                }
            }
        }

        foreach (string[] row in LanguageResources.ReadRows(CountryAliasesFile))
        {
            names.Add((countryByCode[row[2]], row[1], true));
        }

        log?.WriteLine($"countryInfo: {countryByCode.Count} countries");

        // First-order divisions: ids from regionInfo, current English names from admin1.json («Kharkiv», not «Kharkivs’ka Oblast’»).
        var admin1Names = new Dictionary<string, string>(StringComparer.Ordinal);
        using (FileStream stream = File.OpenRead(Path.Combine(folder, "admin1.json")))
        using (var json = JsonDocument.Parse(stream))
        {
            foreach (JsonElement division in json.RootElement.EnumerateArray())
            {
                if (division.GetProperty("name").GetString() is { Length: > 0 } name)
                {
                    admin1Names[division.GetProperty("code").GetString() ?? ""] = name;
                }
            }
        }

        var admin1ByCode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Path.Combine(folder, "regionInfo.tsv")))
        {
            string[] f = line.Split('\t');
            if (line.StartsWith('#') || f.Length < 4)
            {
                continue;
            }

            string display = admin1Names.TryGetValue(f[0], out string? current) ? current : admin1Names[f[0]] = f[1];
            if (!byAdmin1.TryGetValue(f[0], out Centre centre))
            {
                continue;
            }

            int index = Add(new GazetteerPlace
            {
                Index = 0,
                GeonamesId = long.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out long id) ? id : null,
                Name = display,
                Latitude = centre.Latitude,
                Longitude = centre.Longitude,
                Feature = "ADM1",
                Precision = PlacePrecision.Region,
                Country = f[0][..f[0].IndexOf('.', StringComparison.Ordinal)],
                Admin1Code = f[0],
                Population = centre.Population,
            });
            admin1ByCode[f[0]] = index;
            AddDivisionNames(names, townsByName, townNames, places, index, [display, f[1], f[2]]);
            if (f[0].StartsWith("US.", StringComparison.Ordinal))
            {
                names.Add((index, f[0][3..], true)); // «CA», «NY»: US states by their postal codes, as the press writes them
            }
        }

        foreach (string[] row in LanguageResources.ReadRows(AbbreviationsFile))
        {
            names.Add((admin1ByCode[row[1]], row[0], true));
        }

        log?.WriteLine($"regionInfo: {admin1ByCode.Count} first-order divisions");

        // Second-order divisions (no GeoNames id in the extract).
        int admin2 = 0;
        using (FileStream stream = File.OpenRead(Path.Combine(folder, "admin2.json")))
        using (var json = JsonDocument.Parse(stream))
        {
            foreach (JsonElement division in json.RootElement.EnumerateArray())
            {
                string code = division.GetProperty("code").GetString() ?? "", name = division.GetProperty("name").GetString() ?? "";
                if (name.Length == 0 || !byAdmin2.TryGetValue(code, out Centre centre))
                {
                    continue;
                }

                string admin1 = code[..code.LastIndexOf('.')];
                int index = Add(new GazetteerPlace
                {
                    Index = 0,
                    Name = name,
                    Latitude = centre.Latitude,
                    Longitude = centre.Longitude,
                    Feature = "ADM2",
                    Precision = PlacePrecision.Region,
                    Country = code[..code.IndexOf('.', StringComparison.Ordinal)],
                    Admin1Code = admin1,
                    Population = centre.Population,
                });
                AddDivisionNames(names, townsByName, townNames, places, index, [name]);
                admin2++;
            }
        }

        log?.WriteLine($"admin2: {admin2} second-order divisions");

        // The curated supplement.
        int supplement = 0;
        if (LanguageResources.Exists(SupplementFile))
        {
            foreach (string[] row in LanguageResources.ReadRows(SupplementFile))
            {
                if (row.Length < 10)
                {
                    throw new InvalidDataException($"{SupplementFile}: row «{string.Join('\t', row)}» has {row.Length} fields, expected 10.");
                }

                int within = row[6].Length > 0 && townByGeonamesId.TryGetValue(long.Parse(row[6], CultureInfo.InvariantCulture), out int town) ? town : -1;
                int admin1Index = row[5].Length > 0 && admin1ByCode.TryGetValue(row[5], out int a) ? a : -1;
                GazetteerPlace? anchor = within >= 0 ? places[within] : admin1Index >= 0 ? places[admin1Index] : null;
                bool located = row[7].Length > 0 && row[8].Length > 0;
                if (!located && anchor is null)
                {
                    throw new InvalidDataException($"{SupplementFile}: «{row[0]}» has neither coordinates nor a known town or division to take them from.");
                }

                int index = Add(new GazetteerPlace
                {
                    Index = 0,
                    GeonamesId = row[1].Length > 0 ? long.Parse(row[1], CultureInfo.InvariantCulture) : null,
                    Name = CanonicalName(row[9]),
                    Latitude = located ? Number(row[7]) : anchor!.Latitude,
                    Longitude = located ? Number(row[8]) : anchor!.Longitude,
                    Feature = row[2],
                    Precision = Enum.Parse<PlacePrecision>(row[3], ignoreCase: true),
                    Country = row[4].Length > 0 ? row[4] : null,
                    Admin1Code = row[5].Length > 0 ? row[5] : anchor?.Admin1Code,
                    Population = anchor?.Population ?? 0,
                    Within = within,
                });
                foreach (string name in row[9].Split('|'))
                {
                    names.Add((index, name.Split(':', 2)[1], true));
                }

                supplement++;
            }
        }

        log?.WriteLine($"{SupplementFile}: {supplement} places");
        var gazetteer = Gazetteer.Create(places, admin1Names, names);
        log?.WriteLine($"index: {gazetteer.Places.Length} places under {gazetteer.NameCount} names");
        return gazetteer;
    }

    /// <summary>The first English or any-language name of a supplement row («en:Donbas»), else its first name.</summary>
    private static string CanonicalName(string names)
    {
        string[] pairs = names.Split('|');
        string chosen = pairs.FirstOrDefault(p => p.StartsWith("en:", StringComparison.Ordinal) || p.StartsWith("*:", StringComparison.Ordinal)) ?? pairs[0];
        return chosen.Split(':', 2)[1];
    }

    private static void AddDivisionNames(List<(int, string, bool)> names, Dictionary<(string, string), int> townsByName, Dictionary<int, (int Start, int Count)> townNames, List<GazetteerPlace> places, int index, string[] written)
    {
        GazetteerPlace division = places[index];
        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in written.Where(n => n.Length > 0))
        {
            forms.Add(name);
            string core = name;
            foreach (string prefix in DivisionPrefixes.Where(p => core.StartsWith(p, StringComparison.Ordinal)))
            {
                core = core[prefix.Length..];
            }

            foreach (string word in DivisionWords.Where(w => core.EndsWith(w, StringComparison.Ordinal) && core.Length > w.Length + 2))
            {
                core = core[..^word.Length];
            }

            forms.Add(core);
        }

        foreach (string form in forms)
        {
            names.Add((index, form, true));
            if (townsByName.TryGetValue((division.Country ?? "", GazetteerKey.Normalize(form)), out int town))
            {
                (int start, int count) = townNames[town];
                names.AddRange(names.GetRange(start, count).Select(n => (index, n.Item2, false)).ToList());
            }
        }
    }

    private static Dictionary<string, Centre> Centres(List<Town> towns, Func<Town, string> key)
    {
        var sums = new Dictionary<string, (double Lat, double Lon, double Weight, long Population)>(StringComparer.Ordinal);
        foreach (Town town in towns)
        {
            string k = key(town);
            if (k.Length == 0)
            {
                continue;
            }

            double weight = Math.Max(town.Population, 1);
            sums.TryGetValue(k, out var s);
            sums[k] = (s.Lat + (town.Latitude * weight), s.Lon + (town.Longitude * weight), s.Weight + weight, s.Population + town.Population);
        }

        return sums.ToDictionary(p => p.Key, p => new Centre(p.Value.Lat / p.Value.Weight, p.Value.Lon / p.Value.Weight, p.Value.Population), StringComparer.Ordinal);
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private readonly record struct Town(string Country, string Admin1, string Admin2, double Latitude, double Longitude, long Population);

    private readonly record struct Centre(double Latitude, double Longitude, long Population);
}

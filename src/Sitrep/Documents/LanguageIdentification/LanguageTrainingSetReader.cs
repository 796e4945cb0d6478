using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Sitrep.Corpora;

namespace Sitrep.Documents.LanguageIdentification;

/// <summary>Reads the training words of every class of a recipe from the corpora folder.</summary>
public static class LanguageTrainingSetReader
{
    private const string CountryNamesFile = "geo/geonames/country_translations.json";
    private const string PlacesFile = "geo/geonames/cities1000.txt";

    /// <param name="corpora">The corpora folder (<c>../shared/corpora</c>).</param>
    /// <param name="recipes">The classes to build, in order.</param>
    /// <param name="sampleLimit">Read at most this many sentences, tokens or names per source (null: all); for quick tests.</param>
    public static ImmutableArray<LanguageTrainingClass> Read(string corpora, IReadOnlyList<LanguageTrainingRecipe> recipes, int? sampleLimit = null)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        ArgumentNullException.ThrowIfNull(recipes);
        int limit = sampleLimit ?? int.MaxValue;
        Dictionary<string, List<string[]>> places = ReadPlaces(corpora, recipes);
        JsonDocument? countryNames = recipes.Any(r => r.Places.Length > 0) ? ReadJson(corpora, CountryNamesFile) : null;
        try
        {
            var classes = ImmutableArray.CreateBuilder<LanguageTrainingClass>(recipes.Count);
            foreach (LanguageTrainingRecipe recipe in recipes)
            {
                var cls = new LanguageTrainingClass(recipe.Code, recipe.Role);
                foreach (string pattern in recipe.ConlluFiles)
                {
                    int words = 0, names = 0;
                    string[] files = Expand(corpora, pattern);
                    foreach (string file in files)
                    {
                        foreach (ConlluSentence sentence in ConlluReader.ReadFile(file).Take(limit))
                        {
                            foreach (ConlluToken token in sentence.Tokens)
                            {
                                bool name = IsProperNoun(sentence, token);
                                int added = LanguageTrainingClass.AddWords(name ? cls.TextNames : cls.TextWords, token.Form);
                                words += name ? 0 : added;
                                names += name ? added : 0;
                            }
                        }
                    }

                    cls.Sources.Add($"{pattern}{(files.Length > 1 ? $" ({files.Length} files)" : "")}: {words} words, {names} name words");
                }

                foreach (string pattern in recipe.TokenFiles)
                {
                    int words = 0, names = 0;
                    string[] files = Expand(corpora, pattern);
                    foreach (string file in files)
                    {
                        foreach ((string token, bool name) in ReadTokens(file, recipe.Code).Take(limit))
                        {
                            int added = LanguageTrainingClass.AddWords(name ? cls.TextNames : cls.TextWords, token);
                            words += name ? 0 : added;
                            names += name ? added : 0;
                        }
                    }

                    cls.Sources.Add($"{pattern}{(files.Length > 1 ? $" ({files.Length} files)" : "")}: {words} words, {names} name words");
                }

                if (recipe.FunctionWords)
                {
                    string resource = $"{recipe.Code}/function-words.txt";
                    cls.FunctionWords.AddRange(ReadResourceLines(resource));
                    cls.Sources.Add($"src/Sitrep/Resources/{resource}: {cls.FunctionWords.Count} function words");
                }

                if (recipe.Places.Length > 0)
                {
                    AddCountryNames(cls, countryNames!, recipe, limit);
                    AddPlaceNames(cls, places, recipe, limit);
                }

                classes.Add(cls);
            }

            return classes.MoveToImmutable();
        }
        finally
        {
            countryNames?.Dispose();
        }
    }

    /// <summary>The lines of an embedded <c>Resources/</c> file, without comments and blank lines.</summary>
    internal static List<string> ReadResourceLines(string name)
    {
        Assembly assembly = typeof(LanguageTrainingSetReader).Assembly;
        string logical = "Sitrep.Resources." + name;
        using Stream stream = assembly.GetManifestResourceStream(logical)
            ?? assembly.GetManifestResourceStream(logical.Replace('/', '\\'))
            ?? throw new FileNotFoundException($"embedded resource {logical} is missing");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is string line)
        {
            string trimmed = line.Trim();
            if (trimmed.Length > 0 && trimmed[0] != '#')
            {
                lines.Add(trimmed);
            }
        }

        return lines;
    }

    private static void AddCountryNames(LanguageTrainingClass cls, JsonDocument countryNames, LanguageTrainingRecipe recipe, int limit)
    {
        // Keys are GeoNames ids; ordered numerically so the result never depends on the file's order.
        var names = countryNames.RootElement.EnumerateObject()
            .OrderBy(p => long.Parse(p.Name, NumberStyles.None, CultureInfo.InvariantCulture))
            .Select(p => p.Value.TryGetProperty(recipe.Code, out JsonElement name) ? name.GetString() : null)
            .OfType<string>()
            .Take(limit);
        int count = 0, words = 0;
        foreach (string name in names)
        {
            count++;
            words += LanguageTrainingClass.AddWords(cls.NameWords, name);
        }

        cls.Sources.Add($"{CountryNamesFile} [{recipe.Code}]: {count} country names, {words} words");
    }

    private static void AddPlaceNames(LanguageTrainingClass cls, Dictionary<string, List<string[]>> places, LanguageTrainingRecipe recipe, int limit)
    {
        var excluded = recipe.Places.Where(p => p.StartsWith('-')).Select(p => p[1..]).ToHashSet(StringComparer.Ordinal);
        int count = 0, words = 0;
        foreach (string place in recipe.Places.Where(p => !p.StartsWith('-')))
        {
            (string country, string? region) = SplitPlace(place);
            int taken = 0;
            foreach (string[] row in places.GetValueOrDefault(country) ?? [])
            {
                if (taken >= limit)
                {
                    break;
                }

                string rowRegion = row.Length > 10 ? $"{row[8]}.{row[10]}" : row[8];
                if ((region is not null && !string.Equals(rowRegion, place, StringComparison.Ordinal)) || excluded.Contains(rowRegion))
                {
                    continue;
                }

                if (recipe.Alphabet is null)
                {
                    words += LanguageTrainingClass.AddWords(cls.NameWords, row[1]);
                    taken++;
                    continue;
                }

                foreach (string alternate in row[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (IsWrittenIn(alternate, recipe.Alphabet, recipe.RequiredLetters))
                    {
                        words += LanguageTrainingClass.AddWords(cls.NameWords, alternate);
                        taken++;
                    }
                }
            }

            count += taken;
        }

        cls.Sources.Add($"{PlacesFile} [{string.Join(' ', recipe.Places)}{(recipe.Alphabet is null ? "" : ", Cyrillic alternate names")}]: {count} place names, {words} words");
    }

    /// <summary>«ES.56» → (ES, 56); «DE» → (DE, null); a leading «-» is dropped.</summary>
    private static (string Country, string? Region) SplitPlace(string place)
    {
        string p = place.TrimStart('-');
        int dot = p.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? (p, null) : (p[..dot], p[(dot + 1)..]);
    }

    /// <summary>True when every letter of <paramref name="name"/> is in the alphabet and one is required (if any are).</summary>
    private static bool IsWrittenIn(string name, string alphabet, string? required)
    {
        bool hasLetter = false, hasRequired = required is null;
        foreach (char c in name)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            char lower = char.ToLowerInvariant(c);
            if (!alphabet.Contains(lower, StringComparison.Ordinal))
            {
                return false;
            }

            hasLetter = true;
            hasRequired |= required is not null && required.Contains(lower, StringComparison.Ordinal);
        }

        return hasLetter && hasRequired;
    }

    /// <summary>cities1000 rows (split on tabs) of the countries the recipes need, in file order.</summary>
    private static Dictionary<string, List<string[]>> ReadPlaces(string corpora, IReadOnlyList<LanguageTrainingRecipe> recipes)
    {
        var wanted = recipes.SelectMany(r => r.Places).Select(p => SplitPlace(p).Country).ToHashSet(StringComparer.Ordinal);
        var places = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return places;
        }

        foreach (string line in File.ReadLines(Require(corpora, PlacesFile)))
        {
            string[] fields = line.Split('\t');
            if (fields.Length > 8 && wanted.Contains(fields[8]))
            {
                if (!places.TryGetValue(fields[8], out List<string[]>? rows))
                {
                    places[fields[8]] = rows = [];
                }

                rows.Add(fields);
            }
        }

        return places;
    }

    /// <summary>True when every word of the token is a proper noun (see <see cref="LanguageTrainingClass.TextNames"/>).</summary>
    private static bool IsProperNoun(ConlluSentence sentence, ConlluToken token)
    {
        for (int id = token.FirstWord; id <= token.LastWord; id++)
        {
            ConlluWord? word = sentence.Words.FirstOrDefault(w => w.Id == id);
            if (word is null || !string.Equals(word.Upos, "PROPN", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// First column of each line, and whether the last column tags it as part of a named entity; skips blank
    /// lines and CoNLL-2003 document markers; strips a WikiANN «fr:» prefix.
    /// </summary>
    private static IEnumerable<(string Token, bool Name)> ReadTokens(string file, string code)
    {
        string prefix = code + ":";
        foreach (string line in File.ReadLines(file))
        {
            int end = line.AsSpan().IndexOfAny('\t', ' ');
            string token = end < 0 ? line : line[..end];
            int tag = line.AsSpan().LastIndexOfAny('\t', ' ');
            if (token.Length == 0 || token.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                continue;
            }

            bool name = tag > 0 && !line.AsSpan(tag + 1).SequenceEqual("O");
            yield return (token.StartsWith(prefix, StringComparison.Ordinal) ? token[prefix.Length..] : token, name);
        }
    }

    private static JsonDocument ReadJson(string corpora, string relative)
    {
        using FileStream stream = File.OpenRead(Require(corpora, relative));
        return JsonDocument.Parse(stream);
    }

    /// <summary>The files a pattern names, in ordinal order; a pattern matching nothing is an error.</summary>
    private static string[] Expand(string corpora, string pattern)
    {
        string fileName = Path.GetFileName(pattern);
        if (!fileName.Contains('*', StringComparison.Ordinal))
        {
            return [Require(corpora, pattern)];
        }

        string directory = Path.Combine(corpora, Path.GetDirectoryName(pattern) ?? "");
        string[] files = Directory.Exists(directory) ? Directory.GetFiles(directory, fileName) : [];
        if (files.Length == 0)
        {
            throw new FileNotFoundException($"{Path.Combine(corpora, pattern)}: no file matches");
        }

        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    private static string Require(string corpora, string relative)
    {
        string path = Path.Combine(corpora, relative);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path}: training file not found", path);
    }

}

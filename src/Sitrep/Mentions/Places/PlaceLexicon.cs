using System.Collections.Frozen;
using Sitrep.Resources;
using Sitrep.Tagging.Lemmas;

namespace Sitrep.Mentions.Places;

/// <summary>
/// A language's place words from <c>Resources/&lt;lang&gt;/place-cues.tsv</c> (the words before a place name that
/// say what it is) and <c>Resources/geo/demonyms.tsv</c> (nationality words, which name no place but point to a
/// country: «russe», «Ukrainians»). Keys are <see cref="GazetteerKey"/> forms.
/// </summary>
public sealed class PlaceLexicon
{
    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> AllDemonyms = ReadWords("geo/demonyms.tsv");

    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> AllContinentWords = ReadWords("geo/continent-adjectives.tsv");

    private readonly FrozenDictionary<string, string> _continentWords;

    private PlaceLexicon(string language, FrozenDictionary<string, PlaceCue> cues, FrozenDictionary<string, string> demonyms, int longestCue, string? basedSuffix, FrozenSet<string> commonWords, FrozenSet<string> coordinations, FrozenSet<string> links)
    {
        Links = links;
        _continentWords = AllContinentWords.GetValueOrDefault(language) ?? FrozenDictionary<string, string>.Empty;
        Coordinations = coordinations;
        CommonWords = commonWords;
        Language = language;
        Cues = cues;
        Demonyms = demonyms;
        LongestCue = longestCue;
        BasedSuffix = basedSuffix;
    }

    public string Language { get; }

    /// <summary>Cue phrases (normalised) and what they announce.</summary>
    public FrozenDictionary<string, PlaceCue> Cues { get; }

    /// <summary>Nationality words as written («ukrainienne», «Russians») → ISO 3166-1 alpha-2.</summary>
    public FrozenDictionary<string, string> Demonyms { get; }

    /// <summary>
    /// The country a nationality word names, as written, in lower case or capitalised («Ukrainiens», «ukrainiens»,
    /// «KAZAKH» in a headline), or null.
    /// </summary>
    public string? DemonymCountry(string word) => Lookup(Demonyms, word);

    /// <summary>
    /// The GeoNames id of the continent a continent adjective or inhabitant noun points to («European», «africaines»),
    /// written as <see cref="DemonymCountry"/> reads it, or null (<c>Resources/geo/continent-adjectives.tsv</c>).
    /// </summary>
    public long? ContinentOf(string word) =>
        Lookup(_continentWords, word) is { } id ? long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Words that tie a longer name to the place it is named after («of», «de»), lower case.</summary>
    public FrozenSet<string> Links { get; }

    /// <summary>Words in the longest cue phrase.</summary>
    public int LongestCue { get; }

    /// <summary>
    /// Words the language writes in lower case (from the lemmatizer's lexicon, proper nouns aside): capitalised, they
    /// start a sentence or a title more often than they name a town («March», «Street», «Centre»).
    /// </summary>
    public FrozenSet<string> CommonWords { get; }

    /// <summary>What may stand between two coordinated place names (normalised: «et de», «and», «»), so that a cue carries over.</summary>
    public FrozenSet<string> Coordinations { get; }

    /// <summary>A suffix that turns a place name into a location adjective («-based»), or null.</summary>
    public string? BasedSuffix { get; }

    public static PlaceLexicon For(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        string file = language + "/place-cues.tsv";
        var cues = new Dictionary<string, PlaceCue>(StringComparer.Ordinal);
        string? based = null;
        var coordinations = new HashSet<string>(StringComparer.Ordinal) { "" };
        var links = new HashSet<string>(StringComparer.Ordinal);
        if (LanguageResources.Exists(file))
        {
            foreach (string[] row in LanguageResources.ReadRows(file))
            {
                if (row[1] == "suffix")
                {
                    based = row[0];
                    continue;
                }

                if (row[1] == "link")
                {
                    links.Add(row[0]);
                    continue;
                }

                if (row[1] == "coordination")
                {
                    coordinations.Add(GazetteerKey.Normalize(row[0]));
                    continue;
                }

                cues[GazetteerKey.Normalize(row[0])] = Enum.Parse<PlaceCue>(row[1], ignoreCase: true);
            }
        }

        return new PlaceLexicon(
            language,
            cues.ToFrozenDictionary(StringComparer.Ordinal),
            AllDemonyms.GetValueOrDefault(language) ?? FrozenDictionary<string, string>.Empty,
            cues.Count == 0 ? 0 : cues.Keys.Max(k => k.Split(' ').Length),
            based,
            CommonWordsOf(language),
            coordinations.ToFrozenSet(StringComparer.Ordinal),
            links.ToFrozenSet(StringComparer.Ordinal));
    }

    private static FrozenSet<string> CommonWordsOf(string language) =>
        Lemmatizer.For(language)?.Model.Lexicon
            .Where(e => e.Upos != "PROPN" && e.Form.Length > 0 && char.IsLower(e.Form[0]))
            .Select(e => e.Form)
            .ToFrozenSet(StringComparer.Ordinal) ?? FrozenSet<string>.Empty;

    /// <summary>A word as written, in lower case, or capitalised («KAZAKH» → «Kazakh»).</summary>
    private static string? Lookup(FrozenDictionary<string, string> words, string word) =>
        words.GetValueOrDefault(word) ?? words.GetValueOrDefault(word.ToLowerInvariant())
        ?? (word.Length > 1 ? words.GetValueOrDefault(string.Concat(word.AsSpan(0, 1), word[1..].ToLowerInvariant())) : null);

    /// <summary>Rows of language, word, value, by language then word (the first value of a word kept).</summary>
    private static FrozenDictionary<string, FrozenDictionary<string, string>> ReadWords(string file)
    {
        if (!LanguageResources.Exists(file))
        {
            return FrozenDictionary<string, FrozenDictionary<string, string>>.Empty;
        }

        return LanguageResources.ReadRows(file)
            .GroupBy(row => row[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.DistinctBy(row => row[1], StringComparer.Ordinal).ToFrozenDictionary(row => row[1], row => row[2], StringComparer.Ordinal), StringComparer.Ordinal);
    }
}

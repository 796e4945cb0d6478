using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace Sitrep.Mentions.Dates;

/// <summary>What a lexicon phrase is to the temporal grammar (the second column of <c>time-lexicon.tsv</c>).</summary>
public enum TimeCategory
{
    Month,
    Weekday,
    Number,
    Ordinal,
    Unit,
    PartOfDay,
    Season,
    Day,
    Anchor,
    Relative,
    Ago,
    Later,
    Approx,
    Position,
    Of,
    Determiner,
    Each,
    Set,
    Vague,
    Clock,
    Holiday,
    Quantifier,
    Future,
    FutureSuffix,
    MonthCue,
    Measure,
    At,
    AgeCue,
    Past,
    PastSuffix,
    Gap,
    YearAgo,
    Period,
    NonFinite,
    PeriodEnd,
    Function,
    Fraction,
    Extra,
    DurationCue,
}

[Flags]
public enum TimeEntryFlags
{
    None = 0,

    /// <summary>The modifier stands before its head ("last week", «cette semaine»).</summary>
    Pre = 1,

    /// <summary>The modifier stands after its head («la semaine dernière»).</summary>
    Post = 2,

    /// <summary>Counts only where the grammar has other evidence ("may" before a day, "a" before a unit).</summary>
    Ambiguous = 4,

    /// <summary>A noun that is not tagged where it modifies a following noun ("future earnings", not "the future of").</summary>
    Nominal = 8,

    /// <summary>Counted from the last date the text mentioned, not the publication date ("the following year", "that month").</summary>
    Anchored = 16,
}

/// <summary>One lexicon phrase: its words (as vocabulary ids), category, value and flags.</summary>
public sealed record TimeLexiconEntry(int[] Words, TimeCategory Category, string Value, TimeEntryFlags Flags, TimexType? Type)
{
    public int Length => Words.Length;

    public bool IsAmbiguous => (Flags & TimeEntryFlags.Ambiguous) != 0;

    public int IntValue => int.Parse(Value, NumberStyles.Integer, CultureInfo.InvariantCulture);
}

/// <summary>
/// A language's temporal words, read from <c>Resources/&lt;lang&gt;/time-lexicon.tsv</c>. Phrases are matched
/// word by word in lower case, so «AOÛT» and «août» are one word.
/// </summary>
public sealed class TimeLexicon
{
    private readonly FrozenDictionary<string, int> _vocabulary;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly TimeLexiconEntry[][] _byFirstWord;
    private readonly string[] _futureSuffixes;
    private readonly string[] _pastSuffixes;

    private TimeLexicon(Dictionary<string, int> vocabulary, List<TimeLexiconEntry> entries, string[] futureSuffixes, string[] pastSuffixes)
    {
        _vocabulary = vocabulary.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        var byFirst = new List<TimeLexiconEntry>[vocabulary.Count];
        foreach (TimeLexiconEntry entry in entries)
        {
            (byFirst[entry.Words[0]] ??= []).Add(entry);
        }

        // Longest phrases first, so the first entry of a category that matches is the longest one.
        _byFirstWord = byFirst.Select(list => list is null ? [] : list.OrderByDescending(e => e.Length).ToArray()).ToArray();
        _futureSuffixes = futureSuffixes;
        _pastSuffixes = pastSuffixes;
    }

    /// <summary>The vocabulary id of a folded word, or −1.</summary>
    public int WordId(ReadOnlySpan<char> folded) => _lookup.TryGetValue(folded, out int id) ? id : -1;

    public ReadOnlySpan<TimeLexiconEntry> EntriesStartingWith(int wordId) =>
        wordId < 0 ? [] : _byFirstWord[wordId];

    /// <summary>True for a word ending like a future verb form («déclarera»), by the <c>futuresuffix</c> entries.</summary>
    public bool HasFutureSuffix(ReadOnlySpan<char> folded) => HasSuffix(folded, _futureSuffixes);

    /// <summary>True for a word ending like a past participle or past tense («annoncé», "announced"), by the <c>pastsuffix</c> entries.</summary>
    public bool HasPastSuffix(ReadOnlySpan<char> folded) => HasSuffix(folded, _pastSuffixes);

    private static bool HasSuffix(ReadOnlySpan<char> folded, string[] suffixes)
    {
        if (folded.Length < 5)
        {
            return false;
        }

        foreach (string suffix in suffixes)
        {
            if (folded.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Loads an embedded lexicon, e.g. <c>fr/time-lexicon.tsv</c>.</summary>
    public static TimeLexicon LoadResource(string path)
    {
        string name = "Sitrep.Resources." + path;
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource '{name}' is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static TimeLexicon Parse(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var entries = new List<TimeLexiconEntry>();
        var futureSuffixes = new List<string>();
        var pastSuffixes = new List<string>();
        foreach (string rawLine in tsv.Split('\n'))
        {
            string line = rawLine.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] columns = line.Split('\t');
            if (columns.Length < 2)
            {
                throw new FormatException($"time lexicon: expected phrase<TAB>category<TAB>value, got '{line}'");
            }

            TimeCategory category = ParseCategory(columns[1]);
            string value = columns.Length > 2 ? columns[2] : "";
            TimeEntryFlags flags = TimeEntryFlags.None;
            TimexType? type = null;
            if (columns.Length > 3)
            {
                foreach (string flag in string.Join(',', columns[3..]).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    switch (flag)
                    {
                        case "pre": flags |= TimeEntryFlags.Pre; break;
                        case "post": flags |= TimeEntryFlags.Post; break;
                        case "ambiguous": flags |= TimeEntryFlags.Ambiguous; break;
                        case "nominal": flags |= TimeEntryFlags.Nominal; break;
                        case "anchored": flags |= TimeEntryFlags.Anchored; break;
                        default:
                            type = TimexTypes.TryParse(flag, out TimexType t) ? t : throw new FormatException($"time lexicon: unknown flag '{flag}' in '{line}'");
                            break;
                    }
                }
            }

            if (category is TimeCategory.FutureSuffix or TimeCategory.PastSuffix)
            {
                (category == TimeCategory.FutureSuffix ? futureSuffixes : pastSuffixes).Add(FoldWord(columns[0]));
                continue;
            }

            string[] words = columns[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ids = new int[words.Length];
            for (int k = 0; k < words.Length; k++)
            {
                string folded = FoldWord(words[k]);
                if (!vocabulary.TryGetValue(folded, out int id))
                {
                    id = vocabulary.Count;
                    vocabulary.Add(folded, id);
                }

                ids[k] = id;
            }

            entries.Add(new TimeLexiconEntry(ids, category, value, flags, type));
        }

        return new TimeLexicon(vocabulary, entries, [.. futureSuffixes], [.. pastSuffixes]);
    }

    private static TimeCategory ParseCategory(string name) => name switch
    {
        "month" => TimeCategory.Month,
        "weekday" => TimeCategory.Weekday,
        "number" => TimeCategory.Number,
        "ordinal" => TimeCategory.Ordinal,
        "unit" => TimeCategory.Unit,
        "pod" => TimeCategory.PartOfDay,
        "season" => TimeCategory.Season,
        "day" => TimeCategory.Day,
        "anchor" => TimeCategory.Anchor,
        "rel" => TimeCategory.Relative,
        "ago" => TimeCategory.Ago,
        "later" => TimeCategory.Later,
        "approx" => TimeCategory.Approx,
        "position" => TimeCategory.Position,
        "of" => TimeCategory.Of,
        "det" => TimeCategory.Determiner,
        "each" => TimeCategory.Each,
        "set" => TimeCategory.Set,
        "vague" => TimeCategory.Vague,
        "clock" => TimeCategory.Clock,
        "holiday" => TimeCategory.Holiday,
        "quantifier" => TimeCategory.Quantifier,
        "future" => TimeCategory.Future,
        "futuresuffix" => TimeCategory.FutureSuffix,
        "monthcue" => TimeCategory.MonthCue,
        "measure" => TimeCategory.Measure,
        "at" => TimeCategory.At,
        "agecue" => TimeCategory.AgeCue,
        "past" => TimeCategory.Past,
        "pastsuffix" => TimeCategory.PastSuffix,
        "gap" => TimeCategory.Gap,
        "yearago" => TimeCategory.YearAgo,
        "period" => TimeCategory.Period,
        "nonfinite" => TimeCategory.NonFinite,
        "periodend" => TimeCategory.PeriodEnd,
        "function" => TimeCategory.Function,
        "fraction" => TimeCategory.Fraction,
        "extra" => TimeCategory.Extra,
        "durationcue" => TimeCategory.DurationCue,
        _ => throw new FormatException($"time lexicon: unknown category '{name}'"),
    };

    /// <summary>Lower case: «Été» → «été».</summary>
    public static string FoldWord(string word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        int n = Fold(word, buffer);
        return new string(buffer[..n]);
    }

    /// <summary>Folds <paramref name="source"/> into <paramref name="destination"/> (same length or longer); returns the length.</summary>
    public static int Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        for (int k = 0; k < source.Length; k++)
        {
            destination[k] = FoldChar(source[k]);
        }

        return source.Length;
    }

    // Case only: accents carry meaning in French («à» is not «a»), so the lexicon lists unaccented spellings
    // where the press uses them («aout»).
    private static char FoldChar(char c) => c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c + 32) : c) : char.ToLowerInvariant(c);
}

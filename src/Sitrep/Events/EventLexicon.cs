using System.Collections.Frozen;
using Sitrep.Resources;

namespace Sitrep.Events;

/// <summary>How a trigger's grammatical arguments map to who acts and who is acted upon.</summary>
public enum TriggerFrame : byte
{
    /// <summary>The subject (or the agent of a passive) acts on the object.</summary>
    Agent,

    /// <summary>The object, or the subject of a passive, is the one who acts («les forces ont été chassées»: they withdraw).</summary>
    Patient,

    /// <summary>The subject and the «avec»/«with» complements all act (talks, clashes).</summary>
    Mutual,

    /// <summary>Intransitive: the subject acts, there is no recipient.</summary>
    Self,

    /// <summary>The subject undergoes it and is the recipient («12 civils sont morts», «were wounded»); a «par» / «by» agent acts.</summary>
    Undergoer,
}

/// <summary>A word the trigger needs near it, or that cancels it: a lemma within five tokens, within three before, or next.</summary>
public readonly record struct TriggerCondition(string Lemma, ConditionPlace Place);

public enum ConditionPlace : byte
{
    Near,
    Before,
    Next,
}

/// <summary>One row of a trigger lexicon.</summary>
public sealed record TriggerEntry(
    string Lemma,
    bool IsNoun,
    string Type,
    string? Mode,
    string? Context,
    TriggerFrame Frame,
    IReadOnlyList<IReadOnlyList<TriggerCondition>> Requires,
    IReadOnlyList<TriggerCondition> Unless);

/// <summary>A vague or written-out quantity: «plusieurs centaines» → 200, 300, 900.</summary>
public readonly record struct Quantity(int Low, int Best, int High);

/// <summary>
/// A language's event words: triggers (<c>Resources/&lt;lang&gt;/event-triggers.tsv</c>) and, from
/// <c>event-words.tsv</c>, actor roles and their sectors, bodies coded as a whole, modality cues, argument
/// prepositions, light verbs, casualty words and quantities. A language without these files has no events.
/// </summary>
public sealed class EventLexicon
{
    private readonly FrozenDictionary<string, TriggerEntry[]> _triggers;
    private readonly FrozenDictionary<(string Kind, string Word), string> _words;

    // Endings to undo, longest first, each with what may replace it («-» nothing, «=» undouble the stem's last letter).
    private readonly (string Ending, string[] Replacements)[] _inflections;

    private EventLexicon(string language, IEnumerable<string[]> triggers, IEnumerable<string[]> words)
    {
        Language = language;
        _triggers = triggers
            .Select(Parse)
            .GroupBy(t => t.Lemma, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var table = new Dictionary<(string, string), string>();
        var quantities = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        var qualifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        var actors = new Dictionary<string, string>(StringComparer.Ordinal);
        var modeWords = new Dictionary<(string, string), string>();
        foreach (string[] row in words)
        {
            if (row.Length < 3)
            {
                throw new InvalidDataException($"{language}/event-words.tsv: a row needs kind, word and value: {string.Join(' ', row)}");
            }

            switch (row[0])
            {
                case "quantity":
                    int[] n = [.. row[2].Split(' ').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))];
                    quantities[row[1]] = new Quantity(n[0], n[1], n[2]);
                    break;
                case "qualifier":
                    qualifiers[row[1]] = row[2];
                    break;
                case "actor":
                    actors[row[1]] = row[2];
                    break;
                case "mode-word":
                    modeWords[(row[2][..row[2].IndexOf('/', StringComparison.Ordinal)], row[1])] = row[2][(row[2].IndexOf('/', StringComparison.Ordinal) + 1)..];
                    break;
                default:
                    table[(row[0], row[1])] = row[2];
                    break;
            }
        }

        _words = table.ToFrozenDictionary();
        Quantities = quantities.ToFrozenDictionary(StringComparer.Ordinal);
        Qualifiers = qualifiers.ToFrozenDictionary(StringComparer.Ordinal);
        Actors = actors.ToFrozenDictionary(StringComparer.Ordinal);
        ModeWords = modeWords.ToFrozenDictionary();
        LongestPhrase = quantities.Keys.Concat(qualifiers.Keys).Concat(actors.Keys).Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
        _inflections = [.. table.Where(w => w.Key.Item1 == "inflection").OrderByDescending(w => w.Key.Item2.Length).Select(w => (w.Key.Item2, w.Value.Split(' ')))];
        FutureEndings = [.. table.Where(w => w.Key.Item1 == "future").Select(w => w.Key.Item2).OrderByDescending(e => e.Length)];
        ConditionalEndings = [.. table.Where(w => w.Key.Item1 == "conditional").Select(w => w.Key.Item2).OrderByDescending(e => e.Length)];
    }

    public string Language { get; }

    public bool IsEmpty => _triggers.Count == 0;

    /// <summary>Number words and vague quantities as written in lower case.</summary>
    public FrozenDictionary<string, Quantity> Quantities { get; }

    /// <summary>«au moins» → at-least, «près de» → about …</summary>
    public FrozenDictionary<string, string> Qualifiers { get; }

    /// <summary>Bodies coded as a whole: «onu» → IGO/IGO.</summary>
    public FrozenDictionary<string, string> Actors { get; }

    /// <summary>(type, word) → the mode a word in the clause gives an event of that type.</summary>
    public FrozenDictionary<(string Type, string Word), string> ModeWords { get; }

    /// <summary>Words in the longest quantity, qualifier or body name.</summary>
    public int LongestPhrase { get; }

    public IReadOnlyList<string> FutureEndings { get; }

    public IReadOnlyList<string> ConditionalEndings { get; }

    public static EventLexicon For(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        string triggers = language + "/event-triggers.tsv", words = language + "/event-words.tsv";
        return LanguageResources.Exists(triggers) && LanguageResources.Exists(words)
            ? new EventLexicon(language, LanguageResources.ReadRows(triggers), LanguageResources.ReadRows(words))
            : new EventLexicon(language, [], []);
    }

    public IReadOnlyList<TriggerEntry> Triggers(string lemma) => _triggers.TryGetValue(lemma, out TriggerEntry[]? found) ? found : [];

    /// <summary>
    /// The trigger lemmas <paramref name="word"/> may be an inflection of, by the language's endings: the fallback for a
    /// word the lemmatiser got wrong. Empty when the language lists no endings or no stem is a trigger.
    /// </summary>
    public IEnumerable<string> UninflectedTriggers(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        string lower = word.ToLowerInvariant();
        foreach ((string ending, string[] replacements) in _inflections)
        {
            if (lower.Length <= ending.Length + 2 || !lower.EndsWith(ending, StringComparison.Ordinal))
            {
                continue;
            }

            string stem = lower[..^ending.Length];
            foreach (string replacement in replacements)
            {
                string? lemma = replacement switch
                {
                    "-" => stem,
                    "=" => stem.Length > 2 && stem[^1] == stem[^2] ? stem[..^1] : null,
                    _ => stem + replacement,
                };
                if (lemma is not null && _triggers.ContainsKey(lemma))
                {
                    yield return lemma;
                }
            }
        }
    }

    /// <summary>The value of a word of a kind (sector, hedge, plan …), or null.</summary>
    public string? Word(string kind, string word) => _words.GetValueOrDefault((kind, word));

    public bool Is(string kind, string word) => _words.ContainsKey((kind, word));

    private static TriggerEntry Parse(string[] row)
    {
        if (row.Length < 8)
        {
            throw new InvalidDataException($"event-triggers.tsv: a row needs eight columns: {string.Join(' ', row)}");
        }

        TriggerFrame frame = row[5] switch
        {
            "agent" => TriggerFrame.Agent,
            "patient" => TriggerFrame.Patient,
            "mutual" => TriggerFrame.Mutual,
            "self" => TriggerFrame.Self,
            "undergoer" => TriggerFrame.Undergoer,
            _ => throw new InvalidDataException($"event-triggers.tsv: unknown frame '{row[5]}' for '{row[0]}'"),
        };
        if (!EventOntology.Plover.IsType(row[2]) || (row[3] != "-" && !EventOntology.Plover.IsMode(row[2], row[3])))
        {
            throw new InvalidDataException($"event-triggers.tsv: '{row[0]}' has an unknown type or mode {row[2]}/{row[3]}");
        }

        return new TriggerEntry(
            row[0],
            row[1] == "N",
            row[2],
            row[3] == "-" ? null : row[3],
            row[4] == "-" ? null : row[4],
            frame,
            row[6] == "-" ? [] : [.. row[6].Split(';').Select(g => (IReadOnlyList<TriggerCondition>)[.. g.Split('|').Select(Condition)])],
            row[7] == "-" ? [] : [.. row[7].Split('|').Select(Condition)]);
    }

    private static TriggerCondition Condition(string written) => written[0] switch
    {
        '<' => new TriggerCondition(written[1..], ConditionPlace.Before),
        '>' => new TriggerCondition(written[1..], ConditionPlace.Next),
        _ => new TriggerCondition(written, ConditionPlace.Near),
    };
}

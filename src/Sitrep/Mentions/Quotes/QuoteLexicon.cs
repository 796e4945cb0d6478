using System.Collections.Frozen;
using Sitrep.Resources;

namespace Sitrep.Mentions.Quotes;

/// <summary>
/// A language's quotation words: reporting-verb lemmas (<c>Resources/&lt;lang&gt;/reporting-verbs.txt</c>) and, from
/// <c>quote-words.tsv</c>, source phrases («selon», «according to»), the conjunctions that open reported speech and
/// subject pronouns. A language without these files gets an empty lexicon (quote marks alone are still read).
/// </summary>
public sealed class QuoteLexicon
{
    // The first words of two-word stance verbs («call» of «call for»), so a token's next word is read only after them.
    private readonly FrozenSet<string> _stanceHeads;

    private QuoteLexicon(FrozenSet<string> verbs, FrozenDictionary<string, string> words)
    {
        ReportingVerbs = verbs;
        Words = words;
        // In tokens: «d'après» is two («d'», «après»), «according to» two.
        LongestAccording = words.Where(w => w.Value == "according").Select(w => w.Key.Count(c => c is ' ' or '\'' or '’') + 1).DefaultIfEmpty(0).Max();
        _stanceHeads = words.Where(w => w.Value == "stance" && w.Key.Contains(' ', StringComparison.Ordinal))
            .Select(w => w.Key[..w.Key.IndexOf(' ', StringComparison.Ordinal)]).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    public FrozenSet<string> ReportingVerbs { get; }

    /// <summary>Lower-cased word or phrase → according, evidence-phrase, complementizer, infinitive, singular, plural, source, evidence or stance.</summary>
    public FrozenDictionary<string, string> Words { get; }

    public int LongestAccording { get; }

    public static QuoteLexicon For(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        string verbs = language + "/reporting-verbs.txt", words = language + "/quote-words.tsv";
        return new QuoteLexicon(
            LanguageResources.Exists(verbs) ? LanguageResources.ReadLines(verbs).Select(l => l.Trim()).ToFrozenSet(StringComparer.Ordinal) : FrozenSet<string>.Empty,
            LanguageResources.Exists(words) ? LanguageResources.ReadRows(words).ToFrozenDictionary(r => r[0], r => r[1], StringComparer.Ordinal) : FrozenDictionary<string, string>.Empty);
    }

    /// <summary>
    /// The stance verb a lemma starts, with <paramref name="next"/> when the two make one («call for»): 2 words, 1 word
    /// («want»), or 0 when it is none.
    /// </summary>
    public int StanceLength(string lemma, string? next) =>
        next is not null && _stanceHeads.Contains(lemma) && Is(lemma + " " + next, "stance") ? 2 : Is(lemma, "stance") ? 1 : 0;

    public bool Is(string word, string kind) => Words.TryGetValue(word.ToLowerInvariant(), out string? found) && found == kind;
}

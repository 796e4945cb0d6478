using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Resources;

namespace Sitrep.Segmentation;

/// <summary>How an abbreviation's period behaves.</summary>
public enum AbbreviationKind : byte
{
    None,

    /// <summary>A title before a name («M.», «Dr.»): its period never ends a sentence.</summary>
    Title,

    /// <summary>«etc.», «Inc.», «U.S.»: the period stays on the token, and may also end the sentence.</summary>
    General,

    /// <summary>«p.», «art.», «No.»: an abbreviation only before a number («p. 12»); elsewhere a word and a full stop.</summary>
    BeforeNumber,

    /// <summary>«etc.»: closes a list, so a capitalised word after it starts a new sentence.</summary>
    Final,
}

/// <summary>
/// Everything language-specific about segmentation, as data: the tokenizer and sentence splitter are
/// one algorithm and read their French, English or generic behaviour from here. Built once per language
/// from the embedded lists under <c>Resources/&lt;lang&gt;/</c> (see <see cref="Load"/>); immutable and thread-safe.
/// </summary>
public sealed class SegmentationRules
{
    private readonly FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> _abbreviationsExact;
    private readonly FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> _abbreviationsAnyCase;
    private readonly FrozenDictionary<string, ImmutableArray<int>>.AlternateLookup<ReadOnlySpan<char>> _contractions;
    private readonly (int Min, int Max) _contractionLengths;
    private readonly FrozenDictionary<string, ContextualContraction>.AlternateLookup<ReadOnlySpan<char>> _contextualContractions;
    private readonly (int Min, int Max) _contextualLengths;
    private readonly SearchValues<char> _contextualFirstLetters;

    private SegmentationRules(string language, SegmentationOptions options, Lexicons lexicons)
    {
        Language = language;
        Options = options;
        Elisions = new WordSet(lexicons.Elisions, ignoreCase: true);
        HyphenClitics = new WordSet(lexicons.Clitics, ignoreCase: true);
        ContractionSuffixes = new WordSet(lexicons.Suffixes, ignoreCase: true);
        HyphenPrefixes = new WordSet(lexicons.HyphenPrefixes, ignoreCase: true);
        WholeWords = new WordSet(lexicons.WholeWords, ignoreCase: true);
        Units = new WordSet(lexicons.Units, ignoreCase: true);
        SentenceStarters = new WordSet(lexicons.SentenceStarters, ignoreCase: false);
        Emoticons = new WordSet(lexicons.Emoticons, ignoreCase: false);
        HeadingBreaks = new WordSet(lexicons.HeadingBreaks, ignoreCase: false);

        // Entries of two letters or more written in lower case match any case («etc.», «ETC.»); other
        // entries match exactly, so «M.» (monsieur) does not make every «m.» an abbreviation, nor «d.»
        // (died) the initial in «Marlene D. Hilliard».
        var exact = new Dictionary<string, AbbreviationKind>(StringComparer.Ordinal);
        var anyCase = new Dictionary<string, AbbreviationKind>(StringComparer.OrdinalIgnoreCase);
        foreach ((string form, AbbreviationKind kind) in lexicons.Abbreviations)
        {
            if (form.Length > 2 && string.Equals(form, form.ToLowerInvariant(), StringComparison.Ordinal))
            {
                anyCase[form] = kind;
            }
            else
            {
                // «Gen.» also in capitals: «ORAL ARGUMENT OF GEN. PRELOGAR».
                exact[form] = kind;
                if (form.Length > 2)
                {
                    exact.TryAdd(form.ToUpperInvariant(), kind);
                }
            }
        }

        _abbreviationsExact = exact.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _abbreviationsAnyCase = anyCase.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _contractions = lexicons.Contractions.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _contractionLengths = (int.MaxValue, 0);
        foreach (string word in lexicons.Contractions.Keys)
        {
            _contractionLengths = (Math.Min(_contractionLengths.Min, word.Length), Math.Max(_contractionLengths.Max, word.Length));
        }

        _contextualContractions = lexicons.ContextualContractions.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _contextualLengths = (int.MaxValue, 0);
        var firstLetters = new HashSet<char>();
        foreach (string word in lexicons.ContextualContractions.Keys)
        {
            _contextualLengths = (Math.Min(_contextualLengths.Min, word.Length), Math.Max(_contextualLengths.Max, word.Length));
            firstLetters.Add(word[0]);
        }

        _contextualFirstLetters = SearchValues.Create([.. firstLetters.Order()]);

        PluralFollowers = new WordSet(lexicons.PluralFollowers, ignoreCase: true);
    }

    /// <summary>The language these rules are for ("fr", "en", or "und" for the generic rules).</summary>
    public string Language { get; }

    public SegmentationOptions Options { get; }

    /// <summary>Elided words written before an apostrophe and split after it: «l'» «qu'» «jusqu'».</summary>
    internal WordSet Elisions { get; }

    /// <summary>Pronouns attached by a hyphen and split off with it: «dit-il» → «dit» «-il»; also «t-il».</summary>
    internal WordSet HyphenClitics { get; }

    /// <summary>Clitics written after an apostrophe, split with it: «'s», «'ll», and «n't» (split before the n).</summary>
    internal WordSet ContractionSuffixes { get; }

    /// <summary>When hyphenated words are split, the prefixes that keep theirs: «e-mail», «non-profit».</summary>
    internal WordSet HyphenPrefixes { get; }

    /// <summary>Tokens kept whole although the rules would split them: «aujourd'hui», «rendez-vous».</summary>
    internal WordSet WholeWords { get; }

    /// <summary>Units split from a number written against them: «160km» → «160» «km», «14h30» → «14» «h» «30».</summary>
    internal WordSet Units { get; }

    /// <summary>Capitalised words that usually begin a sentence («Le», «The»): after «etc.» or an initial they mean a new sentence.</summary>
    internal WordSet SentenceStarters { get; }

    /// <summary>Emoticons kept as one token: «:)», «:-(».</summary>
    internal WordSet Emoticons { get; }

    /// <summary>
    /// Capitalised words that begin a new sentence after a word in lower case even with no punctuation
    /// between them: what came before was a heading or a caption («Effets indésirables Il a été rapporté …»).
    /// </summary>
    internal WordSet HeadingBreaks { get; }

    /// <summary>
    /// Words after which a word ending in «'s» is a plural written with an apostrophe, kept whole as UD
    /// English does («the DM's are welcome», «CD's and DVD's»): neither a possessive nor «is» can stand before them.
    /// </summary>
    internal WordSet PluralFollowers { get; }

    /// <summary>Generic rules for any language without its own (no elision, clitic or contraction handling).</summary>
    public static SegmentationRules Generic { get; } = Load(LanguageCodes.Undetermined, new SegmentationOptions { AttachSigns = true }, ["und"]);

    /// <summary>
    /// Builds rules from the embedded resource directories given, in order (later ones add to earlier
    /// ones): abbreviations.tsv, elisions.txt, clitics.txt, suffixes.txt, hyphen-prefixes.txt, words.txt,
    /// contractions.tsv, contextual-contractions.tsv, plural-followers.txt, units.txt, sentence-starters.txt,
    /// heading-breaks.txt, emoticons.txt. A missing file is an empty list.
    /// </summary>
    public static SegmentationRules Load(string language, SegmentationOptions options, IReadOnlyList<string> resourceDirectories)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(resourceDirectories);
        var lexicons = new Lexicons();
        foreach (string dir in resourceDirectories)
        {
            lexicons.Read(dir);
        }

        return new SegmentationRules(language, options, lexicons);
    }

    /// <summary>The kind of an abbreviation written with its final period («etc.»), or None.</summary>
    internal AbbreviationKind AbbreviationKindOf(ReadOnlySpan<char> withPeriod) =>
        _abbreviationsExact.TryGetValue(withPeriod, out AbbreviationKind kind) ? kind
        : _abbreviationsAnyCase.TryGetValue(withPeriod, out kind) ? kind
        : AbbreviationKind.None;

    /// <summary>The lengths of the pieces a word written as one is split into («cannot» → 3, 3), or default.</summary>
    internal ImmutableArray<int> ContractionPieces(ReadOnlySpan<char> word) =>
        word.Length >= _contractionLengths.Min && word.Length <= _contractionLengths.Max
        && _contractions.TryGetValue(word, out ImmutableArray<int> pieces) ? pieces : default;

    /// <summary>
    /// The pieces of a word that is a contraction written without its apostrophe only in some contexts
    /// («its a» → «it» «s» «a», but «its own» stays whole), given the words after it; or default.
    /// </summary>
    internal ImmutableArray<int> ContextualContractionPieces(ReadOnlySpan<char> word, ReadOnlySpan<char> next, ReadOnlySpan<char> afterNext)
    {
        if (!_contextualContractions.TryGetValue(word, out ContextualContraction? contraction) || next.IsEmpty)
        {
            return default;
        }

        if ((contraction.AnyLowerCaseWord && char.IsLower(next[0]))
            || contraction.Followers.Contains(next)
            || (contraction.TwoWordFollowers.TryGetValue(next, out string? second)
                && afterNext.Equals(second, StringComparison.OrdinalIgnoreCase)))
        {
            return contraction.Pieces;
        }

        return default;
    }

    /// <summary>Whether <paramref name="word"/> is a contextual contraction (tested before looking at the words after it).</summary>
    internal bool IsContextualContraction(ReadOnlySpan<char> word) =>
        word.Length >= _contextualLengths.Min && word.Length <= _contextualLengths.Max && _contextualFirstLetters.Contains(word[0])
        && _contextualContractions.ContainsKey(word);

    private static ImmutableArray<int> PieceLengths(string[] pieces)
    {
        var lengths = ImmutableArray.CreateBuilder<int>(pieces.Length);
        foreach (string piece in pieces)
        {
            lengths.Add(piece.Length);
        }

        return lengths.MoveToImmutable();
    }

    /// <summary>One row of contextual-contractions.tsv: the pieces and the words that must follow.</summary>
    private sealed record ContextualContraction(ImmutableArray<int> Pieces, WordSet Followers, FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> TwoWordFollowers, bool AnyLowerCaseWord);

    private sealed class Lexicons
    {
        public List<(string Form, AbbreviationKind Kind)> Abbreviations { get; } = [];

        public List<string> Elisions { get; } = [];

        public List<string> Clitics { get; } = [];

        public List<string> Suffixes { get; } = [];

        public List<string> HyphenPrefixes { get; } = [];

        public List<string> WholeWords { get; } = [];

        public List<string> Units { get; } = [];

        public List<string> SentenceStarters { get; } = [];

        public List<string> Emoticons { get; } = [];

        public List<string> HeadingBreaks { get; } = [];

        public Dictionary<string, ImmutableArray<int>> Contractions { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, ContextualContraction> ContextualContractions { get; } = new(StringComparer.Ordinal);

        public List<string> PluralFollowers { get; } = [];

        public void Read(string dir)
        {
            foreach (string[] row in Rows(dir, "abbreviations.tsv"))
            {
                AbbreviationKind kind = row.Length < 2 ? AbbreviationKind.General : row[1] switch
                {
                    "title" => AbbreviationKind.Title,
                    "general" => AbbreviationKind.General,
                    "number" => AbbreviationKind.BeforeNumber,
                    "final" => AbbreviationKind.Final,
                    _ => throw new FormatException($"{dir}/abbreviations.tsv: unknown kind '{row[1]}' for '{row[0]}' (title, general, final or number)"),
                };
                Abbreviations.Add((row[0], kind));
            }

            Elisions.AddRange(Lines(dir, "elisions.txt"));
            Clitics.AddRange(Lines(dir, "clitics.txt"));
            Suffixes.AddRange(Lines(dir, "suffixes.txt"));
            HyphenPrefixes.AddRange(Lines(dir, "hyphen-prefixes.txt"));
            WholeWords.AddRange(Lines(dir, "words.txt"));
            Units.AddRange(Lines(dir, "units.txt"));
            SentenceStarters.AddRange(Lines(dir, "sentence-starters.txt"));
            Emoticons.AddRange(Lines(dir, "emoticons.txt"));
            HeadingBreaks.AddRange(Lines(dir, "heading-breaks.txt"));

            foreach (string[] row in Rows(dir, "contractions.tsv"))
            {
                // "cannot<TAB>can not": the pieces, separated by spaces, must spell the word.
                string[] pieces = row.Length < 2 ? [] : row[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (!string.Equals(string.Concat(pieces), row[0], StringComparison.OrdinalIgnoreCase))
                {
                    throw new FormatException($"{dir}/contractions.tsv: the pieces of '{row[0]}' do not spell it");
                }

                Contractions[row[0]] = PieceLengths(pieces);
            }

            foreach (string[] row in Rows(dir, "contextual-contractions.tsv"))
            {
                // "its<TAB>it s<TAB>a an the not kind_of": the word (matched exactly), its pieces, the words after
                // it that make it a contraction; «kind_of» is two words, «*» any word in lower case.
                string[] pieces = row.Length < 3 ? [] : row[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (!string.Equals(string.Concat(pieces), row[0], StringComparison.Ordinal))
                {
                    throw new FormatException($"{dir}/contextual-contractions.tsv: the pieces of '{row[0]}' do not spell it, or its followers are missing");
                }

                var single = new List<string>();
                var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                bool any = false;
                foreach (string follower in row[2].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    int underscore = follower.IndexOf('_', StringComparison.Ordinal);
                    if (follower == "*")
                    {
                        any = true;
                    }
                    else if (underscore > 0)
                    {
                        pairs[follower[..underscore]] = follower[(underscore + 1)..];
                    }
                    else
                    {
                        single.Add(follower);
                    }
                }

                ContextualContractions[row[0]] = new ContextualContraction(
                    PieceLengths(pieces), new WordSet(single, ignoreCase: true), pairs.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(), any);
            }

            PluralFollowers.AddRange(Lines(dir, "plural-followers.txt"));
        }

        private static IEnumerable<string> Lines(string dir, string file)
        {
            string path = $"{dir}/{file}";
            return LanguageResources.Exists(path) ? LanguageResources.ReadLines(path) : [];
        }

        private static IEnumerable<string[]> Rows(string dir, string file)
        {
            string path = $"{dir}/{file}";
            return LanguageResources.Exists(path) ? LanguageResources.ReadRows(path) : [];
        }
    }
}

/// <summary>The switches of a language's segmentation (its word lists are resources).</summary>
public sealed record SegmentationOptions
{
    /// <summary>
    /// Split hyphenated words at their hyphens («well-known» → «well» «-» «known»), as English UD does,
    /// except after <see cref="SegmentationRules.HyphenPrefixes"/> and between digits («303-832-8160»).
    /// French keeps compounds whole («arrière-grand-mère») and only splits clitic pronouns off.
    /// </summary>
    public bool SplitHyphenatedWords { get; init; }

    /// <summary>Join groups of three digits separated by a space into one number («10 000», «1 250 000»).</summary>
    public bool GroupDigitsWithSpaces { get; init; }

    /// <summary>A sign before a number is part of it («-0,8», «+14»), as in UD French; English UD splits it off.</summary>
    public bool AttachSigns { get; init; }

    /// <summary>
    /// Split a hyphen between two numbers when they make a range («13-17» → «13» «-» «17»), as English UD does,
    /// while keeping identifiers whole (phone numbers «713-664-7478», «853-3242», ISO dates «2005-03-09»).
    /// </summary>
    public bool SplitNumberRanges { get; init; }

    /// <summary>
    /// A semicolon ends a sentence, as in UD French (Sequoia, GSD), where clauses joined by «;» are annotated
    /// as separate sentences; UD English keeps them together.
    /// </summary>
    public bool SemicolonEndsSentence { get; init; }
}

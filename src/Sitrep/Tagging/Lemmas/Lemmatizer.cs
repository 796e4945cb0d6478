using System.Collections.Concurrent;
using System.Reflection;

namespace Sitrep.Tagging.Lemmas;

/// <summary>Where a lemma came from; the evaluation splits its scores by it (known vs unknown forms).</summary>
public enum LemmaSource : byte
{
    /// <summary>The (form, UPOS) pair is in the lexicon as written.</summary>
    Lexicon = 0,

    /// <summary>The pair is in the lexicon once lower-cased («Cette» from «cette»); the case mode gave the case.</summary>
    LexiconIgnoringCase = 1,

    /// <summary>No letter in the form (numbers, punctuation): the lemma is the form.</summary>
    NoLetters = 2,

    /// <summary>An unseen form: the suffix tree's edit script for its UPOS.</summary>
    Suffix = 3,

    /// <summary>A UPOS the model never saw: the most frequent lemma of the form under any UPOS, or the form.</summary>
    FormOnly = 4,
}

/// <summary>
/// Maps a word form and its part of speech (UPOS) to a lemma, from a model trained on Universal Dependencies
/// lemmas (<see cref="LemmatizerTrainer"/>): first a lexicon of the training words, then, for an unseen
/// form, the edit script its suffixes vote for among the words of that UPOS («sanctionnées» VERB → strip 3, add «r»).
/// Thread-safe and allocation-free for words in the lexicon.
/// </summary>
/// <remarks>
/// French contracted articles are single tokens in Sitrep («du», «au», «aux», «des»), while UD splits them
/// into two words (de + le). Tagged ADP, the lemma is the preposition: «du» → «de», «au» → «à»; «des» tagged
/// DET is the indefinite article (→ «un»), as in UD. «duquel», «auxquels» tagged PRON give «lequel». «du»
/// tagged DET gives «du»: the few partitives the treebanks keep as one DET word are lemmatized so.
/// </remarks>
public sealed class Lemmatizer
{
    private const int StackLimit = 128;
    private static readonly ConcurrentDictionary<string, Lemmatizer?> Cache = new(StringComparer.Ordinal);

    private readonly Dictionary<string, UposTable> _tables;
    private readonly LemmaEditScript[] _scripts;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _formOnly;

    public Lemmatizer(LemmaModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _tables = new Dictionary<string, UposTable>(StringComparer.Ordinal);
        foreach (LemmaCaseEntry entry in model.Cases)
        {
            Table(entry.Upos).Cases[(int)entry.Shape] = entry.Case;
        }

        // Word lines first, then the surface forms of multiword tokens where no word line had that pair.
        var exactCounts = new Dictionary<(string Form, string Upos), (string Lemma, int Count, bool Surface)>();
        var lowerCounts = new Dictionary<(string Form, string Upos, string Lemma), int>();
        var formOnlyCounts = new Dictionary<(string Form, string Lemma), int>();
        foreach (LemmaLexiconEntry entry in model.Lexicon)
        {
            Keep(exactCounts, (entry.Form, entry.Upos), (entry.Lemma, entry.Count, entry.Surface));
            if (!entry.Surface)
            {
                var lowerKey = (entry.Form.ToLowerInvariant(), entry.Upos, entry.Lemma.ToLowerInvariant());
                lowerCounts[lowerKey] = lowerCounts.GetValueOrDefault(lowerKey) + entry.Count;
                formOnlyCounts[(lowerKey.Item1, entry.Lemma)] = formOnlyCounts.GetValueOrDefault((lowerKey.Item1, entry.Lemma)) + entry.Count;
            }
        }

        foreach (((string form, string upos), (string lemma, _, _)) in exactCounts)
        {
            Table(upos).Exact[form] = lemma;
        }

        var lowerBest = new Dictionary<(string Form, string Upos), (string Lemma, int Count, bool Surface)>();
        foreach (((string form, string upos, string lemma), int count) in lowerCounts)
        {
            Keep(lowerBest, (form, upos), (lemma, count, false));
        }

        foreach (((string form, string upos), (string lemma, _, _)) in lowerBest)
        {
            Table(upos).Lower[form] = lemma;
        }

        var formOnlyBest = new Dictionary<(string Form, string Upos), (string Lemma, int Count, bool Surface)>();
        foreach (((string form, string lemma), int count) in formOnlyCounts)
        {
            Keep(formOnlyBest, (form, ""), (lemma, count, false));
        }

        var formOnly = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (((string form, _), (string lemma, _, _)) in formOnlyBest)
        {
            formOnly[form] = lemma;
        }

        _formOnly = formOnly.GetAlternateLookup<ReadOnlySpan<char>>();
        var scriptIds = new Dictionary<LemmaEditScript, int>();
        var scripts = new List<LemmaEditScript>();
        var nodes = new Dictionary<(string Upos, string Suffix), List<(int Script, int Count)>>();
        foreach (LemmaSuffixEntry entry in model.Suffixes)
        {
            if (!scriptIds.TryGetValue(entry.Script, out int id))
            {
                id = scripts.Count;
                scriptIds[entry.Script] = id;
                scripts.Add(entry.Script);
            }

            if (!nodes.TryGetValue((entry.Upos, entry.Suffix), out var node))
            {
                node = [];
                nodes[(entry.Upos, entry.Suffix)] = node;
            }

            node.Add((id, entry.Count));
        }

        _scripts = [.. scripts];
        foreach (((string upos, string suffix), List<(int Script, int Count)> node) in nodes)
        {
            Table(upos).Suffixes[suffix] = new SuffixNode([.. node.Select(n => n.Script)], [.. node.Select(n => n.Count)], node.Sum(n => n.Count));
        }

        foreach (UposTable table in _tables.Values)
        {
            table.Freeze(model.MaxSuffixLength);
        }

        static void Keep(
            Dictionary<(string, string), (string Lemma, int Count, bool Surface)> best,
            (string, string) key,
            (string Lemma, int Count, bool Surface) candidate)
        {
            // Word lines beat multiword surfaces, then the larger count, then the ordinally smaller lemma:
            // the choice never depends on the order of the model's lines.
            if (!best.TryGetValue(key, out var current)
                || (current.Surface && !candidate.Surface)
                || (current.Surface == candidate.Surface && (candidate.Count > current.Count
                    || (candidate.Count == current.Count && string.CompareOrdinal(candidate.Lemma, current.Lemma) < 0))))
            {
                best[key] = candidate;
            }
        }
    }

    public LemmaModel Model { get; }

    public string Language => Model.Language;

    /// <summary>The lemmatizer of a language («fr», «en») from the model embedded in Sitrep, loaded once; null when there is none.</summary>
    public static Lemmatizer? For(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return Cache.GetOrAdd(language.ToLowerInvariant(), LoadEmbedded);
    }

    public static Lemmatizer LoadFile(string path) => new(LemmaModel.LoadFile(path));

    /// <summary>The lemma of <paramref name="form"/> tagged <paramref name="upos"/> (a UD tag: NOUN, VERB, ADP…).</summary>
    public string Lemmatize(ReadOnlySpan<char> form, string upos) => Lemmatize(form, upos, out _);

    /// <summary>As <see cref="Lemmatize(ReadOnlySpan{char}, string)"/>, also saying which part of the model answered.</summary>
    public string Lemmatize(ReadOnlySpan<char> form, string upos, out LemmaSource source)
    {
        ArgumentNullException.ThrowIfNull(upos);
        if (form.IsEmpty)
        {
            source = LemmaSource.NoLetters;
            return "";
        }

        Span<char> buffer = form.Length <= StackLimit ? stackalloc char[2 * form.Length] : new char[2 * form.Length];

        // Sitrep's normaliser already turns ’ into '; a caller that skipped it gets the same lemma.
        Span<char> normalized = buffer[..form.Length];
        form.CopyTo(normalized);
        normalized.Replace('\u2019', '\'');
        Span<char> lower = buffer[form.Length..];
        normalized.ToLowerInvariant(lower);
        ReadOnlySpan<char> written = normalized;

        if (!_tables.TryGetValue(upos, out UposTable? table))
        {
            source = LemmaSource.FormOnly;
            return _formOnly.TryGetValue(lower, out string? any) ? any : written.ToString();
        }

        if (table.ExactLookup.TryGetValue(written, out string? lemma))
        {
            source = LemmaSource.Lexicon;
            return lemma;
        }

        LemmaShape shape = LemmaCasing.ShapeOf(written);
        LemmaCase mode = table.Cases[(int)shape];
        if (table.LowerLookup.TryGetValue(lower, out string? lowerLemma))
        {
            source = LemmaSource.LexiconIgnoringCase;
            return mode == LemmaCase.Lower ? lowerLemma : WithCase(mode, written, shape, lowerLemma);
        }

        if (shape == LemmaShape.NoLetters)
        {
            source = LemmaSource.NoLetters;
            return written.ToString();
        }

        source = LemmaSource.Suffix;
        LemmaEditScript script = ScriptFor(table, lower);
        int length = script.ResultLength(lower.Length);
        Span<char> edited = length <= StackLimit ? stackalloc char[length] : new char[length];
        script.Apply(lower, edited);
        return WithCase(mode, written, shape, edited);
    }

    /// <summary>
    /// The edit script for an unseen form. Every known suffix of the form (1 to <see cref="LemmaModel.MaxSuffixLength"/>
    /// chars) votes for its scripts in proportion to their share of the node, weighted by k² · ln(1 + types): longer
    /// suffixes are more telling, well-attested ones more reliable. Taking the longest suffix alone sends
    /// «bombardaient» to «bombardre» (after «perdaient», «mordaient») and «twittait» to «twittre» (after
    /// «battait», «permettait»); the vote keeps them first-group verbs. Ties go to the smaller strip, then ordinally.
    /// </summary>
    private LemmaEditScript ScriptFor(UposTable table, ReadOnlySpan<char> lower)
    {
        const int MaxCandidates = 128;
        Span<int> ids = stackalloc int[MaxCandidates];
        Span<double> scores = stackalloc double[MaxCandidates];
        int candidates = 0;
        for (int k = Math.Min(table.MaxSuffixLength, lower.Length); k >= 1; k--)
        {
            if (!table.SuffixLookup.TryGetValue(lower[(lower.Length - k)..], out SuffixNode? node))
            {
                continue;
            }

            double weight = k * k * Math.Log(1 + node.Total) / node.Total;
            for (int i = 0; i < node.Scripts.Length; i++)
            {
                int id = node.Scripts[i];
                if (!_scripts[id].AppliesTo(lower.Length))
                {
                    continue;
                }

                int slot = ids[..candidates].IndexOf(id);
                if (slot < 0)
                {
                    if (candidates == MaxCandidates)
                    {
                        continue;
                    }

                    slot = candidates++;
                    ids[slot] = id;
                    scores[slot] = 0;
                }

                scores[slot] += weight * node.Counts[i];
            }
        }

        int best = -1;
        for (int c = 0; c < candidates; c++)
        {
            if (best < 0 || scores[c] > scores[best] || (scores[c] == scores[best] && Before(_scripts[ids[c]], _scripts[ids[best]])))
            {
                best = c;
            }
        }

        return best < 0 ? LemmaEditScript.Identity : _scripts[ids[best]];

        static bool Before(LemmaEditScript a, LemmaEditScript b) =>
            a.Strip < b.Strip || (a.Strip == b.Strip && string.CompareOrdinal(a.Append, b.Append) < 0);
    }

    private static string WithCase(LemmaCase mode, ReadOnlySpan<char> form, LemmaShape shape, ReadOnlySpan<char> lemma)
    {
        Span<char> cased = lemma.Length <= StackLimit ? stackalloc char[lemma.Length] : new char[lemma.Length];
        LemmaCasing.Apply(mode, form, shape, lemma, cased);
        return cased.ToString();
    }

    private static Lemmatizer? LoadEmbedded(string language)
    {
        string name = $"Sitrep.Models.lemma-{language}.tsv.gz";
        using Stream? stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name);
        return stream is null ? null : new Lemmatizer(LemmaModel.Load(stream));
    }

    private UposTable Table(string upos)
    {
        if (!_tables.TryGetValue(upos, out UposTable? table))
        {
            table = new UposTable(upos == "PROPN" ? LemmaCase.Form : LemmaCase.Lower);
            _tables[upos] = table;
        }

        return table;
    }

    /// <summary>Everything the model knows about one UPOS.</summary>
    private sealed class UposTable
    {
        public UposTable(LemmaCase defaultCase) => Array.Fill(Cases, defaultCase);

        public LemmaCase[] Cases { get; } = new LemmaCase[LemmaCasing.ShapeCount];

        public Dictionary<string, string> Exact { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Lower { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, SuffixNode> Suffixes { get; } = new(StringComparer.Ordinal);

        public int MaxSuffixLength { get; private set; }

        public Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ExactLookup { get; private set; }

        public Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> LowerLookup { get; private set; }

        public Dictionary<string, SuffixNode>.AlternateLookup<ReadOnlySpan<char>> SuffixLookup { get; private set; }

        public void Freeze(int maxSuffixLength)
        {
            MaxSuffixLength = maxSuffixLength;
            ExactLookup = Exact.GetAlternateLookup<ReadOnlySpan<char>>();
            LowerLookup = Lower.GetAlternateLookup<ReadOnlySpan<char>>();
            SuffixLookup = Suffixes.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    /// <summary>The scripts (ids into the script table) of one (UPOS, suffix) node, with their type counts.</summary>
    private sealed record SuffixNode(int[] Scripts, int[] Counts, int Total);
}

using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Sitrep.Documents.LanguageIdentification;

namespace Sitrep.Documents;

/// <summary>Decision thresholds of <see cref="NgramLanguageIdentifier"/> (not learned: they say how sure is sure).</summary>
public sealed record NgramLanguageIdentifierOptions
{
    /// <summary>
    /// Characters of the text examined: the start of an article tells its language as well as the whole,
    /// and capping keeps identification far cheaper than segmentation.
    /// </summary>
    public int MaxSampleChars { get; init; } = 2048;

    /// <summary>Fewer letters than this (in the dominant script) give "und": «Paris», «OK merci», «2022-05-14».</summary>
    public int MinLetters { get; init; } = 12;

    /// <summary>Below this posterior probability the answer is "und".</summary>
    public double MinConfidence { get; init; } = 0.5;

    /// <summary>
    /// Divides the naive Bayes log odds before the softmax. Overlapping n-grams are far from independent
    /// (each letter sits in up to five of them), so raw posteriors would be 1.0 for nearly every text.
    /// </summary>
    public double Temperature { get; init; } = 5;
}

/// <summary>How one class of the model fits a text (see <see cref="NgramLanguageIdentifier.Rank"/>).</summary>
/// <param name="Code">The class's language code.</param>
/// <param name="Role">Answered language or decoy.</param>
/// <param name="Posterior">Probability among the classes of the text's script.</param>
/// <param name="LogLikelihood">Log likelihood in nats, relative to the best class (0 for it, negative for the others).</param>
/// <param name="KnownWordRate">Share of the text's lower-case words on the class's word list; NaN when it has none.</param>
public readonly record struct LanguageClassScore(string Code, LanguageClassRole Role, double Posterior, double LogLikelihood, double KnownWordRate);

/// <summary>
/// Character n-gram language identifier (model trained by <c>sitrep train langid</c>, shipped as
/// <c>models/langid.bin.gz</c>). It looks at the first <see cref="NgramLanguageIdentifierOptions.MaxSampleChars"/>
/// characters, decides the dominant script, scores the words of that script against every class of the
/// model with naive Bayes, and answers the best class unless it is a decoy, too uncertain, or (for French
/// and English, which have real vocabularies) made mostly of unknown words. Thread-safe and allocation-free.
/// </summary>
public sealed class NgramLanguageIdentifier : ILanguageIdentifier
{
    public const string ModelResourceName = "Sitrep.Models.langid.bin.gz";

    /// <summary>Fewer lower-case words than this are too few to check against a known-word list.</summary>
    private const int MinLowerWords = 3;

    private static readonly Lazy<NgramLanguageIdentifier> DefaultInstance = new(LoadDefault);

    private readonly LanguageProfileModel _model;
    private readonly NgramLanguageIdentifierOptions _options;
    private readonly int _classes;

    /// <summary>Classes that carry a known-word list (French and English).</summary>
    private readonly int[] _listed;

    private readonly KnownWordTable _knownWords;

    public NgramLanguageIdentifier(LanguageProfileModel model, NgramLanguageIdentifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _options = options ?? new NgramLanguageIdentifierOptions();
        _classes = model.Classes.Length;
        _listed = [.. Enumerable.Range(0, Math.Min(_classes, 32)).Where(c => !model.Classes[c].KnownWords.IsEmpty)];
        _knownWords = new KnownWordTable(model.Classes);
    }

    /// <summary>The identifier with the model embedded in the Sitrep assembly.</summary>
    public static NgramLanguageIdentifier Default => DefaultInstance.Value;

    public LanguageProfileModel Model => _model;

    public NgramLanguageIdentifierOptions Options => _options;

    public static NgramLanguageIdentifier LoadFile(string path, NgramLanguageIdentifierOptions? options = null) =>
        new(LanguageProfileModel.LoadFile(path), options);

    public LanguageGuess Identify(ReadOnlySpan<char> text)
    {
        Span<double> posterior = stackalloc double[_classes];
        Span<int> known = stackalloc int[_classes];
        Evidence evidence = Analyze(text, posterior, known);
        if (evidence.Best < 0)
        {
            return new LanguageGuess(LanguageCodes.Undetermined, 0);
        }

        int best = evidence.Best;
        double confidence = posterior[best];
        return _model.Classes[best].Role == LanguageClassRole.Language && confidence >= _options.MinConfidence
                && KnowsEnoughWords(best, evidence, known)
            ? new LanguageGuess(_model.Classes[best].Code, confidence)
            : new LanguageGuess(LanguageCodes.Undetermined, 0);
    }

    public double Score(ReadOnlySpan<char> text, string language)
    {
        int index = _model.IndexOf(language);
        if (index < 0 || _model.Classes[index].Role != LanguageClassRole.Language)
        {
            return 0;
        }

        Span<double> posterior = stackalloc double[_classes];
        Span<int> known = stackalloc int[_classes];
        Evidence evidence = Analyze(text, posterior, known);
        return evidence.Best >= 0 && KnowsEnoughWords(index, evidence, known) ? posterior[index] : 0;
    }

    /// <summary>
    /// Every class of the text's dominant script, best first, with its posterior and its log likelihood in
    /// nats relative to the best (0 for the best): for diagnostics, not for the hot path.
    /// </summary>
    public ImmutableArray<LanguageClassScore> Rank(ReadOnlySpan<char> text)
    {
        Span<double> posterior = stackalloc double[_classes];
        Span<int> known = stackalloc int[_classes];
        Evidence evidence = Analyze(text, posterior, known);
        if (evidence.Best < 0)
        {
            return [];
        }

        var ranked = new List<LanguageClassScore>();
        for (int c = 0; c < _classes; c++)
        {
            LanguageProfileClass cls = _model.Classes[c];
            if (posterior[c] > 0)
            {
                double knownRate = cls.KnownWords.IsEmpty || evidence.LowerWords == 0 ? double.NaN : (double)known[c] / evidence.LowerWords;
                ranked.Add(new LanguageClassScore(cls.Code, cls.Role, posterior[c], Math.Log(posterior[c] / posterior[evidence.Best]) * _options.Temperature, knownRate));
            }
        }

        return [.. ranked.OrderByDescending(r => r.Posterior).ThenBy(r => r.Code, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Scores the sample. Fills <paramref name="posterior"/> for the classes of the dominant script (0 for the
    /// others) and <paramref name="known"/> with, per class that has a word list, how many words of the
    /// sample are on it. Returns the best class, or -1 when the text is too short or in a script the model lacks.
    /// </summary>
    private Evidence Analyze(ReadOnlySpan<char> text, Span<double> posterior, Span<int> known)
    {
        posterior.Clear();
        known.Clear();
        if (text.Length > _options.MaxSampleChars)
        {
            text = text[.._options.MaxSampleChars];
        }

        int classes = _classes;
        Span<int> latinScores = stackalloc int[_model.RowStride];
        Span<int> cyrillicScores = stackalloc int[_model.RowStride];
        Span<int> features = stackalloc int[NgramFeatures.MaxFeaturesPerWord(_model.MaxOrder)];
        Span<char> buffer = stackalloc char[NgramFeatures.MaxWordChars];
        latinScores.Clear();
        cyrillicScores.Clear();
        int latinLetters = 0, cyrillicLetters = 0, otherLetters = 0, latinLowerWords = 0, cyrillicLowerWords = 0;
        var reader = new WordReader(text, buffer);
        while (reader.MoveNext())
        {
            latinLetters += reader.LatinLetters;
            cyrillicLetters += reader.CyrillicLetters;
            otherLetters += reader.OtherLetters;
            // Words mixing scripts («Kiev-Київ» written without a space) and words of other scripts are not scored.
            scoped Span<int> scores;
            if (reader.Script == WritingScript.Latin)
            {
                scores = latinScores;
                latinLowerWords += reader.IsCapitalized ? 0 : 1;
            }
            else if (reader.Script == WritingScript.Cyrillic)
            {
                scores = cyrillicScores;
                cyrillicLowerWords += reader.IsCapitalized ? 0 : 1;
            }
            else
            {
                continue;
            }

            if (_listed.Length > 0 && !reader.IsCapitalized)
            {
                uint knowing = _knownWords.ClassesKnowing(NgramFeatures.WordHash(reader.Current));
                foreach (int c in _listed)
                {
                    known[c] += (int)((knowing >> c) & 1);
                }
            }

            int n = NgramFeatures.Buckets(reader.Current, _model.MaxOrder, _model.BucketBits, features);
            AddRows(features[..n], scores);
        }

        WritingScript dominant = latinLetters >= cyrillicLetters ? WritingScript.Latin : WritingScript.Cyrillic;
        int dominantLetters = Math.Max(latinLetters, cyrillicLetters);
        if (otherLetters >= dominantLetters || dominantLetters < _options.MinLetters)
        {
            return Evidence.None;
        }

        Span<int> dominantScores = dominant == WritingScript.Latin ? latinScores : cyrillicScores;
        int best = -1;
        for (int c = 0; c < classes; c++)
        {
            if (_model.Classes[c].Script == dominant && (best < 0 || dominantScores[c] > dominantScores[best]))
            {
                best = c;
            }
        }

        if (best < 0)
        {
            return Evidence.None;
        }

        // Scores are sums of quantised bytes; LogStep turns a difference of sums back into nats.
        double scale = _model.LogStep / _options.Temperature;
        double sum = 0;
        for (int c = 0; c < classes; c++)
        {
            if (_model.Classes[c].Script == dominant)
            {
                posterior[c] = Math.Exp((dominantScores[c] - dominantScores[best]) * scale);
                sum += posterior[c];
            }
        }

        for (int c = 0; c < classes; c++)
        {
            posterior[c] /= sum;
        }

        return new Evidence(best, dominant == WritingScript.Latin ? latinLowerWords : cyrillicLowerWords);
    }

    /// <summary>Adds the row of each bucket to the scores (one 256-bit load per row when there are at most 32 classes).</summary>
    private void AddRows(ReadOnlySpan<int> buckets, Span<int> scores)
    {
        byte[] rows = _model.Rows;
        int stride = _model.RowStride;
        if (stride != Vector256<byte>.Count || scores.Length < stride)
        {
            foreach (int bucket in buckets)
            {
                ReadOnlySpan<byte> row = rows.AsSpan(bucket * stride, _classes);
                for (int c = 0; c < row.Length; c++)
                {
                    scores[c] += row[c];
                }
            }

            return;
        }

        // 16-bit lanes cannot overflow: a word gives at most MaxFeaturesPerWord (130) rows of bytes ≤ 255.
        Debug.Assert(buckets.Length * byte.MaxValue <= ushort.MaxValue, "a word's features overflow 16-bit sums");
        ref byte start = ref MemoryMarshal.GetArrayDataReference(rows);
        Vector256<ushort> low = Vector256<ushort>.Zero, high = Vector256<ushort>.Zero;
        foreach (int bucket in buckets)
        {
            (Vector256<ushort> l, Vector256<ushort> h) = Vector256.Widen(Vector256.LoadUnsafe(ref start, (nuint)bucket * (nuint)Vector256<byte>.Count));
            low += l;
            high += h;
        }

        ref int sum = ref MemoryMarshal.GetReference(scores);
        (Vector256<uint> a, Vector256<uint> b) = Vector256.Widen(low);
        (Vector256<uint> c2, Vector256<uint> d) = Vector256.Widen(high);
        int lanes = Vector256<int>.Count;
        (Vector256.LoadUnsafe(ref sum) + a.AsInt32()).StoreUnsafe(ref sum);
        (Vector256.LoadUnsafe(ref sum, (nuint)lanes) + b.AsInt32()).StoreUnsafe(ref sum, (nuint)lanes);
        (Vector256.LoadUnsafe(ref sum, (nuint)(2 * lanes)) + c2.AsInt32()).StoreUnsafe(ref sum, (nuint)(2 * lanes));
        (Vector256.LoadUnsafe(ref sum, (nuint)(3 * lanes)) + d.AsInt32()).StoreUnsafe(ref sum, (nuint)(3 * lanes));
    }

    /// <summary>
    /// True when the class has no word list, or enough of the sample's lower-case words are on it. Handles
    /// Portuguese («o governo anunciou novas medidas»), whose n-grams are closer to French than to any other
    /// class trained here but whose words are not French. Capitalised words are mostly names and say little
    /// («composé de Phil Hartley, Mike Bryson et Tristan King» is French); a text with fewer than
    /// <see cref="MinLowerWords"/> lower-case words (a list of names, a headline in capitals) is not checked.
    /// </summary>
    private bool KnowsEnoughWords(int c, Evidence evidence, ReadOnlySpan<int> known)
    {
        LanguageProfileClass cls = _model.Classes[c];
        return cls.KnownWords.IsEmpty || evidence.LowerWords < MinLowerWords || known[c] >= cls.MinKnownWordRate * evidence.LowerWords;
    }

    private static NgramLanguageIdentifier LoadDefault()
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ModelResourceName)
            ?? throw new InvalidOperationException($"the language identification model ({ModelResourceName}) is not embedded: run 'sitrep train langid' to build models/langid.bin.gz");
        return new NgramLanguageIdentifier(LanguageProfileModel.Load(stream));
    }

    /// <summary>The best class of a sample, and how many lower-case words of its script were scored.</summary>
    private readonly record struct Evidence(int Best, int LowerWords)
    {
        public static Evidence None { get; } = new(-1, 0);
    }
}

using System.Collections.Immutable;

namespace Sitrep.Documents.LanguageIdentification;

/// <summary>Hyper-parameters of <see cref="LanguageIdentifierTrainer"/>; the defaults built the shipped model.</summary>
public sealed record LanguageIdentifierTrainerOptions
{
    /// <summary>Longest n-gram, boundaries included: 5 covers « les », « der », « und » whole.</summary>
    public int MaxOrder { get; init; } = 5;

    /// <summary>2^BucketBits hashed n-gram buckets.</summary>
    public int BucketBits { get; init; } = 18;

    /// <summary>
    /// Every class is scaled to this many word occurrences before counting n-grams, so that a class built
    /// from 250 country names and one from 400,000 words of news share one scale.
    /// </summary>
    public double ScaledWordCount { get; init; } = 200_000;

    /// <summary>Added to every bucket count (additive smoothing), on the scaled counts.</summary>
    public double Smoothing { get; init; } = 8;

    /// <summary>
    /// Smoothing of single-letter n-grams, much smaller than <see cref="Smoothing"/>: a letter a class never
    /// saw in training is strong evidence against it. Russian never writes і ї є ґ and Ukrainian never ы э ъ ё;
    /// German place names have no ñ. French and English corpora hold enough foreign names (Łódź, Muñoz)
    /// that no Latin letter is impossible for them.
    /// </summary>
    public double LetterSmoothing { get; init; } = 0.02;

    /// <summary>
    /// For a class without running text: the share of its mass given to function words. In running text the
    /// hundred most frequent words make about half of all occurrences; names make the other half.
    /// </summary>
    public double FunctionWordShare { get; init; } = 0.5;

    /// <summary>Weight of a name of running text relative to another word (see <see cref="LanguageTrainingClass.TextNames"/>).</summary>
    public double TextNameWeight { get; init; } = 0.1;

    /// <summary>A word of running text enters the known-word list from this many occurrences (one-offs are mostly names and typos).</summary>
    public int MinKnownWordCount { get; init; } = 2;

    /// <summary>
    /// For classes with running text: the share of a text's words that must be known for the class to be
    /// answered. Real French or English sentences score well above it; Portuguese or Romanian text that
    /// the n-grams find «closest to French» do not.
    /// </summary>
    public double MinKnownWordRate { get; init; } = 0.3;
}

/// <summary>
/// Trains the character n-gram model of <see cref="NgramLanguageIdentifier"/>: per class, word weights →
/// n-gram counts (hashed) → smoothed log probabilities → one byte each. Deterministic: words are visited in
/// ordinal order, nothing is random, and the same input gives the same bytes.
/// </summary>
public sealed class LanguageIdentifierTrainer(LanguageIdentifierTrainerOptions? options = null)
{
    public LanguageIdentifierTrainerOptions Options { get; } = options ?? new LanguageIdentifierTrainerOptions();

    /// <summary>Reads the default recipe from the corpora folder and trains the model.</summary>
    public LanguageProfileModel TrainFromCorpora(string corpora, int? sampleLimit = null) =>
        Train(LanguageTrainingSetReader.Read(corpora, LanguageTrainingRecipe.Default, sampleLimit));

    public LanguageProfileModel Train(IReadOnlyList<LanguageTrainingClass> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Count is 0 or > 255)
        {
            throw new ArgumentException("between 1 and 255 classes", nameof(classes));
        }

        LanguageIdentifierTrainerOptions o = Options;
        int buckets = 1 << o.BucketBits;
        double[][] logProbabilities = new double[classes.Count][];
        var profiles = ImmutableArray.CreateBuilder<LanguageProfileClass>(classes.Count);
        double min = double.MaxValue, max = double.MinValue;
        Span<int> features = stackalloc int[NgramFeatures.MaxFeaturesPerWord(o.MaxOrder)];
        bool[] letterBuckets = LetterBuckets(classes, o.BucketBits);

        for (int c = 0; c < classes.Count; c++)
        {
            LanguageTrainingClass cls = classes[c];
            SortedDictionary<string, double> weights = Weights(cls);
            double[] counts = new double[buckets];
            double latin = 0, cyrillic = 0;
            foreach ((string word, double weight) in weights)
            {
                int n = NgramFeatures.Buckets(word, o.MaxOrder, o.BucketBits, features);
                foreach (int bucket in features[..n])
                {
                    counts[bucket] += weight;
                }

                foreach (char letter in word)
                {
                    WritingScript script = NgramFeatures.ScriptOf(letter);
                    latin += script == WritingScript.Latin ? weight : 0;
                    cyrillic += script == WritingScript.Cyrillic ? weight : 0;
                }
            }

            double total = 0;
            foreach (double count in counts)
            {
                total += count;
            }

            double denominator = Math.Log(total + (o.Smoothing * buckets));
            double[] log = new double[buckets];
            for (int b = 0; b < buckets; b++)
            {
                log[b] = Math.Log(counts[b] + (letterBuckets[b] ? o.LetterSmoothing : o.Smoothing)) - denominator;
                min = Math.Min(min, log[b]);
                max = Math.Max(max, log[b]);
            }

            logProbabilities[c] = log;
            ImmutableArray<uint> known = KnownWords(cls, o.MinKnownWordCount);
            profiles.Add(new LanguageProfileClass(
                cls.Code,
                cls.Role,
                cyrillic > latin ? WritingScript.Cyrillic : WritingScript.Latin,
                known.IsEmpty ? 0 : o.MinKnownWordRate,
                known));
        }

        double step = (max - min) / byte.MaxValue;
        byte[] table = new byte[buckets * classes.Count];
        for (int c = 0; c < classes.Count; c++)
        {
            double[] log = logProbabilities[c];
            for (int b = 0; b < buckets; b++)
            {
                table[(b * classes.Count) + c] = (byte)Math.Clamp(Math.Round((log[b] - min) / step, MidpointRounding.ToEven), 0, byte.MaxValue);
            }
        }

        return new LanguageProfileModel(o.MaxOrder, o.BucketBits, min, step, profiles.MoveToImmutable(), table);
    }

    /// <summary>Marks the buckets of every letter any class has seen.</summary>
    private static bool[] LetterBuckets(IReadOnlyList<LanguageTrainingClass> classes, int bits)
    {
        bool[] marked = new bool[1 << bits];
        var letters = new HashSet<char>();
        foreach (LanguageTrainingClass cls in classes)
        {
            foreach (string word in cls.TextWords.Keys.Concat(cls.TextNames.Keys).Concat(cls.NameWords.Keys).Concat(cls.FunctionWords))
            {
                foreach (char c in word.ToLowerInvariant())
                {
                    letters.Add(c);
                }
            }
        }

        foreach (char letter in letters)
        {
            marked[NgramFeatures.LetterBucket(letter, bits)] = true;
        }

        return marked;
    }

    /// <summary>Word → weight, summing to <see cref="LanguageIdentifierTrainerOptions.ScaledWordCount"/>.</summary>
    private SortedDictionary<string, double> Weights(LanguageTrainingClass cls)
    {
        var weights = new SortedDictionary<string, double>(StringComparer.Ordinal);
        double scale = Options.ScaledWordCount;
        if (cls.HasText)
        {
            double nameWeight = Options.TextNameWeight;
            double total = Sum(cls.TextWords) + (nameWeight * Sum(cls.TextNames));
            foreach ((string word, double count) in cls.TextWords)
            {
                weights[word] = scale * count / total;
            }

            foreach ((string word, double count) in cls.TextNames)
            {
                weights[word] = weights.GetValueOrDefault(word) + (scale * nameWeight * count / total);
            }

            return weights;
        }

        double functionShare = cls.FunctionWords.Count == 0 ? 0 : cls.NameWords.Count == 0 ? 1 : Options.FunctionWordShare;
        if (functionShare > 0)
        {
            // Zipf: the word of rank r (from 0) is used in proportion to 1 / (r + 2).
            double harmonic = 0;
            for (int r = 0; r < cls.FunctionWords.Count; r++)
            {
                harmonic += 1.0 / (r + 2);
            }

            for (int r = 0; r < cls.FunctionWords.Count; r++)
            {
                string word = cls.FunctionWords[r].ToLowerInvariant();
                weights[word] = weights.GetValueOrDefault(word) + (scale * functionShare / ((r + 2) * harmonic));
            }
        }

        double names = Sum(cls.NameWords);
        foreach ((string word, double count) in cls.NameWords)
        {
            weights[word] = weights.GetValueOrDefault(word) + (scale * (1 - functionShare) * count / names);
        }

        return weights;
    }

    private static double Sum(Dictionary<string, double> bag)
    {
        // Summed in ordinal word order: floating-point addition is not associative.
        double total = 0;
        foreach (string word in bag.Keys.Order(StringComparer.Ordinal))
        {
            total += bag[word];
        }

        return total;
    }

    private static ImmutableArray<uint> KnownWords(LanguageTrainingClass cls, int minCount)
    {
        var hashes = new SortedSet<uint>();
        foreach ((string word, double count) in cls.TextWords.Concat(cls.TextNames))
        {
            if (count >= minCount)
            {
                hashes.Add(NgramFeatures.WordHash(word));
            }
        }

        return [.. hashes];
    }
}

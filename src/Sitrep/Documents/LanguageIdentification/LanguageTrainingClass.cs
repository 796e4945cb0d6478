namespace Sitrep.Documents.LanguageIdentification;

/// <summary>
/// What one class of the model is trained from, as word counts. A class has either running text
/// (<see cref="TextWords"/>: French and English, from the UD, NER and news corpora) or, lacking any,
/// a ranked list of function words plus names written in the language (<see cref="FunctionWords"/>,
/// <see cref="NameWords"/>: country names and place names from GeoNames).
/// </summary>
public sealed class LanguageTrainingClass(string code, LanguageClassRole role)
{
    public string Code { get; } = code;

    public LanguageClassRole Role { get; } = role;

    /// <summary>Word → occurrences in running text, names left out.</summary>
    public Dictionary<string, double> TextWords { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Word → occurrences of names (proper nouns, named entities) in running text. Kept apart because a French
    /// corpus is full of Spanish, German and Polish names (Muñoz, Schröder, Łódź): counted in full they would
    /// teach the French profile those languages' n-grams.
    /// </summary>
    public Dictionary<string, double> TextNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Function words, most frequent first (the trainer weights them by rank).</summary>
    public List<string> FunctionWords { get; } = [];

    /// <summary>Word → occurrences in names (countries, places).</summary>
    public Dictionary<string, double> NameWords { get; } = new(StringComparer.Ordinal);

    /// <summary>One line per source read, with what it gave, for the training report and the model card.</summary>
    public List<string> Sources { get; } = [];

    public bool HasText => TextWords.Count > 0;

    /// <summary>Adds every word of <paramref name="text"/> to <paramref name="bag"/>; returns how many words.</summary>
    public static int AddWords(Dictionary<string, double> bag, ReadOnlySpan<char> text)
    {
        ArgumentNullException.ThrowIfNull(bag);
        Span<char> buffer = stackalloc char[NgramFeatures.MaxWordChars];
        var reader = new WordReader(text, buffer);
        int words = 0;
        while (reader.MoveNext())
        {
            if (reader.Length == 0)
            {
                continue;
            }

            string word = reader.Current.ToString();
            bag[word] = bag.GetValueOrDefault(word) + 1;
            words++;
        }

        return words;
    }
}

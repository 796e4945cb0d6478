namespace Sitrep.Documents;

/// <summary>A language code (ISO 639-1, or "und") and how sure the identifier is, from 0 to 1.</summary>
public readonly record struct LanguageGuess(string Language, double Confidence);

/// <summary>Tells the language of a text. Implementations are thread-safe.</summary>
public interface ILanguageIdentifier
{
    /// <summary>The most likely language, or "und" when the text is too short or too ambiguous to tell.</summary>
    LanguageGuess Identify(ReadOnlySpan<char> text);

    /// <summary>How well the text fits <paramref name="language"/>, from 0 to 1 (0 for a language the model lacks).</summary>
    double Score(ReadOnlySpan<char> text, string language);
}

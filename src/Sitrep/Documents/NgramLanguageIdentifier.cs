namespace Sitrep.Documents;

/// <summary>Character n-gram language identifier (model trained by <c>sitrep train langid</c>).</summary>
public sealed class NgramLanguageIdentifier : ILanguageIdentifier
{
    public static NgramLanguageIdentifier Default { get; } = new();

    public LanguageGuess Identify(ReadOnlySpan<char> text) => new(LanguageCodes.Undetermined, 0);

    public double Score(ReadOnlySpan<char> text, string language) => 0;
}

namespace Sitrep.Documents;

public static class LanguageCodes
{
    /// <summary>ISO 639 "undetermined": what language identification says when it is not sure.</summary>
    public const string Undetermined = "und";

    /// <summary>A two-letter lower-case code, or null for anything that is not one ("FR" → "fr", "fr-CA" → "fr").</summary>
    public static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        ReadOnlySpan<char> c = code.AsSpan().Trim();
        int dash = c.IndexOfAny('-', '_');
        if (dash >= 0)
        {
            c = c[..dash];
        }

        return c.Length == 2 && char.IsAsciiLetter(c[0]) && char.IsAsciiLetter(c[1]) ? c.ToString().ToLowerInvariant() : null;
    }
}

using Sitrep.Pipeline;

namespace Sitrep.Documents;

/// <summary>
/// Decides <see cref="Document.Language"/>. A declared language (the caller's <c>--lang</c> or a JSON Lines
/// <c>lang</c>) is a hint: it stands unless the identifier is confident of a different language.
/// Handles «lang: en» on a French article, which would otherwise send it through English rules.
/// </summary>
public sealed class LanguageIdentificationStage(ILanguageIdentifier identifier) : IDocumentStage
{
    /// <summary>Confidence the identifier needs to overrule a declared language.</summary>
    public const double OverruleConfidence = 0.9;

    public string Name => "language";

    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        string? declared = LanguageCodes.Normalize(document.Article.Language);
        LanguageGuess guess = identifier.Identify(document.Text);
        string language = declared is null || (guess.Language != LanguageCodes.Undetermined
                && guess.Language != declared && guess.Confidence >= OverruleConfidence)
            ? guess.Language
            : declared;
        return document with { Language = language };
    }
}

using System.Collections.Concurrent;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Mentions.Quotes;

/// <summary>Sets <see cref="Document.Quotes"/>; runs after entities (speakers link to them) and uses parts of speech and lemmas when present.</summary>
public sealed class QuoteStage : IDocumentStage
{
    private readonly ConcurrentDictionary<string, QuoteExtractor> _byLanguage = new(StringComparer.Ordinal);

    public string Name => "quotes";

    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        QuoteExtractor extractor = _byLanguage.GetOrAdd(document.Language, language => new QuoteExtractor(QuoteLexicon.For(language)));
        return document with { Quotes = extractor.Extract(document) };
    }
}

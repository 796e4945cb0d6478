using System.Collections.Concurrent;
using Sitrep.Documents;
using Sitrep.Mentions.Places;
using Sitrep.Pipeline;

namespace Sitrep.Events;

/// <summary>Sets <see cref="Document.Events"/>; runs last, after entities, times, places and quotations, which it reads.</summary>
public sealed class EventStage : IDocumentStage
{
    private readonly ConcurrentDictionary<string, EventExtractor> _byLanguage = new(StringComparer.Ordinal);

    public string Name => "events";

    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        EventExtractor extractor = _byLanguage.GetOrAdd(document.Language, language => new EventExtractor(EventLexicon.For(language), PlaceLexicon.For(language)));
        return document with { Events = extractor.Extract(document) };
    }
}

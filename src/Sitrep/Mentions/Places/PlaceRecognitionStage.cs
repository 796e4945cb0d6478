using System.Collections.Concurrent;
using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Mentions.Entities;
using Sitrep.Pipeline;

namespace Sitrep.Mentions.Places;

/// <summary>
/// Sets <see cref="Document.PlaceMentions"/> and <see cref="Document.Places"/> (recognise, then resolve against the
/// gazetteer), links LOC entities to their place and gives entities a country: a LOC entity its place's, any
/// other entity the one a nationality word among its roles names («président ukrainien» → UA).
/// </summary>
public sealed class PlaceRecognitionStage(Gazetteer gazetteer) : IDocumentStage
{
    private readonly ConcurrentDictionary<string, (PlaceRecognizer Recognizer, PlaceResolver Resolver, PlaceLexicon Lexicon)> _byLanguage = new(StringComparer.Ordinal);

    public string Name => "places";

    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Tokens.IsEmpty)
        {
            return document;
        }

        (PlaceRecognizer recognizer, PlaceResolver resolver, PlaceLexicon lexicon) = _byLanguage.GetOrAdd(document.Language, language =>
        {
            var lexicon = PlaceLexicon.For(language);
            return (new PlaceRecognizer(gazetteer, lexicon), new PlaceResolver(gazetteer, lexicon), lexicon);
        });
        ImmutableArray<PlaceMention> mentions = recognizer.Recognize(document);
        cancellationToken.ThrowIfCancellationRequested();
        ImmutableArray<Place> places = resolver.Resolve(document, mentions);
        return document with { PlaceMentions = mentions, Places = places, Entities = Link(document, places, lexicon) };
    }

    private static ImmutableArray<Entity> Link(Document document, ImmutableArray<Place> places, PlaceLexicon lexicon) =>
        [.. document.Entities.Select(entity =>
        {
            Place? place = entity.Type == "LOC"
                ? places.FirstOrDefault(p => p.Mentions.Any(m => entity.Mentions.Any(e => e.Span.Overlaps(m.Span))))
                : null;
            string? country = entity.Country ?? place?.Entry?.Country ?? RoleCountry(entity, lexicon);
            return entity with { Place = place?.Id, Country = country };
        })];

    private static string? RoleCountry(Entity entity, PlaceLexicon lexicon)
    {
        foreach (string role in entity.Roles)
        {
            foreach (string word in role.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (lexicon.DemonymCountry(word) is { } country)
                {
                    return country;
                }
            }
        }

        return null;
    }
}

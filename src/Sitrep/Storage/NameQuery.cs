namespace Sitrep.Storage;

/// <summary>
/// Which entities (<see cref="IDocumentStore.FindEntitiesAsync"/>) or places (<see cref="IDocumentStore.FindPlacesAsync"/>)
/// are listed: grouped by name across articles, most frequent first; every filter given must hold.
/// </summary>
public sealed record NameQuery
{
    /// <summary>Part of the name ("kharkiv"), case ignored for ASCII letters.</summary>
    public string? Name { get; init; }

    /// <summary>Entities: PER, ORG, LOC or MISC. Places: ignored.</summary>
    public string? Type { get; init; }

    /// <summary>ISO 3166-1 alpha-2 of the entity's nationality or seat, or of the place.</summary>
    public string? Country { get; init; }

    public int? Limit { get; init; } = 100;

    public int Offset { get; init; }
}

/// <summary>One entity name across the store: how many articles name it and how many mentions they have.</summary>
public sealed record EntitySummary(string Name, string Type, string? Country, int Articles, int Mentions);

/// <summary>One place across the store: its gazetteer facts, how many articles name it and how many events happened there.</summary>
public sealed record PlaceSummary(
    string Name,
    string? Country,
    string? Admin1,
    long? GeonamesId,
    double? Lat,
    double? Lon,
    string? Precision,
    int Articles,
    int Events);

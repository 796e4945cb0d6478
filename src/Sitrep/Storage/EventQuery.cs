using System.Collections.Immutable;

namespace Sitrep.Storage;

/// <summary>Which events <see cref="IDocumentStore.FindEventsAsync"/> returns; every filter given must hold.</summary>
public sealed record EventQuery
{
    /// <summary>PLOVER event type (ASSAULT, PROTEST …), case ignored.</summary>
    public string? Type { get; init; }

    /// <summary>
    /// ISO 3166-1: an alpha-2 code ("UA") matches where the event happened (its location's place); an alpha-3
    /// code ("RUS") matches an actor or recipient coded with that country, as PLOVER codes actors.
    /// </summary>
    public string? Country { get; init; }

    /// <summary>Part of an actor's text or of its entity's name ("forces russes"), case ignored for ASCII letters.</summary>
    public string? Actor { get; init; }

    /// <summary>Part of the location's text or of its place's name ("Kharkiv").</summary>
    public string? Place { get; init; }

    /// <summary>Events whose date (a TIMEX3 value, taken as the days it covers) overlaps [Since, Until]; undated events are left out.</summary>
    public DateOnly? Since { get; init; }

    public DateOnly? Until { get; init; }

    /// <summary>asserted, reported, hedged, negated, planned, demanded or hypothetical.</summary>
    public string? Modality { get; init; }

    public string? ArticleId { get; init; }

    public int? Limit { get; init; } = 1000;

    public int Offset { get; init; }
}

/// <summary>One stored event, flattened for listing and export (ACLED-like columns).</summary>
public sealed record EventRecord
{
    public required string ArticleId { get; init; }

    public required string EventId { get; init; }

    public required string Type { get; init; }

    public string? Mode { get; init; }

    public required string Modality { get; init; }

    public string? Date { get; init; }

    public string? DatePrecision { get; init; }

    public required string Trigger { get; init; }

    public string? Location { get; init; }

    public string? PlaceName { get; init; }

    /// <summary>ISO 3166-1 alpha-2 of the event's place, when resolved.</summary>
    public string? Country { get; init; }

    public double? Lat { get; init; }

    public double? Lon { get; init; }

    public int? Dead { get; init; }

    public int? Injured { get; init; }

    public double Confidence { get; init; }

    public ImmutableArray<ParticipantRecord> Actors { get; init; } = [];

    public ImmutableArray<ParticipantRecord> Recipients { get; init; } = [];
}

public sealed record ParticipantRecord(string Text, string? Country, string? Sector);

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

    /// <summary>Events within <see cref="RadiusKm"/> of this point (great-circle distance); events without coordinates are left out.</summary>
    public GeoPoint? Near { get; init; }

    /// <summary>The radius around <see cref="Near"/>, in kilometres (default 50).</summary>
    public double RadiusKm { get; init; } = 50;

    /// <summary>Words that must all occur in the event's article, title or text (as <see cref="ArticleQuery.Text"/>).</summary>
    public string? Text { get; init; }

    public EventSort Sort { get; init; } = EventSort.Date;

    /// <summary>
    /// List every stored report on its own, as each article gives it. By default each event several articles report
    /// is listed once, as its first report, with <see cref="EventRecord.Sources"/> and <see cref="EventRecord.Reports"/>;
    /// filters then apply to that first report.
    /// </summary>
    public bool Unmerged { get; init; }

    public int? Limit { get; init; } = 1000;

    public int Offset { get; init; }
}

/// <summary>The order events are listed in; ties are broken by article id, then event id, so pages never overlap.</summary>
public enum EventSort
{
    /// <summary>Oldest first (undated events first).</summary>
    Date,

    /// <summary>Newest first (undated events last).</summary>
    DateDescending,

    /// <summary>Most dead first (events without a count last), then newest.</summary>
    Dead,
}

/// <summary>A point on the earth in decimal degrees (WGS 84).</summary>
public readonly record struct GeoPoint(double Lat, double Lon)
{
    private const double EarthRadiusKm = 6371.0088;

    public bool IsValid => Lat is >= -90 and <= 90 && Lon is >= -180 and <= 180;

    /// <summary>
    /// The latitude and longitude ranges that hold every point within <paramref name="radiusKm"/>: an index-friendly
    /// prefilter before the exact distance. Near a pole, or when the box crosses the antimeridian (MinLon &gt; MaxLon),
    /// the caller must treat longitude accordingly; a box that reaches a pole covers every longitude.
    /// </summary>
    public (double MinLat, double MaxLat, double MinLon, double MaxLon) BoundingBox(double radiusKm)
    {
        double dLat = radiusKm / EarthRadiusKm * (180 / Math.PI);
        double minLat = Lat - dLat, maxLat = Lat + dLat;
        if (minLat <= -90 || maxLat >= 90)
        {
            return (Math.Max(minLat, -90), Math.Min(maxLat, 90), -180, 180);
        }

        double dLon = Math.Asin(Math.Min(1, Math.Sin(radiusKm / EarthRadiusKm) / Math.Cos(double.DegreesToRadians(Lat)))) * (180 / Math.PI);
        double minLon = Lon - dLon, maxLon = Lon + dLon;
        if (minLon < -180)
        {
            minLon += 360;
        }

        if (maxLon > 180)
        {
            maxLon -= 360;
        }

        return (minLat, maxLat, minLon, maxLon);
    }
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

    public string? CameoRoot { get; init; }

    /// <summary>ACLED event type and sub-event type, as the event carries them (the PLOVER → ACLED mapping).</summary>
    public string? AcledEventType { get; init; }

    public string? AcledSubEventType { get; init; }

    /// <summary>Admin-1 region of the event's place, when resolved.</summary>
    public string? Admin1 { get; init; }

    /// <summary>point, city, region or country: how precisely <see cref="Lat"/>/<see cref="Lon"/> place the event.</summary>
    public string? GeoPrecision { get; init; }

    /// <summary>Who the article says reported the event ("le président ukrainien Volodymyr Zelensky").</summary>
    public string? Reporter { get; init; }

    /// <summary>Index of the sentence the event was read from, and its text (null for events stored before schema 3).</summary>
    public int Sentence { get; init; }

    public string? SentenceText { get; init; }

    public int TriggerStart { get; init; }

    public int TriggerEnd { get; init; }

    public string? ArticleTitle { get; init; }

    public string? ArticleUrl { get; init; }

    public string? ArticleSource { get; init; }

    public string? ArticlePublished { get; init; }

    /// <summary>How many articles report the event: 1, or more when reports of several articles were merged into it.</summary>
    public int Sources { get; init; } = 1;

    /// <summary>
    /// Every report of a merged event, the first (this record's own article and event) first, then in the order they
    /// were stored; empty when the event was listed unmerged (<see cref="EventQuery.Unmerged"/>).
    /// </summary>
    public ImmutableArray<EventReportRecord> Reports { get; init; } = [];
}

/// <summary>One article's report of a merged event: the article, its event id, the trigger's span in that article's text, and the sentence.</summary>
public sealed record EventReportRecord(string ArticleId, string EventId, string Trigger, int TriggerStart, int TriggerEnd, int Sentence)
{
    public string? ArticleSource { get; init; }

    public string? ArticlePublished { get; init; }
}

public sealed record ParticipantRecord(string Text, string? Country, string? Sector);

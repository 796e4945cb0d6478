using System.Collections.Immutable;
using Sitrep.Mentions.Places;
using Sitrep.Serialization;
using Sitrep.Storage;

namespace Sitrep.Duplicates;

/// <summary>What the merge rules compare of one event as one article reports it.</summary>
public sealed record EventReport
{
    public required string ArticleId { get; init; }

    public required string EventId { get; init; }

    public required string Type { get; init; }

    public string? Mode { get; init; }

    public required string Modality { get; init; }

    /// <summary>The days the event's date covers, at most a week; else the publication day.</summary>
    public TimexRange? Days { get; init; }

    /// <summary>The date is the publication date: the event may have happened a few days before (or be planned for later).</summary>
    public bool DatedByPublication { get; init; }

    public double? Lat { get; init; }

    public double? Lon { get; init; }

    /// <summary>ISO 3166-1 alpha-2 of the event's place.</summary>
    public string? Country { get; init; }

    /// <summary>The place is a whole country or first-order region, so its point says little about where.</summary>
    public bool BroadPlace { get; init; }

    /// <summary>ISO alpha-3 codes of the actors, and of the recipients.</summary>
    public ImmutableArray<string> ActorCountries { get; init; } = [];

    public ImmutableArray<string> RecipientCountries { get; init; } = [];

    /// <summary>The trigger's words in lower case ("shelled", "pourparlers").</summary>
    public string? Trigger { get; init; }

    /// <summary>Names of the actors and recipients, lower case: their entity's name when linked ("vladimir poutine"), else their words.</summary>
    public ImmutableArray<string> Names { get; init; } = [];

    /// <summary>The events of a stored document as reports.</summary>
    /// <param name="document">A <c>sitrep/1</c> document.</param>
    public static IEnumerable<EventReport> From(SitrepDocumentModel document)
    {
        ArgumentNullException.ThrowIfNull(document);
        // The first of two places or entities with one id (a document the store then refuses) is the one used.
        var places = document.Places.DistinctBy(p => p.Id).ToDictionary(p => p.Id);
        var entities = document.Entities.DistinctBy(e => e.Id).ToDictionary(e => e.Id, e => e.Name);
        TimexRange? published = document.Article.Published is { Length: >= 10 } day ? TimexRange.Parse(day[..10]) : null;
        foreach (EventModel e in document.Events)
        {
            PlaceModel? place = e.Location?.Place is { } id ? places.GetValueOrDefault(id) : null;

            // Undated (planned, hedged …) or broadly dated («this year») events are placed at the publication date.
            TimexRange? days = TimexRange.Parse(e.Date?.Value) is { } range && range.Last.DayNumber - range.First.DayNumber <= EventMergeRules.Default.MaxSpanDays && e.Date?.Precision != "unknown"
                ? range : published;
            yield return new EventReport
            {
                ArticleId = document.Article.Id,
                EventId = e.Id,
                Type = e.Type,
                Mode = e.Mode,
                Modality = e.Modality,
                Trigger = e.Trigger.Text.ToLowerInvariant(),
                Days = days,
                DatedByPublication = days == published,
                Lat = place?.Lat,
                Lon = place?.Lon,
                Country = place?.Country,
                BroadPlace = place?.Precision is "country" or "region",
                ActorCountries = Countries(e.Actors),
                RecipientCountries = Countries(e.Recipients),
                Names = [.. e.Actors.Concat(e.Recipients)
                    .Select(p => (p.Entity is { } id ? entities.GetValueOrDefault(id) : null) ?? p.Text)
                    .Select(name => name.ToLowerInvariant()).Distinct(StringComparer.Ordinal)],
            };
        }
    }

    private static ImmutableArray<string> Countries(ImmutableArray<ActorModel> participants) =>
        [.. participants.Select(p => p.Country).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}

/// <summary>
/// When two reports from different articles are one event. All of these must hold:
/// <list type="number">
/// <item>the same PLOVER type, and the same mode when both have one;</item>
/// <item>the same kind of modality: what happened (asserted, reported) never merges with what did not (hedged,
/// negated, planned, demanded, hypothetical), nor those with each other;</item>
/// <item>dates within <see cref="MaxDaysApart"/> days of each other, or <see cref="PublicationSlackDays"/> when a date
/// is only the publication date; an undated report, or one dated by a span longer than a week, merges with nothing;</item>
/// <item>no contradiction: places more than <see cref="MaxKm"/> km apart (countries when a place is a whole country or
/// region) or actor or recipient countries that do not meet, when both sides name them;</item>
/// <item>at least one positive anchor: the same place (within the distance, or the same country for broad places), a
/// participant of the same name, or a shared actor country together with a shared recipient country or place country.</item>
/// </list>
/// </summary>
public sealed record EventMergeRules
{
    public static EventMergeRules Default { get; } = new();

    public int MaxDaysApart { get; init; } = 1;

    public int PublicationSlackDays { get; init; } = 3;

    public double MaxKm { get; init; } = 50;

    /// <summary>A date covering more days than this (a month, a year) cannot tell events apart: such reports merge with nothing.</summary>
    public int MaxSpanDays { get; init; } = 6;

    public bool SameEvent(EventReport a, EventReport b) => WhyApart(a, b) is null;

    /// <summary>The first rule that keeps two reports apart ("type", "modality", "date", "place", "actors", "recipients", "no anchor"), or null when they are one event.</summary>
    /// <param name="a">A report.</param>
    /// <param name="b">A report of another article.</param>
    public string? WhyApart(EventReport a, EventReport b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.ArticleId == b.ArticleId)
        {
            return "same article";
        }

        if (a.Type != b.Type || (a.Mode is not null && b.Mode is not null && a.Mode != b.Mode))
        {
            return "type";
        }

        if (ModalityKind(a.Modality) != ModalityKind(b.Modality))
        {
            return "modality";
        }

        if (!DatesMeet(a, b))
        {
            return "date";
        }

        bool? samePlace = SamePlace(a, b);
        bool? sameActors = Meet(a.ActorCountries, b.ActorCountries);
        bool? sameRecipients = Meet(a.RecipientCountries, b.RecipientCountries);
        if (samePlace == false || sameActors == false || sameRecipients == false)
        {
            return samePlace == false ? "place" : sameActors == false ? "actors" : "recipients";
        }

        bool anchored = samePlace == true || a.Names.Intersect(b.Names, StringComparer.Ordinal).Any()
            || (sameActors == true && (sameRecipients == true || (a.Country is not null && a.Country == b.Country)));
        return anchored ? null : "no anchor";
    }

    /// <summary>
    /// How alike two reports the rules accept are, to choose among several earlier events: one point per shared
    /// name, country of actors, of recipients and of place, two for the same place point and one for the same trigger word.
    /// </summary>
    /// <param name="a">A report.</param>
    /// <param name="b">Another report.</param>
    public static int Likeness(EventReport a, EventReport b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Shared(a.Names, b.Names) + Shared(a.ActorCountries, b.ActorCountries) + Shared(a.RecipientCountries, b.RecipientCountries)
            + (a.Country is not null && a.Country == b.Country ? 1 : 0)
            + (a.Lat is not null && a.Lat == b.Lat && a.Lon == b.Lon ? 2 : 0)
            + (a.Trigger is not null && a.Trigger == b.Trigger ? 1 : 0);
    }

    /// <summary>
    /// How many distinct values of <paramref name="a"/> are in <paramref name="b"/> (what <c>Intersect(…).Count()</c>
    /// gives), without a set: the lists are a few names long, and a store compares every report of an article with
    /// every stored event in its window.
    /// </summary>
    private static int Shared(ImmutableArray<string> a, ImmutableArray<string> b)
    {
        if (a.IsDefaultOrEmpty || b.IsDefaultOrEmpty)
        {
            return 0;
        }

        int shared = 0;
        for (int i = 0; i < a.Length; i++)
        {
            if (b.IndexOf(a[i], 0, b.Length, StringComparer.Ordinal) >= 0 && a.IndexOf(a[i], 0, i, StringComparer.Ordinal) < 0)
            {
                shared++;
            }
        }

        return shared;
    }

    private bool DatesMeet(EventReport a, EventReport b)
    {
        if (a.Days is not { } x || b.Days is not { } y || x.Last.DayNumber - x.First.DayNumber > MaxSpanDays || y.Last.DayNumber - y.First.DayNumber > MaxSpanDays)
        {
            return false;
        }

        int slackA = a.DatedByPublication ? PublicationSlackDays : 0, slackB = b.DatedByPublication ? PublicationSlackDays : 0;

        // A date taken from publication is the latest the event can be: it may lie up to the slack before.
        return x.First.AddDays(-slackA - MaxDaysApart) <= y.Last && y.First.AddDays(-slackB - MaxDaysApart) <= x.Last;
    }

    private bool? SamePlace(EventReport a, EventReport b)
    {
        if (a.BroadPlace || b.BroadPlace)
        {
            return a.Country is null || b.Country is null ? null : a.Country == b.Country;
        }

        return a.Lat is { } latA && a.Lon is { } lonA && b.Lat is { } latB && b.Lon is { } lonB
            ? Geo.DistanceKm(latA, lonA, latB, lonB) <= MaxKm
            : null;
    }

    private static bool? Meet(ImmutableArray<string> a, ImmutableArray<string> b) =>
        a.IsDefaultOrEmpty || b.IsDefaultOrEmpty ? null : a.Intersect(b, StringComparer.Ordinal).Any();

    private static int ModalityKind(string modality) => modality switch
    {
        "asserted" or "reported" => 0,
        "hedged" => 1,
        "negated" => 2,
        "planned" => 3,
        "demanded" => 4,
        _ => 5,
    };
}

/// <summary>
/// Merges reports into events, one article at a time, as a store does at ingest: each report joins the earlier event
/// whose first report the rules accept and is most alike (<see cref="EventMergeRules.Likeness"/>; the earliest on a
/// tie), unless that event already holds a report of the same article; else it starts a new event. Comparing with
/// the first report only keeps events from chaining (A like B, B like C, A unlike C). The event's id is its first
/// report's "article/event".
/// </summary>
public sealed class EventMerger(EventMergeRules rules)
{
    // Each event: its first report, its id and the articles reporting it; by type.
    private readonly Dictionary<string, List<MergedEvent>> _byType = new(StringComparer.Ordinal);

    public EventMergeRules Rules { get; } = rules;

    /// <summary>The merged event the report belongs to, after adding it.</summary>
    /// <param name="report">A report.</param>
    public string Add(EventReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!_byType.TryGetValue(report.Type, out var earlier))
        {
            _byType[report.Type] = earlier = [];
        }

        if (Join(report, earlier) is { } merged)
        {
            merged.Articles.Add(report.ArticleId);
            return merged.Id;
        }

        var created = new MergedEvent(report, $"{report.ArticleId}/{report.EventId}", [report.ArticleId]);
        earlier.Add(created);
        return created.Id;
    }

    /// <summary>The candidate <paramref name="report"/> joins, if any.</summary>
    /// <param name="report">The new report.</param>
    /// <param name="candidates">Earlier events of the report's type, in arrival order.</param>
    public MergedEvent? Join(EventReport report, IEnumerable<MergedEvent> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        (MergedEvent Event, int Likeness)? best = null;
        foreach (MergedEvent candidate in candidates)
        {
            if (!candidate.Articles.Contains(report.ArticleId) && Rules.SameEvent(report, candidate.First))
            {
                int likeness = EventMergeRules.Likeness(report, candidate.First);
                if (best is null || likeness > best.Value.Likeness)
                {
                    best = (candidate, likeness);
                }
            }
        }

        return best?.Event;
    }
}

/// <summary>An event as several articles report it: the first report, the event's id and the articles so far.</summary>
public sealed record MergedEvent(EventReport First, string Id, HashSet<string> Articles);

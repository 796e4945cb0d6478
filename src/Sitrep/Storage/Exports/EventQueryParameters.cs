using System.Collections.Immutable;
using System.Globalization;

namespace Sitrep.Storage.Exports;

/// <summary>
/// The event filters by name, parsed the same way for <c>sitrep events --type ASSAULT</c> and for
/// <c>GET /api/events?type=ASSAULT</c>: one list of names, one parser, one set of error messages.
/// </summary>
public static class EventQueryParameters
{
    /// <summary>The most events one query may ask for: more needs paging with offset.</summary>
    public const int MaxLimit = 10_000;

    public const int DefaultLimit = 100;

    /// <summary>Every filter name with what it means, in the order help shows them.</summary>
    public static ImmutableArray<(string Name, string Description)> All { get; } =
    [
        ("type", "PLOVER event type (ASSAULT, PROTEST …)."),
        ("country", "ISO 3166-1: alpha-2 (UA) where it happened, alpha-3 (RUS) for an actor's or recipient's country."),
        ("actor", "Part of an actor's text or entity name."),
        ("place", "Part of the location's text or place name."),
        ("near", "lat,lon: events within radius km of this point (e.g. 49.98,36.25)."),
        ("radius", "Kilometres around near (default 50)."),
        ("since", "Events on or after this day (yyyy-MM-dd)."),
        ("until", "Events on or before this day (yyyy-MM-dd)."),
        ("text", "Words that must all occur in the event's article (evacu* for a prefix)."),
        ("modality", "asserted, reported, hedged, negated, planned, demanded or hypothetical."),
        ("article", "Only this article's events (its id)."),
        ("limit", $"At most this many events (default {DefaultLimit}, at most {MaxLimit})."),
        ("offset", "Skip this many events first (paging)."),
        ("sort", "date (oldest first, the default), -date (newest first) or dead (most dead first)."),
        ("unmerged", "true: every article's report of an event on its own (default false: each event once, with its sources and reports)."),
    ];

    private static readonly ImmutableHashSet<string> Modalities =
        ["asserted", "reported", "hedged", "negated", "planned", "demanded", "hypothetical"];

    /// <summary>
    /// Reads each filter through <paramref name="value"/> (null or empty when not given). Returns the query, or
    /// null with one message per bad parameter in <paramref name="errors"/> (keyed by parameter name).
    /// </summary>
    public static EventQuery? TryParse(Func<string, string?> value, out IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(value);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? Get(string name) => value(name) is { Length: > 0 } given ? given.Trim() : null;
        void Fail(string name, string message) => problems[name] = [message];

        string? country = Get("country");
        if (country is not null && (country.Length is not (2 or 3) || !country.All(char.IsAsciiLetter)))
        {
            Fail("country", $"'{country}' is neither ISO 3166-1 alpha-2 (UA) nor alpha-3 (RUS)");
        }

        string? modality = Get("modality")?.ToLowerInvariant();
        if (modality is not null && !Modalities.Contains(modality))
        {
            Fail("modality", $"'{modality}' is not one of {string.Join(", ", Modalities.Order(StringComparer.Ordinal))}");
        }

        DateOnly? since = Day("since"), until = Day("until");
        GeoPoint? near = null;
        if (Get("near") is string point)
        {
            string[] parts = point.Split(',');
            if (parts.Length == 2 && TryNumber(parts[0], out double lat) && TryNumber(parts[1], out double lon) && new GeoPoint(lat, lon).IsValid)
            {
                near = new GeoPoint(lat, lon);
            }
            else
            {
                Fail("near", $"'{point}' is not lat,lon in decimal degrees (e.g. 49.98,36.25)");
            }
        }

        double radius = 50;
        if (Get("radius") is string km && (!TryNumber(km, out radius) || radius <= 0 || radius > 20_040))
        {
            Fail("radius", $"'{km}' is not a distance in kilometres (more than 0, at most 20040)");
        }

        int limit = Integer("limit", DefaultLimit, 1, MaxLimit);
        int offset = Integer("offset", 0, 0, int.MaxValue);
        EventSort sort = EventSort.Date;
        if (Get("sort") is string order)
        {
            switch (order.ToLowerInvariant())
            {
                case "date":
                    break;
                case "-date":
                    sort = EventSort.DateDescending;
                    break;
                case "dead" or "-dead":
                    sort = EventSort.Dead;
                    break;
                default:
                    Fail("sort", $"'{order}' is not date, -date or dead");
                    break;
            }
        }

        bool unmerged = false;
        if (Get("unmerged") is string flag && !bool.TryParse(flag, out unmerged))
        {
            Fail("unmerged", $"'{flag}' is not true or false");
        }

        if (since is DateOnly from && until is DateOnly to && from > to)
        {
            Fail("until", $"{to:yyyy-MM-dd} is before since {from:yyyy-MM-dd}");
        }

        errors = problems;
        return problems.Count > 0 ? null : new EventQuery
        {
            Type = Get("type"),
            Country = country,
            Actor = Get("actor"),
            Place = Get("place"),
            Near = near,
            RadiusKm = radius,
            Since = since,
            Until = until,
            Text = Get("text"),
            Modality = modality,
            ArticleId = Get("article"),
            Limit = limit,
            Offset = offset,
            Sort = sort,
            Unmerged = unmerged,
        };

        DateOnly? Day(string name)
        {
            if (Get(name) is not string day)
            {
                return null;
            }

            if (DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly parsed))
            {
                return parsed;
            }

            Fail(name, $"'{day}' is not a day (yyyy-MM-dd, e.g. 2022-05-14)");
            return null;
        }

        int Integer(string name, int fallback, int min, int max)
        {
            if (Get(name) is not string text)
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) && parsed >= min && parsed <= max)
            {
                return parsed;
            }

            Fail(name, $"'{text}' is not a whole number from {min} to {max}");
            return fallback;
        }
    }

    private static bool TryNumber(string text, out double number) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
}

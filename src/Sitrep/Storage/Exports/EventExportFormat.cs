namespace Sitrep.Storage.Exports;

/// <summary>How a list of events is written: see <see cref="EventExporter"/>.</summary>
public enum EventExportFormat
{
    /// <summary>One JSON object: <c>{"count": n, "offset": k, "events": [ … ]}</c>.</summary>
    Json,

    /// <summary>JSON Lines: one event object per line.</summary>
    JsonLines,

    /// <summary>CSV with ACLED-like columns (<see cref="EventExporter.CsvColumns"/>).</summary>
    Csv,

    /// <summary>A GeoJSON FeatureCollection of the events that have coordinates.</summary>
    GeoJson,
}

public static class EventExportFormats
{
    /// <summary>json, jsonl (or ndjson), csv, geojson; null for anything else.</summary>
    public static EventExportFormat? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "json" => EventExportFormat.Json,
        "jsonl" or "ndjson" => EventExportFormat.JsonLines,
        "csv" => EventExportFormat.Csv,
        "geojson" => EventExportFormat.GeoJson,
        _ => null,
    };

    public static string MediaType(this EventExportFormat format) => format switch
    {
        EventExportFormat.JsonLines => "application/jsonl; charset=utf-8",
        EventExportFormat.Csv => "text/csv; charset=utf-8",
        EventExportFormat.GeoJson => "application/geo+json",
        _ => "application/json",
    };

    /// <summary>The format an Accept header asks for, in the order it names them; null when it names none of them.</summary>
    public static EventExportFormat? FromAccept(string? accept)
    {
        if (string.IsNullOrEmpty(accept))
        {
            return null;
        }

        foreach (string part in accept.Split(','))
        {
            string media = part.Split(';')[0].Trim().ToLowerInvariant();
            EventExportFormat? format = media switch
            {
                "application/json" => EventExportFormat.Json,
                "application/jsonl" or "application/x-ndjson" or "application/x-jsonlines" => EventExportFormat.JsonLines,
                "text/csv" => EventExportFormat.Csv,
                "application/geo+json" => EventExportFormat.GeoJson,
                _ => null,
            };
            if (format is not null)
            {
                return format;
            }
        }

        return null;
    }
}

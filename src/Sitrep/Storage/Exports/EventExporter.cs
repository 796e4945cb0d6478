using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sitrep.Storage.Exports;

/// <summary>
/// Writes stored events as JSON, JSON Lines, CSV (ACLED-like columns) or GeoJSON, for <c>sitrep events</c> and
/// <c>GET /api/events</c> alike. Every format carries the same facts; CSV flattens the participants.
/// </summary>
public static class EventExporter
{
    /// <summary>
    /// The CSV columns. ACLED's names where the meaning is the same (event_date, event_type, actor1, assoc_actor_1,
    /// inter1, actor2, admin1, location, latitude, longitude, geo_precision, time_precision, source, notes,
    /// fatalities); country is the ISO 3166-1 alpha-2 code, not ACLED's country name; Sitrep's own columns follow.
    /// </summary>
    public static ImmutableArray<string> CsvColumns { get; } =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
        "actor2", "assoc_actor_2", "inter2", "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source",
        "notes", "fatalities", "injured", "plover_type", "plover_mode", "cameo_root", "modality", "reporter", "confidence",
        "article_id", "event_id", "article_title", "url", "published", "sources",
    ];

    private static readonly ReadOnlyMemory<byte> NewLine = "\n"u8.ToArray();

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="events"/> to <paramref name="output"/>; leaves it open.</summary>
    /// <param name="events">The events, in the order to write them.</param>
    /// <param name="format">The format to write.</param>
    /// <param name="output">Where to write, UTF-8 without BOM.</param>
    /// <param name="offset">The query's offset, reported by the JSON format.</param>
    /// <param name="cancellationToken">Stops between events.</param>
    public static async Task WriteAsync(IReadOnlyList<EventRecord> events, EventExportFormat format, Stream output, int offset = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case EventExportFormat.Csv:
                await WriteCsvAsync(events, output, cancellationToken).ConfigureAwait(false);
                break;
            case EventExportFormat.JsonLines:
                await using (var writer = new Utf8JsonWriter(output, WriterOptions))
                {
                    foreach (EventRecord e in events)
                    {
                        WriteEvent(writer, e);
                        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                        await output.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
                        writer.Reset();
                    }
                }

                break;
            case EventExportFormat.GeoJson:
                await WriteGeoJsonAsync(events, output, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await using (var writer = new Utf8JsonWriter(output, WriterOptions))
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("count", events.Count);
                    writer.WriteNumber("offset", offset);
                    writer.WriteStartArray("events");
                    foreach (EventRecord e in events)
                    {
                        WriteEvent(writer, e);
                        await Flush(writer, cancellationToken).ConfigureAwait(false);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                break;
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One event as a JSON object with snake_case names (the properties of a GeoJSON feature too).</summary>
    public static void WriteEvent(Utf8JsonWriter writer, EventRecord e)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(e);
        writer.WriteStartObject();
        writer.WriteString("article_id", e.ArticleId);
        writer.WriteString("event_id", e.EventId);
        writer.WriteString("type", e.Type);
        writer.WriteString("mode", e.Mode);
        writer.WriteString("cameo_root", e.CameoRoot);
        writer.WriteString("acled_event_type", e.AcledEventType);
        writer.WriteString("acled_sub_event_type", e.AcledSubEventType);
        writer.WriteString("modality", e.Modality);
        writer.WriteString("date", e.Date);
        writer.WriteString("date_precision", e.DatePrecision);
        writer.WriteString("trigger", e.Trigger);
        writer.WriteNumber("trigger_start", e.TriggerStart);
        writer.WriteNumber("trigger_end", e.TriggerEnd);
        WriteParticipants(writer, "actors", e.Actors);
        WriteParticipants(writer, "recipients", e.Recipients);
        writer.WriteString("location", e.Location);
        writer.WriteString("place_name", e.PlaceName);
        writer.WriteString("admin1", e.Admin1);
        writer.WriteString("country", e.Country);
        Number(writer, "lat", e.Lat);
        Number(writer, "lon", e.Lon);
        writer.WriteString("geo_precision", e.GeoPrecision);
        Number(writer, "dead", e.Dead);
        Number(writer, "injured", e.Injured);
        writer.WriteString("reporter", e.Reporter);
        writer.WriteNumber("sentence", e.Sentence);
        writer.WriteString("sentence_text", e.SentenceText);
        writer.WriteNumber("confidence", e.Confidence);
        writer.WriteString("article_title", e.ArticleTitle);
        writer.WriteString("article_url", e.ArticleUrl);
        writer.WriteString("article_source", e.ArticleSource);
        writer.WriteString("article_published", e.ArticlePublished);
        writer.WriteNumber("sources", e.Sources);
        writer.WriteStartArray("reports");
        foreach (EventReportRecord report in e.Reports)
        {
            writer.WriteStartObject();
            writer.WriteString("article_id", report.ArticleId);
            writer.WriteString("event_id", report.EventId);
            writer.WriteString("trigger", report.Trigger);
            writer.WriteNumber("trigger_start", report.TriggerStart);
            writer.WriteNumber("trigger_end", report.TriggerEnd);
            writer.WriteNumber("sentence", report.Sentence);
            writer.WriteString("article_source", report.ArticleSource);
            writer.WriteString("article_published", report.ArticlePublished);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// A CSV cell (RFC 4180: quoted when it holds a comma, a quote or a line break, quotes doubled). A text cell
    /// starting with = + - @ (or a tab or carriage return) gets a leading apostrophe, so a spreadsheet shows it as text
    /// instead of running it as a formula ("=HYPERLINK(…)" in an article title). Numbers are written as they are.
    /// </summary>
    public static string CsvCell(string? text, bool number = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (!number && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>
    /// ACLED's inter code for a participant, approximated from its PLOVER sector: 1 state forces (GOV, MIL, police,
    /// JUD, LEG), 2 rebels (REB), 6 protesters (civilians who protest), 7 civilians (CVL), 8 others (IGO, NGO, BUS …).
    /// </summary>
    public static int? InterCode(ParticipantRecord? participant, string eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return participant?.Sector?.ToUpperInvariant() switch
        {
            null => null,
            "GOV" or "MIL" or "COP" or "JUD" or "LEG" => 1,
            "REB" or "INS" => 2,
            "CVL" or "PPL" => string.Equals(eventType, "PROTEST", StringComparison.OrdinalIgnoreCase) ? 6 : 7,
            _ => 8,
        };
    }

    /// <summary>The id of an event in the CSV: the country it happened in (XX when unknown), the article id and the event id.</summary>
    public static string EventIdCnty(EventRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return $"{e.Country ?? "XX"}-{e.ArticleId}-{e.EventId}";
    }

    private static async Task WriteCsvAsync(IReadOnlyList<EventRecord> events, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        await writer.WriteAsync(string.Join(',', CsvColumns)).ConfigureAwait(false);
        await writer.WriteAsync('\n').ConfigureAwait(false);
        var line = new StringBuilder();
        foreach (EventRecord e in events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimexRange? range = TimexRange.Parse(e.Date);
            ParticipantRecord? actor1 = e.Actors.FirstOrDefault(), actor2 = e.Recipients.FirstOrDefault();
            string?[] text =
            [
                EventIdCnty(e), range?.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, null, e.AcledEventType, e.AcledSubEventType,
                actor1?.Text, string.Join("; ", e.Actors.Skip(1).Select(a => a.Text)), null,
                actor2?.Text, string.Join("; ", e.Recipients.Skip(1).Select(a => a.Text)), null,
                e.Country, e.Admin1, e.PlaceName ?? e.Location, null, null, null, e.ArticleSource,
                e.SentenceText, null, null, e.Type, e.Mode, e.CameoRoot, e.Modality, e.Reporter, null,
                e.ArticleId, e.EventId, e.ArticleTitle, e.ArticleUrl, e.ArticlePublished, null,
            ];
            string?[] numbers =
            [
                null, null, range?.First.Year.ToString(CultureInfo.InvariantCulture), TimePrecision(e.DatePrecision), null, null,
                null, null, Number(InterCode(actor1, e.Type)), null, null, Number(InterCode(actor2, e.Type)),
                null, null, null, Number(e.Lat), Number(e.Lon), GeoPrecision(e.GeoPrecision), null,
                null, Number(e.Dead), Number(e.Injured), null, null, null, null, null, Number(e.Confidence),
                null, null, null, null, null, Number(e.Sources),
            ];
            line.Clear();
            for (int i = 0; i < text.Length; i++)
            {
                if (i > 0)
                {
                    line.Append(',');
                }

                line.Append(numbers[i] is string n ? CsvCell(n, number: true) : CsvCell(text[i]));
            }

            line.Append('\n');
            await writer.WriteAsync(line, cancellationToken).ConfigureAwait(false);
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteGeoJsonAsync(IReadOnlyList<EventRecord> events, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        writer.WriteStartArray("features");
        int without = 0;
        foreach (EventRecord e in events)
        {
            if (e.Lat is not double lat || e.Lon is not double lon)
            {
                without++;
                continue;
            }

            writer.WriteStartObject();
            writer.WriteString("type", "Feature");
            writer.WriteString("id", e.ArticleId + "/" + e.EventId);
            writer.WriteStartObject("geometry");
            writer.WriteString("type", "Point");
            writer.WriteStartArray("coordinates");
            writer.WriteNumberValue(lon);
            writer.WriteNumberValue(lat);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WritePropertyName("properties");
            WriteEvent(writer, e);
            writer.WriteEndObject();
            await Flush(writer, cancellationToken).ConfigureAwait(false);
        }

        writer.WriteEndArray();
        // A foreign member (RFC 7946 §6.1): how many of the events asked for had no coordinates and are left out.
        writer.WriteNumber("events_without_coordinates", without);
        writer.WriteEndObject();
    }

    private static async Task Flush(Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        if (writer.BytesPending > 1 << 15)
        {
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void WriteParticipants(Utf8JsonWriter writer, string name, ImmutableArray<ParticipantRecord> participants)
    {
        writer.WriteStartArray(name);
        foreach (ParticipantRecord p in participants)
        {
            writer.WriteStartObject();
            writer.WriteString("text", p.Text);
            writer.WriteString("country", p.Country);
            writer.WriteString("sector", p.Sector);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is double number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is int number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>ACLED's time_precision: 1 the day is known, 2 the week, 3 the month or wider.</summary>
    private static string? TimePrecision(string? precision) => precision switch
    {
        "day" => "1",
        "week" => "2",
        "month" or "year" => "3",
        _ => null,
    };

    /// <summary>ACLED's geo_precision: 1 a town or a point, 2 a region (part of an admin area), 3 a country or larger.</summary>
    private static string? GeoPrecision(string? precision) => precision switch
    {
        "point" or "city" => "1",
        "region" => "2",
        "country" => "3",
        _ => null,
    };
}

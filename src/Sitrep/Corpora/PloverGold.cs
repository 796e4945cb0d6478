using System.Text.Json;

namespace Sitrep.Corpora;

/// <summary>A coded actor of a PLOVER gold record: its country code (ISO alpha-3, IGO …) and sector, either possibly null, and the words it was coded from.</summary>
public sealed record PloverActor(string? Code, string? Sector, string? Text = null);

/// <summary>One PLOVER gold record: an English sentence, its event type, the event words, and the coded sources and targets.</summary>
public sealed record PloverRecord(string Id, string Text, string Event, IReadOnlyList<string> EventWords, IReadOnlyList<PloverActor> Sources, IReadOnlyList<PloverActor> Targets, DateOnly? Date);

/// <summary>
/// Reads the PLOVER gold standard records (<c>events/plover/PLOVER_GSR_CAMEO.part1.json</c>: example sentences of the CAMEO
/// manual coded in PLOVER, CC BY-SA 4.0; evaluation only). The event words are read from the markup's <c>(EVT: …)</c>
/// parts; records without text (the documentation record) are skipped.
/// </summary>
public static class PloverGold
{
    public const string File = "events/plover/PLOVER_GSR_CAMEO.part1.json";

    public static IReadOnlyList<PloverRecord> Load(string corpora)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        using var json = JsonDocument.Parse(System.IO.File.ReadAllBytes(Path.Combine(corpora, File)));
        var records = new List<PloverRecord>();
        foreach (JsonElement record in json.RootElement.EnumerateArray())
        {
            if (!record.TryGetProperty("text", out JsonElement text) || text.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            string markup = record.TryGetProperty("textInfo", out JsonElement info) && info.TryGetProperty("markup", out JsonElement m) ? m.GetString() ?? "" : "";
            records.Add(new PloverRecord(
                record.GetProperty("id").GetString()!,
                text.GetString()!,
                record.GetProperty("event").GetString()!,
                EventWords(markup),
                Actors(record, "source"),
                Actors(record, "target"),
                record.TryGetProperty("date", out JsonElement date) && DateOnly.TryParse(date.GetString(), System.Globalization.CultureInfo.InvariantCulture, out DateOnly d) ? d : null));
        }

        return records;
    }

    private static List<string> EventWords(string markup)
    {
        var words = new List<string>();
        for (int at = markup.IndexOf("(EVT:", StringComparison.Ordinal); at >= 0; at = markup.IndexOf("(EVT:", at + 1, StringComparison.Ordinal))
        {
            int end = markup.IndexOf(')', at);
            if (end > at)
            {
                words.Add(markup[(at + 5)..end].Trim());
            }
        }

        return words;
    }

    private static List<PloverActor> Actors(JsonElement record, string field)
    {
        var actors = new List<PloverActor>();
        if (record.TryGetProperty(field, out JsonElement list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement actor in list.EnumerateArray())
            {
                string? code = actor.TryGetProperty("code", out JsonElement c) ? c.GetString() : null;
                string? sector = actor.TryGetProperty("sector", out JsonElement s) ? s.GetString() : null;
                string? text = actor.TryGetProperty("actorText", out JsonElement t) ? t.GetString() : null;
                actors.Add(new PloverActor(string.IsNullOrEmpty(code) ? null : code, string.IsNullOrEmpty(sector) ? null : sector, text));
            }
        }

        return actors;
    }
}

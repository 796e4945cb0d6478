using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace Sitrep.Storage;

/// <summary>
/// What every relational backend reads the same way: the article and event columns its queries select (in the
/// order documented on each method), and its versioned schema files.
/// </summary>
public static class StoreRows
{
    public static string? NullableString(this DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    /// <summary>
    /// Columns: id, title, url, source, language, published, sentences, entities, events, content hash, duplicate of,
    /// duplicate similarity.
    /// </summary>
    public static ArticleSummary ReadArticleSummary(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new ArticleSummary(
            reader.GetString(0), reader.NullableString(1), reader.NullableString(2), reader.NullableString(3), reader.GetString(4),
            reader.NullableString(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8), reader.GetString(9),
            reader.NullableString(10), reader.IsDBNull(11) ? null : reader.GetDouble(11));
    }

    /// <summary>
    /// The columns <see cref="ReadEvent"/> reads, over <c>events e JOIN articles a ON a.key = e.article
    /// LEFT JOIN places pl ON pl.article = e.article AND pl.id = e.location_place</c>; a backend's own columns follow.
    /// </summary>
    public const string EventColumns = """
        a.id, e.id, e.type, e.mode, e.modality, e.date_value, e.date_precision, e.trigger_text, e.location_text,
        e.place_name, e.country, e.lat, e.lon, e.dead_best, e.injured_best, e.confidence,
        e.cameo_root, e.acled_event_type, e.acled_sub_event_type, pl.admin1, pl.precision, e.reporter_text, e.sentence, e.sentence_text,
        e.trigger_start, e.trigger_end, a.title, a.url, a.source, a.published
        """;

    /// <summary>How many columns <see cref="EventColumns"/> has: the ordinal of a backend's first own column.</summary>
    public const int EventColumnCount = 30;

    /// <summary>The joins <see cref="EventColumns"/> needs.</summary>
    public const string EventTables = """
        events e JOIN articles a ON a.key = e.article LEFT JOIN places pl ON pl.article = e.article AND pl.id = e.location_place
        """;

    /// <summary>Reads the <see cref="EventColumns"/> of a row; participants are the caller's.</summary>
    public static EventRecord ReadEvent(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new EventRecord
        {
            ArticleId = reader.GetString(0),
            EventId = reader.GetString(1),
            Type = reader.GetString(2),
            Mode = reader.NullableString(3),
            Modality = reader.GetString(4),
            Date = reader.NullableString(5),
            DatePrecision = reader.NullableString(6),
            Trigger = reader.GetString(7),
            Location = reader.NullableString(8),
            PlaceName = reader.NullableString(9),
            Country = reader.NullableString(10),
            Lat = reader.IsDBNull(11) ? null : reader.GetDouble(11),
            Lon = reader.IsDBNull(12) ? null : reader.GetDouble(12),
            Dead = reader.IsDBNull(13) ? null : reader.GetInt32(13),
            Injured = reader.IsDBNull(14) ? null : reader.GetInt32(14),
            Confidence = reader.GetDouble(15),
            CameoRoot = reader.NullableString(16),
            AcledEventType = reader.NullableString(17),
            AcledSubEventType = reader.NullableString(18),
            Admin1 = reader.NullableString(19),
            GeoPrecision = reader.NullableString(20),
            Reporter = reader.NullableString(21),
            Sentence = reader.GetInt32(22),
            SentenceText = reader.NullableString(23),
            TriggerStart = reader.GetInt32(24),
            TriggerEnd = reader.GetInt32(25),
            ArticleTitle = reader.NullableString(26),
            ArticleUrl = reader.NullableString(27),
            ArticleSource = reader.NullableString(28),
            ArticlePublished = reader.NullableString(29),
        };
    }

    /// <summary>The columns <see cref="ReadReport"/> reads, over <c>events e JOIN articles a ON a.key = e.article</c>.</summary>
    public const string ReportColumns = "a.id, e.id, e.trigger_text, e.trigger_start, e.trigger_end, e.sentence, a.source, a.published";

    /// <summary>Reads the <see cref="ReportColumns"/> of a row, from <paramref name="first"/> on.</summary>
    /// <param name="reader">A row with the report columns.</param>
    /// <param name="first">The ordinal of the first of them.</param>
    public static EventReportRecord ReadReport(DbDataReader reader, int first)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new EventReportRecord(reader.GetString(first), reader.GetString(first + 1), reader.GetString(first + 2), reader.GetInt32(first + 3),
            reader.GetInt32(first + 4), reader.GetInt32(first + 5))
        {
            ArticleSource = reader.NullableString(first + 6),
            ArticlePublished = reader.NullableString(first + 7),
        };
    }

    /// <summary>A listed event's own report: the first of its merged event's reports.</summary>
    /// <param name="e">A listed event.</param>
    public static EventReportRecord OwnReport(EventRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new EventReportRecord(e.ArticleId, e.EventId, e.Trigger, e.TriggerStart, e.TriggerEnd, e.Sentence)
        {
            ArticleSource = e.ArticleSource,
            ArticlePublished = e.ArticlePublished,
        };
    }

    /// <summary>Columns: name, type, country, articles, mentions.</summary>
    public static EntitySummary ReadEntity(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new EntitySummary(reader.GetString(0), reader.GetString(1), reader.NullableString(2), reader.GetInt32(3), reader.GetInt32(4));
    }

    /// <summary>Columns: name, country, admin1, geonames id, lat, lon, precision, articles, events.</summary>
    public static PlaceSummary ReadPlace(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new PlaceSummary(
            reader.GetString(0), reader.NullableString(1), reader.NullableString(2), reader.IsDBNull(3) ? null : reader.GetInt64(3),
            reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.NullableString(6),
            reader.GetInt32(7), reader.GetInt32(8));
    }

    /// <summary>The text of an event's sentence, as stored beside the event for exports (ACLED's notes); null when out of range.</summary>
    public static string? SentenceText(Serialization.SitrepDocumentModel model, int sentence)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (sentence < 0 || sentence >= model.Sentences.Length)
        {
            return null;
        }

        Serialization.SentenceModel s = model.Sentences[sentence];
        return s.Start >= 0 && s.End <= model.Text.Length && s.Start <= s.End ? model.Text[s.Start..s.End] : null;
    }

    /// <summary>
    /// The most days after its first that an event's date may cover and still be found by the exact range on
    /// <c>first_day</c> (a day, a week); an event covering more (a month, a year) is stored with <c>long_span</c> set.
    /// </summary>
    public const int ShortSpanDays = 6;

    /// <summary>Whether an event dated <paramref name="range"/> is stored with <c>long_span</c> set (see <see cref="ShortSpanDays"/>).</summary>
    /// <param name="range">The days the event's date covers, if any.</param>
    public static bool IsLongSpan(TimexRange? range) => range is { } r && r.Last.DayNumber - r.First.DayNumber > ShortSpanDays;

    /// <summary>The embedded schema files <c>&lt;prefix&gt;NNN_name.sql</c> of a backend's assembly, by version.</summary>
    public static ImmutableArray<(int Version, string Name, string Sql)> LoadMigrations(Assembly assembly, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(resourcePrefix);
        var migrations = new List<(int Version, string Name, string Sql)>();
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(resourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            string name = resource[resourcePrefix.Length..^".sql".Length];
            int underscore = name.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(name.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out int version))
            {
                throw new InvalidOperationException($"migration '{resource}' is not named NNN_name.sql");
            }

            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add((version, name, reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        return [.. migrations];
    }
}

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
    /// Columns: article id, event id, type, mode, modality, date, date precision, trigger, location text, place name,
    /// country, lat, lon, dead, injured, confidence; participants are the caller's.
    /// </summary>
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
        };
    }

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

using System.Text;
using Npgsql;

namespace Sitrep.Storage.Postgres;

/// <summary>
/// Reads where a PostgreSQL store is: a libpq-style URI (<c>postgres://user:password@host:5432/db?sslmode=require&amp;search_path=news</c>)
/// or an Npgsql connection string (<c>Host=…;Database=…</c>), and says it back without the password.
/// Query parameters are Npgsql keywords, with libpq's spellings accepted (<c>sslmode</c>, <c>search_path</c>, <c>connect_timeout</c>).
/// </summary>
internal static class PostgresConnectionString
{
    public static bool IsPostgres(string location) =>
        location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || location.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>Throws <see cref="DocumentStoreException"/> (never showing the password) when the location cannot be read.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (!location.Contains("://", StringComparison.Ordinal))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(location);
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw new DocumentStoreException($"not a PostgreSQL connection string: {e.Message}");
            }
        }

        if (!IsPostgres(location) || !Uri.TryCreate(location, UriKind.Absolute, out Uri? uri))
        {
            throw new DocumentStoreException("not a PostgreSQL URI (expected postgres://user:password@host:port/database)");
        }

        // postgres:///news names no host: libpq then uses its socket, Npgsql needs one, so it is the local machine.
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Length > 0 ? uri.Host.Trim('[', ']') : "localhost" };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            int colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        string database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (string pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            string value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            string keyword = key.ToLowerInvariant() switch
            {
                "sslmode" => "SSL Mode",
                "connect_timeout" => "Timeout",
                "host" => "Host",
                _ => key.Replace('_', ' '),
            };
            try
            {
                builder[keyword] = string.Equals(keyword, "SSL Mode", StringComparison.Ordinal) ? value.Replace("-", "", StringComparison.Ordinal) : value;
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw new DocumentStoreException($"PostgreSQL URI: option '{key}' is not understood ({e.Message})");
            }
        }

        return builder;
    }

    /// <summary>What to show the user: <c>postgres://user@host:port/database</c>, the search path if one is set, never the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        var text = new StringBuilder("postgres://");
        if (!string.IsNullOrEmpty(builder.Username))
        {
            text.Append(Uri.EscapeDataString(builder.Username)).Append('@');
        }

        string host = builder.Host ?? "localhost";
        text.Append(host.Contains(':', StringComparison.Ordinal) && !host.Contains(',', StringComparison.Ordinal) ? $"[{host}]" : Uri.EscapeDataString(host))
            .Append(':').Append(builder.Port).Append('/');
        if (!string.IsNullOrEmpty(builder.Database))
        {
            text.Append(Uri.EscapeDataString(builder.Database));
        }

        if (!string.IsNullOrEmpty(builder.SearchPath))
        {
            text.Append("?search_path=").Append(Uri.EscapeDataString(builder.SearchPath));
        }

        return text.ToString();
    }

    /// <summary><see cref="Describe(NpgsqlConnectionStringBuilder)"/> of a location given as text; one that cannot be read is shown as a placeholder, not echoed.</summary>
    public static string Describe(string location)
    {
        try
        {
            return Describe(Parse(location));
        }
        catch (DocumentStoreException)
        {
            return "postgres://(unreadable location)";
        }
    }
}

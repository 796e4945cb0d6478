using System.CommandLine;
using Sitrep.Storage;
using Sitrep.Storage.Postgres;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Cli.Commands;

/// <summary>
/// Which store a command uses: <c>--store</c>, else <c>SITREP_STORE</c>, else <c>sitrep.db</c> in the current
/// directory. A <c>postgres://</c> or <c>postgresql://</c> URI, or an Npgsql connection string (<c>Host=…</c>), is a
/// PostgreSQL store; anything else (or <c>sqlite:PATH</c>) is a SQLite file path.
/// </summary>
internal static class StoreLocation
{
    public const string EnvironmentVariable = "SITREP_STORE";
    public const string DefaultPath = "sitrep.db";

    public static Option<string?> CreateOption() => new("--store")
    {
        Description = $"The store: a SQLite file path or a postgres:// URI (default: ${EnvironmentVariable}, else ./{DefaultPath}).",
    };

    public static string Resolve(string? option) =>
        !string.IsNullOrWhiteSpace(option) ? option
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : DefaultPath;

    /// <summary>Opens the store; throws <see cref="DocumentStoreException"/> for a location no backend here can open.</summary>
    public static IDocumentStore Open(string location)
    {
        if (PostgresDocumentStore.IsPostgresLocation(location))
        {
            return new PostgresDocumentStore(location);
        }

        string path = location.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? location["sqlite:".Length..] : location;
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        return directory is not null && !Directory.Exists(directory)
            ? throw new DocumentStoreException($"{location}: the folder {directory} does not exist")
            : new SqliteDocumentStore(path);
    }

    /// <summary>The location as messages may show it: a PostgreSQL location without its password.</summary>
    public static string Describe(string location) =>
        PostgresDocumentStore.IsPostgresLocation(location) ? PostgresDocumentStore.DescribeLocation(location) : location;

    /// <summary>Parses a --since/--until day; null when absent.</summary>
    public static bool TryParseDay(string? value, string option, out DateOnly? day, out string? error)
    {
        day = null;
        error = null;
        if (value is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out DateOnly parsed))
        {
            day = parsed;
            return true;
        }

        error = $"{option}: not a day: '{value}' (expected yyyy-MM-dd, e.g. 2022-05-14)";
        return false;
    }
}

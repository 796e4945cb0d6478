using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Sitrep.Storage.Sqlite;

/// <summary>
/// Applies the embedded <c>Migrations/NNN_name.sql</c> scripts above the version recorded in <c>schema_version</c>,
/// each in its own IMMEDIATE transaction with its version row, so two processes migrating at once apply each
/// script once and a kill mid-way leaves the previous version intact.
/// </summary>
internal static class SqliteMigrator
{
    private const string ResourcePrefix = "Sitrep.Storage.Sqlite.Migrations.";

    public static ImmutableArray<(int Version, string Name, string Sql)> Migrations { get; } = StoreRows.LoadMigrations(typeof(SqliteMigrator).Assembly, ResourcePrefix);

    public static int LatestVersion => Migrations.IsEmpty ? 0 : Migrations[^1].Version;

    public static MigrationResult Migrate(SqliteConnection connection)
    {
        using (SqliteCommand wal = connection.CreateCommand())
        {
            // WAL is a property of the file: readers go on while one writer commits.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        Execute(connection, null, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
            );
            """);

        int from = CurrentVersion(connection, null);
        if (from > LatestVersion)
        {
            throw new DocumentStoreException(
                $"the store's schema is version {from}, newer than this sitrep knows ({LatestVersion}); use a newer sitrep");
        }

        var applied = ImmutableArray.CreateBuilder<string>();
        foreach ((int version, string name, string sql) in Migrations)
        {
            using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
            if (CurrentVersion(connection, transaction) >= version)
            {
                continue;
            }

            Execute(connection, transaction, sql);
            using SqliteCommand record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, name) VALUES ($version, $name);";
            record.Parameters.AddWithValue("$version", version);
            record.Parameters.AddWithValue("$name", name);
            record.ExecuteNonQuery();
            transaction.Commit();
            applied.Add(name);
        }

        return new MigrationResult(from, CurrentVersion(connection, null), applied.ToImmutable());
    }

    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

using System.Collections.Immutable;
using System.Globalization;
using Npgsql;

namespace Sitrep.Storage.Postgres;

/// <summary>
/// Applies the embedded <c>Migrations/NNN_name.sql</c> scripts above the version recorded in <c>schema_version</c>,
/// each in its own transaction with its version row (PostgreSQL's DDL is transactional, so a failed script
/// leaves the previous version intact). A transaction-level advisory lock per schema makes two processes
/// migrating at once take turns, so each script is applied once.
/// </summary>
internal static class PostgresMigrator
{
    private const string ResourcePrefix = "Sitrep.Storage.Postgres.Migrations.";

    private const string LockSql = "SELECT pg_advisory_xact_lock(hashtextextended('sitrep.migrate/' || current_schema(), 0));";

    public static ImmutableArray<(int Version, string Name, string Sql)> Migrations { get; } = StoreRows.LoadMigrations(typeof(PostgresMigrator).Assembly, ResourcePrefix);

    public static int LatestVersion => Migrations.IsEmpty ? 0 : Migrations[^1].Version;

    public static async Task<MigrationResult> MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (await ScalarAsync(connection, "SELECT current_schema();", cancellationToken).ConfigureAwait(false) is not string)
        {
            throw new DocumentStoreException("no schema of the search path exists in this database: create it, or set another search_path");
        }

        int from;
        await using (NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            await ExecuteAsync(connection, LockSql, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_version (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                );
                """, cancellationToken).ConfigureAwait(false);
            from = await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (from > LatestVersion)
        {
            throw new DocumentStoreException(
                $"the store's schema is version {from}, newer than this sitrep knows ({LatestVersion}); use a newer sitrep");
        }

        var applied = ImmutableArray.CreateBuilder<string>();
        foreach ((int version, string name, string sql) in Migrations)
        {
            if (version <= from)
            {
                continue;
            }

            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, LockSql, cancellationToken).ConfigureAwait(false);
            if (await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false) >= version)
            {
                continue;
            }

            await ExecuteAsync(connection, sql, cancellationToken).ConfigureAwait(false);
            await using (var record = new NpgsqlCommand("INSERT INTO schema_version (version, name) VALUES ($1, $2);", connection))
            {
                record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
                record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            applied.Add(name);
        }

        return new MigrationResult(from, await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false), applied.ToImmutable());
    }

    public static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        Convert.ToInt32(await ScalarAsync(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version;", cancellationToken).ConfigureAwait(false),
            CultureInfo.InvariantCulture);

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

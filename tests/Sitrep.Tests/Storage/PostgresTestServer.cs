using System.Net.Sockets;
using Npgsql;
using Sitrep.Storage.Postgres;

namespace Sitrep.Tests.Storage;

/// <summary>
/// The PostgreSQL server the store tests use: the connection string in <c>SITREP_TEST_POSTGRES</c>, each test in a
/// fresh schema of that database, dropped afterwards. Without the variable the tests are reported skipped, with
/// the reason; in CI (<c>CI=true</c>) or with <c>SITREP_REQUIRE_POSTGRES=1</c> they fail instead, and a server
/// that is named but cannot be reached always fails them: a store test never passes without having run.
/// </summary>
internal static class PostgresTestServer
{
    public const string Variable = "SITREP_TEST_POSTGRES";

    public static bool Required =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Environment.GetEnvironmentVariable("SITREP_REQUIRE_POSTGRES"), "1", StringComparison.Ordinal);

    /// <summary>Skips the calling test (or fails it when a server is required) when no server is configured.</summary>
    public static string ConnectionString
    {
        get
        {
            string? connectionString = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                const string reason = $"{Variable} is unset (an Npgsql connection string to a database the tests may create schemas in)";
                if (Required)
                {
                    Assert.Fail($"{reason}, but CI or SITREP_REQUIRE_POSTGRES=1 requires the PostgreSQL store tests: .ci/run starts a server");
                }

                Assert.Skip($"{reason}: PostgreSQL store test skipped");
            }

            return connectionString;
        }
    }

    /// <summary>Creates an empty schema and returns a connection string whose search path is that schema alone.</summary>
    public static async Task<(string Schema, string ConnectionString)> CreateSchemaAsync(CancellationToken cancellationToken)
    {
        string connectionString = ConnectionString;
        string schema = "sitrep_test_" + Guid.NewGuid().ToString("N");
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema};", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            Assert.Fail($"{Variable} names {PostgresConnectionString.Describe(connectionString)}, which cannot be used: {e.Message}");
        }

        return (schema, new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ConnectionString);
    }

    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE;", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One value from a statement run in <paramref name="connectionString"/>'s search path.</summary>
    public static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}

using System.CommandLine;
using System.Data.Common;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep db migrate|info</c>: the store's schema and what it holds.</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var migrateStore = StoreLocation.CreateOption();
        var migrate = new Command("migrate", "Create the store, or bring its schema to the newest version (also done on first use).") { migrateStore };
        migrate.SetAction((parse, cancellationToken) => Migrate(StoreLocation.Resolve(parse.GetValue(migrateStore)), cancellationToken));

        var infoStore = StoreLocation.CreateOption();
        var info = new Command("info", "Print the store's schema version and how many articles, entities, events … it holds.") { infoStore };
        info.SetAction((parse, cancellationToken) => Info(StoreLocation.Resolve(parse.GetValue(infoStore)), cancellationToken));

        var checkStore = StoreLocation.CreateOption();
        var check = new Command("check", "Check the store's integrity (SQLite: PRAGMA integrity_check); prints ok or the problems.") { checkStore };
        check.SetAction((parse, cancellationToken) => Check(StoreLocation.Resolve(parse.GetValue(checkStore)), cancellationToken));

        return new Command("db", "Manage the store.") { migrate, info, check };
    }

    private static async Task<int> Migrate(string location, CancellationToken cancellationToken)
    {
        try
        {
            await using IDocumentStore store = StoreLocation.Open(location);
            MigrationResult result = await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            string applied = result.Applied.IsEmpty ? "already up to date" : "applied " + string.Join(", ", result.Applied);
            Console.Out.WriteLine($"{store.Location}: schema version {result.ToVersion} ({applied})");
            return CliExit.Success;
        }
        catch (Exception e) when (e is DocumentStoreException or DbException or IOException or UnauthorizedAccessException)
        {
            return CliExit.Fail($"{StoreLocation.Describe(location)}: {e.Message}");
        }
    }

    private static async Task<int> Info(string location, CancellationToken cancellationToken)
    {
        try
        {
            await using IDocumentStore store = StoreLocation.Open(location);
            StoreSummary s = await store.GetSummaryAsync(cancellationToken).ConfigureAwait(false);
            Console.Out.WriteLine($"{store.Location}: schema version {s.SchemaVersion}");
            Console.Out.WriteLine($"articles {s.Articles}, sentences {s.Sentences}, entities {s.Entities}, places {s.Places}, times {s.Times}, quotes {s.Quotes}, events {s.Events}");
            return CliExit.Success;
        }
        catch (Exception e) when (e is DocumentStoreException or DbException or IOException or UnauthorizedAccessException)
        {
            return CliExit.Fail($"{StoreLocation.Describe(location)}: {e.Message}");
        }
    }

    private static async Task<int> Check(string location, CancellationToken cancellationToken)
    {
        try
        {
            await using IDocumentStore store = StoreLocation.Open(location);
            string result = await store.CheckIntegrityAsync(cancellationToken).ConfigureAwait(false);
            Console.Out.WriteLine(result);
            return string.Equals(result, "ok", StringComparison.Ordinal) ? CliExit.Success : CliExit.Fail($"{store.Location}: integrity check failed");
        }
        catch (Exception e) when (e is DocumentStoreException or DbException or IOException or UnauthorizedAccessException)
        {
            return CliExit.Fail($"{StoreLocation.Describe(location)}: {e.Message}");
        }
    }
}

using System.CommandLine;
using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Sitrep.Server;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep serve [--store PATH] [--urls URL] [--api-key-file F] [--cors-origin ORIGIN]</c>: the HTTP API and the web
/// page over one store, on loopback unless told otherwise. Writes need the API key (<c>--api-key-file</c>, else
/// <c>SITREP_API_KEY</c>); without one the server reads only.
/// </summary>
internal static class ServeCommand
{
    public const string ApiKeyVariable = "SITREP_API_KEY";

    public static Command Create()
    {
        var store = StoreLocation.CreateOption();
        var urls = new Option<string>("--urls") { Description = "Where to listen (default http://127.0.0.1:5080: this machine only).", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var keyFile = new Option<FileInfo?>("--api-key-file") { Description = $"A file whose first line is the API key writes need (else ${ApiKeyVariable}; neither: read only)." };
        var cors = new Option<string[]>("--cors-origin") { Description = "An origin allowed to call the API from a browser (repeatable; default none).", AllowMultipleArgumentsPerToken = false };
        var command = new Command("serve", "Serve the HTTP API and the web page over the store.") { store, urls, keyFile, cors };
        command.SetAction((parse, cancellationToken) =>
            Run(StoreLocation.Resolve(parse.GetValue(store)), parse.GetValue(urls)!, parse.GetValue(keyFile), parse.GetValue(cors) ?? [], cancellationToken));
        return command;
    }

    private static async Task<int> Run(string location, string urls, FileInfo? keyFile, string[] corsOrigins, CancellationToken cancellationToken)
    {
        string? key;
        try
        {
            key = keyFile is not null ? File.ReadLines(keyFile.FullName).FirstOrDefault()?.Trim() : Environment.GetEnvironmentVariable(ApiKeyVariable)?.Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CliExit.Fail($"--api-key-file: {e.Message}");
        }

        if (keyFile is not null && string.IsNullOrEmpty(key))
        {
            return CliExit.Fail($"--api-key-file: {keyFile.FullName} holds no key");
        }

        var options = new SitrepServerOptions
        {
            Urls = urls,
            ApiKeyHash = string.IsNullOrEmpty(key) ? default : SitrepServerOptions.HashApiKey(key),
            CorsOrigins = [.. corsOrigins],
        };

        try
        {
            await using IDocumentStore store = StoreLocation.Open(location);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            await using WebApplication app = SitrepServer.Build(store, options);
            Console.Error.WriteLine($"sitrep: serving {StoreLocation.Describe(location)} on {urls}; "
                + (options.ApiKeyHash.IsDefaultOrEmpty ? $"read only (no API key: --api-key-file or ${ApiKeyVariable})" : "writes need the X-Api-Key header"));
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return CliExit.Success;
        }
        catch (Exception e) when (e is DocumentStoreException or DbException or IOException or UnauthorizedAccessException)
        {
            return CliExit.Fail($"{StoreLocation.Describe(location)}: {e.Message}");
        }
    }
}

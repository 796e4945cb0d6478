using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Sitrep.Storage;
using Sitrep.Storage.Exports;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep events [filters] [--format table|json|jsonl|csv|geojson]</c>: stored events, filtered by the same names as
/// <c>GET /api/events</c> (<see cref="EventQueryParameters"/>), as a table or an export.
/// </summary>
internal static class EventsCommand
{
    public static Command Create()
    {
        var store = StoreLocation.CreateOption();
        var format = new Option<string>("--format") { Description = "table (default), json, jsonl, csv (ACLED-like columns) or geojson.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "jsonl", "csv", "geojson");
        var filters = EventQueryParameters.All.Select(p => (p.Name, Option: new Option<string?>("--" + p.Name) { Description = p.Description })).ToArray();

        var command = new Command("events", "List stored events (who did what to whom, where, when), filtered, as a table or an export.") { store, format };
        foreach ((_, Option<string?> option) in filters)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) =>
        {
            EventQuery? query = EventQueryParameters.TryParse(
                name => parse.GetValue(filters.First(f => f.Name == name).Option), out IReadOnlyDictionary<string, string[]> errors);
            if (query is null)
            {
                (string name, string[] messages) = errors.First();
                return Task.FromResult(CliExit.Fail($"--{name}: {messages[0]}"));
            }

            return Run(StoreLocation.Resolve(parse.GetValue(store)), query, parse.GetValue(format)!, cancellationToken);
        });
        return command;
    }

    private static async Task<int> Run(string location, EventQuery query, string format, CancellationToken cancellationToken)
    {
        IReadOnlyList<EventRecord> events;
        try
        {
            await using IDocumentStore store = StoreLocation.Open(location);
            events = await store.FindEventsAsync(query, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DocumentStoreException or DbException or IOException or UnauthorizedAccessException)
        {
            return CliExit.Fail($"{StoreLocation.Describe(location)}: {e.Message}");
        }

        if (EventExportFormats.Parse(format) is EventExportFormat export)
        {
            await using Stream stdout = Console.OpenStandardOutput();
            await EventExporter.WriteAsync(events, export, stdout, query.Offset, cancellationToken).ConfigureAwait(false);
            if (export is EventExportFormat.Json or EventExportFormat.GeoJson)
            {
                stdout.WriteByte((byte)'\n');
            }

            return CliExit.Success;
        }

        var table = new Table().AddColumns("date", "type", "actors", "recipients", "place", "dead", "modality", "sources", "article");
        foreach (EventRecord e in events)
        {
            table.AddRow(
                Cell(e.Date), Cell(e.Type), Cell(string.Join("; ", e.Actors.Select(a => a.Text))), Cell(string.Join("; ", e.Recipients.Select(a => a.Text))),
                Cell(e.PlaceName ?? e.Location), Cell(e.Dead?.ToString(CultureInfo.InvariantCulture)), Cell(e.Modality),
                Cell(e.Sources.ToString(CultureInfo.InvariantCulture)), Cell(e.ArticleId + " " + e.EventId));
        }

        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"{events.Count} events" + (events.Count == query.Limit ? $" (the first {query.Limit}: --limit and --offset for more)" : ""));
        return CliExit.Success;
    }

    private static Text Cell(string? text) => new(text ?? "");
}

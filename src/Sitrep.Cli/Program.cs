using System.CommandLine;
using System.Globalization;
using Sitrep.Cli.Commands;

// Output never depends on the machine's culture (number and date formatting in reports).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var root = new RootCommand("Sitrep: news articles to a structured, geocoded, dated, source-attributed record of events.")
{
    ExtractCommand.Create(),
    IngestCommand.Create(),
    WorkerCommand.Create(),
    ArticlesCommand.Create(),
    EventsCommand.Create(),
    ServeCommand.Create(),
    DbCommand.Create(),
    GazetteerCommand.Create(),
    EvalCommand.Create(),
    TrainCommand.Create(),
};

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);

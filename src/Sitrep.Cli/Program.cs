using System.CommandLine;
using Sitrep.Cli.Commands;

var root = new RootCommand("Sitrep: news articles to a structured, geocoded, dated, source-attributed record of events.")
{
    ExtractCommand.Create(),
    EvalCommand.Create(),
    TrainCommand.Create(),
};

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);

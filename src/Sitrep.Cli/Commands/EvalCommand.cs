using System.CommandLine;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval …</c>: measures a stage on annotated corpora and prints its scores.</summary>
internal static class EvalCommand
{
    public static Command Create() => new("eval", "Measure a stage on annotated corpora (../shared/corpora).")
    {
        EvalLangidCommand.Create(),
        EvalTimeCommand.Create(),
        EvalSegmentCommand.Create(),
        EvalPosCommand.Create(),
        EvalLemmaCommand.Create(),
        EvalNerCommand.Create(),
        EvalDepCommand.Create(),
        EvalGeoCommand.Create(),
        EvalQuotesCommand.Create(),
        EvalDedupCommand.Create(),
        EvalEventsCommand.Create(),
    };
}

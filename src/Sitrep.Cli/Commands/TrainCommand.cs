using System.CommandLine;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep train …</c>: rebuilds a shipped model from the corpora, reproducibly.</summary>
internal static class TrainCommand
{
    public static Command Create() => new("train", "Train a model from ../shared/corpora and write it under models/.")
    {
        TrainLangidCommand.Create(),
        TrainClustersCommand.Create(),
        TrainLemmaCommand.Create(),
        TrainPosCommand.Create(),
        TrainNerCommand.Create(),
        TrainDepCommand.Create(),
    };
}

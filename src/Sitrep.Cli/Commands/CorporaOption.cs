using System.CommandLine;
using Sitrep.Corpora;

namespace Sitrep.Cli.Commands;

/// <summary>The <c>--corpora</c> option every train and eval command takes, and how a train command resolves it.</summary>
internal static class CorporaOption
{
    public static Option<string?> Create() =>
        new("--corpora") { Description = "The corpora folder (default: ../shared/corpora, or $SITREP_CORPORA)." };

    /// <summary>The corpora folder given or found; null after saying why on stderr (the command then returns <see cref="CliExit.Failure"/>).</summary>
    public static string? Require(string? given)
    {
        string? corpora = given ?? CorporaLocator.Find();
        if (corpora is null)
        {
            CliExit.Fail(CorporaLocator.NotFoundMessage);
            return null;
        }

        if (!Directory.Exists(corpora))
        {
            CliExit.Fail($"{corpora}: corpora folder not found");
            return null;
        }

        return corpora;
    }
}

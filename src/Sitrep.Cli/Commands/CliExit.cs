namespace Sitrep.Cli.Commands;

/// <summary>Exit codes shared by every command.</summary>
internal static class CliExit
{
    public const int Success = 0;

    /// <summary>The command could not do its job (bad input, missing file); one line on stderr says why.</summary>
    public const int Failure = 1;

    /// <summary>A batch ran to the end but some of its articles failed (each reported in the output).</summary>
    public const int PartialFailure = 2;

    public static int Fail(string reason)
    {
        Console.Error.WriteLine($"sitrep: {reason}");
        return Failure;
    }
}

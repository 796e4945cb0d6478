namespace Sitrep.Corpora;

/// <summary>
/// Finds the shared corpora folder: <c>$SITREP_CORPORA</c>, else <c>../shared/corpora</c> seen from the
/// current directory or any folder above it or above the program (a clone sits beside <c>shared/</c>).
/// </summary>
public static class CorporaLocator
{
    public const string EnvironmentVariable = "SITREP_CORPORA";

    public static string? Find()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "..", "shared", "corpora");
                if (Directory.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        return null;
    }

    /// <summary>What to say when <see cref="Find"/> finds nothing: how to point Sitrep at the corpora.</summary>
    public const string NotFoundMessage =
        "corpora not found: put the shared folder beside the repository (../shared/corpora) or set " + EnvironmentVariable;

    /// <summary>The corpora folder, or an exception saying how to point Sitrep at it.</summary>
    public static string Require() => Find() ?? throw new DirectoryNotFoundException(NotFoundMessage);
}

using Sitrep.Corpora;

namespace Sitrep.Tests;

/// <summary>Where the tests find the repository, the shared examples and the corpora.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Examples => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "examples"));

    /// <summary>The corpora folder; skips the calling test, saying why, when it is not there.</summary>
    public static string RequireCorpora()
    {
        string? corpora = CorporaLocator.Find();
        Assert.SkipWhen(corpora is null, "../shared/corpora is not beside the repository (or SITREP_CORPORA is unset): corpus test skipped");
        return corpora!;
    }

    /// <summary>The shared example article folder; skips the calling test when it is not there.</summary>
    public static string RequireExamples()
    {
        Assert.SkipUnless(Directory.Exists(Examples), "../shared/examples is not beside the repository: example test skipped");
        return Examples;
    }

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Sitrep.slnx not found above " + AppContext.BaseDirectory);
    }
}

using Sitrep.Corpora;

namespace Sitrep.Cli.Commands;

/// <summary>Resolves the <c>--data</c> files of an eval command: paths, or paths relative to the corpora folder.</summary>
internal static class EvalFiles
{
    public static bool TryResolve(string[] data, IReadOnlyList<string> defaults, string? corporaOption, out List<string> files, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        files = [];
        error = null;
        string? corpora = corporaOption ?? CorporaLocator.Find();
        IReadOnlyList<string> names = data.Length > 0 ? data : defaults;
        if (data.Length == 0 && corpora is null)
        {
            error = "corpora not found (../shared/corpora or $SITREP_CORPORA): give --data files";
            return false;
        }

        foreach (string name in names)
        {
            string path = File.Exists(name) || corpora is null ? name : Path.Combine(corpora, name);
            if (!File.Exists(path))
            {
                error = $"{name}: no such file";
                return false;
            }

            files.Add(path);
        }

        return true;
    }
}

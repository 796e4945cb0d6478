using Sitrep.Articles.Feeds;

namespace Sitrep.Cli.Commands;

/// <summary>Turns the input argument into what to read: one file, every file of a directory, stdin, or an http(s) address.</summary>
internal static class InputFiles
{
    private static readonly HashSet<string> ArticleExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".rss", ".atom", ".rdf", ".opml",
    };

    /// <summary>Files in a stable order (ordinal path order), so a directory always gives the same output.</summary>
    public static List<(string Path, string Origin)> Resolve(string input)
    {
        if (input == "-")
        {
            return [("-", "stdin")];
        }

        if (FeedFetcher.IsAddress(input))
        {
            return [(input, input)];
        }

        if (input.Contains("://", StringComparison.Ordinal))
        {
            throw new IOException($"{input}: only http and https addresses are fetched");
        }

        if (Directory.Exists(input))
        {
            var files = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                .Where(f => ArticleExtensions.Contains(Path.GetExtension(f)))
                .Order(StringComparer.Ordinal)
                .Select(f => (f, f))
                .ToList();
            return files.Count > 0 ? files : throw new IOException($"{input}: no .txt, .html, .jsonl, .rss, .atom or .opml file in this directory");
        }

        return File.Exists(input) ? [(input, input)] : throw new IOException($"{input}: no such file or directory");
    }

    public static byte[] ReadStandardInput()
    {
        using Stream stdin = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        stdin.CopyTo(buffer);
        return buffer.ToArray();
    }
}

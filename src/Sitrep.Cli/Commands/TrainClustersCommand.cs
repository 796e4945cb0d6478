using System.Collections.Immutable;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Sitrep.Tagging.Clusters;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep train clusters --lang fr|en</c>: induces Brown clusters from the corpora's raw text.</summary>
internal static class TrainClustersCommand
{
    public static Command Create()
    {
        var language = new Option<string>("--lang") { Description = "fr or en.", Required = true };
        var clusters = new Option<int>("--clusters") { Description = "Active clusters C (leaves of the hierarchy).", DefaultValueFactory = _ => 512 };
        var minCount = new Option<int>("--min-count") { Description = "Words seen fewer times are not clustered.", DefaultValueFactory = _ => 2 };
        var corpora = CorporaOption.Create();
        var output = new Option<string?>("--output") { Description = "Where to write the model (default: models/clusters-<lang>.tsv.gz)." };
        var command = new Command("clusters", "Induce Brown word clusters (features of the taggers).") { language, clusters, minCount, corpora, output };
        command.SetAction(parse => Run(parse.GetValue(language)!, parse.GetValue(clusters), parse.GetValue(minCount), parse.GetValue(corpora), parse.GetValue(output)));
        return command;
    }

    private static int Run(string language, int clusters, int minCount, string? corporaOption, string? output)
    {
        ImmutableArray<ClusterTextSource> sources = ClusterTrainingData.For(language);
        if (sources.IsEmpty)
        {
            return CliExit.Fail($"no cluster training data for language '{language}' (fr or en)");
        }

        if (clusters < 2 || minCount < 1)
        {
            return CliExit.Fail("--clusters must be at least 2 and --min-count at least 1");
        }

        if (CorporaOption.Require(corporaOption) is not string corpora)
        {
            return CliExit.Failure;
        }

        output ??= $"models/clusters-{language}.tsv.gz";
        var clock = Stopwatch.StartNew();
        var clusterer = new BrownClusterer(clusters, minCount);
        try
        {
            foreach (ClusterTextSource source in sources)
            {
                long before = clusterer.TokenCount;
                foreach (IReadOnlyList<string> sentence in source.Read(corpora))
                {
                    clusterer.AddSentence(sentence.Select(WordClusters.NormalizeDigits).ToArray());
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{source.Name}: {clusterer.TokenCount - before:N0} tokens ({source.Licence})"));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or System.Xml.XmlException)
        {
            return CliExit.Fail(e.Message);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{clusterer.TokenCount:N0} tokens, {clusterer.WordTypeCount:N0} word types; clustering those seen {minCount}+ times into {clusters} clusters ({clock.Elapsed.TotalSeconds:F1} s)"));
        ImmutableArray<ClusteredWord> words = clusterer.Train((done, total) =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {done:N0}/{total:N0} words ({clock.Elapsed.TotalSeconds:F0} s)")));

        string[] header =
        [
            $"Brown clusters for '{language}': Brown et al. (1992) with the window of Liang (2005), built by Sitrep's BrownClusterer.",
            string.Create(CultureInfo.InvariantCulture, $"{clusters} clusters, words seen {minCount}+ times ({words.Length} words) in {clusterer.TokenCount} tokens; ASCII digits written as 0."),
            .. sources.Select(s => $"data: ../shared/corpora/{s.Name} ({s.Licence})"),
            string.Create(CultureInfo.InvariantCulture, $"command: sitrep train clusters --lang {language} --clusters {clusters} --min-count {minCount}"),
            "columns: path (0/1 turns from the root) TAB word TAB count",
        ];
        string? directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using (FileStream stream = File.Create(output))
        {
            WordClusters.WriteCompressed(stream, header, words);
        }

        byte[] bytes = File.ReadAllBytes(output);
        int leaves = words.Select(w => w.Path).Distinct(StringComparer.Ordinal).Count();
        int deepest = words.Max(w => w.Path.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {output}: {bytes.Length:N0} bytes, {words.Length:N0} words in {leaves} clusters, paths up to {deepest} bits, sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))} ({clock.Elapsed.TotalSeconds:F1} s)"));
        return CliExit.Success;
    }
}

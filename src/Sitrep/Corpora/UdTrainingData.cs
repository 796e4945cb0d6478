using System.Collections.Immutable;

namespace Sitrep.Corpora;

/// <summary>
/// The Universal Dependencies files that train Sitrep's shipped part-of-speech models: ship licences only
/// (see <c>../shared/corpora/README.md</c>), never a test file. English has no EWT training file here, so
/// it trains on EWT dev and the GUM genres whose texts may ship, leaving out GUM's own test documents.
/// </summary>
public static class UdTrainingData
{
    public static readonly ImmutableArray<string> GumShipGenres = ["academic", "bio", "court", "interview", "news", "speech", "textbook", "voyage"];

    /// <summary>Paths of the training files of <paramref name="language"/>, relative to nothing (full paths under <paramref name="corpora"/>).</summary>
    public static ImmutableArray<string> Files(string corpora, string language)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        string ud = Path.Combine(corpora, "ud");
        return language switch
        {
            "fr" => [Path.Combine(ud, "fr_sequoia-ud-train.conllu"), Path.Combine(ud, "fr_gsd-ud-dev.conllu")],
            "en" => [Path.Combine(ud, "en_ewt-ud-dev.conllu"), .. GumFiles(Path.Combine(ud, "en_gum"))],
            _ => [],
        };
    }

    /// <summary>The UD file each language's tagger is measured on by default.</summary>
    public static ImmutableArray<string> EvaluationFiles(string language) => language switch
    {
        "fr" => ["ud/fr_sequoia-ud-test.conllu", "ud/fr_gsd-ud-test.conllu"],
        "en" => ["ud/en_ewt-ud-test.conllu"],
        _ => [],
    };

    private static IEnumerable<string> GumFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        HashSet<string> test = GumTestDocuments(Path.Combine(folder, "splits.md"));
        foreach (string file in Directory.EnumerateFiles(folder, "GUM_*.conllu").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileNameWithoutExtension(file);
            string genre = name.Split('_')[1];
            if (GumShipGenres.Contains(genre) && !test.Contains(name))
            {
                yield return file;
            }
        }
    }

    /// <summary>The documents listed under «## test» in GUM's splits.md.</summary>
    private static HashSet<string> GumTestDocuments(string splits)
    {
        var test = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(splits))
        {
            return test;
        }

        bool inTest = false;
        foreach (string line in File.ReadLines(splits))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inTest = line.Trim() == "## test";
            }
            else if (inTest && line.TrimStart().StartsWith("* ", StringComparison.Ordinal))
            {
                test.Add(line.Trim()[2..].Trim());
            }
        }

        return test;
    }
}

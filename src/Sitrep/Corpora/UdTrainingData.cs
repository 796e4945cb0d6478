using System.Collections.Immutable;

namespace Sitrep.Corpora;

/// <summary>
/// The Universal Dependencies files that train Sitrep's shipped part-of-speech models: ship licences only
/// (see <c>../shared/corpora/README.md</c>), never a test file. English has no EWT training file here, so
/// it trains on EWT dev and the GUM genres whose texts may ship, leaving out GUM's own test documents.
/// </summary>
public static class UdTrainingData
{
    /// <summary>Paths of the training files of <paramref name="language"/>, relative to nothing (full paths under <paramref name="corpora"/>).</summary>
    public static ImmutableArray<string> Files(string corpora, string language)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        string ud = Path.Combine(corpora, "ud");
        return language switch
        {
            "fr" => [Path.Combine(ud, "fr_sequoia-ud-train.conllu"), Path.Combine(ud, "fr_gsd-ud-dev.conllu")],
            "en" => [Path.Combine(ud, "en_ewt-ud-dev.conllu"), .. GumCorpus.ShipDocuments(corpora)],
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
}

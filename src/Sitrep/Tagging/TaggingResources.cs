using Sitrep.Tagging.Clusters;
using Sitrep.Tagging.Sequence;

namespace Sitrep.Tagging;

/// <summary>The shared feature sources of the taggers of a language, loaded once.</summary>
public static class TaggingResources
{
    /// <summary>The word clusters of a language, or null when none ship.</summary>
    public static IWordClusterSource? ClustersFor(string language) => WordClusters.For(language);
}

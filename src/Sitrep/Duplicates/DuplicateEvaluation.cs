using System.Collections.Immutable;
using System.Diagnostics;
using Sitrep.Evaluation;

namespace Sitrep.Duplicates;

/// <summary>Pairwise scores of near-duplicate linking at one threshold, with the wrong links found.</summary>
/// <param name="Threshold">The estimated-Jaccard threshold.</param>
/// <param name="Pairs">Pairs of articles put in one cluster (predicted) and in one gold cluster (expected).</param>
/// <param name="Links">Articles linked to an earlier near-duplicate.</param>
/// <param name="WrongLinks">Links between articles of different gold clusters, most similar first.</param>
/// <param name="Elapsed">Signing and looking up every article, in order.</param>
public sealed record DuplicateScores(double Threshold, PrecisionRecall Pairs, int Links, ImmutableArray<(string Article, string DuplicateOf, double Similarity)> WrongLinks, TimeSpan Elapsed);

/// <summary>
/// Runs the in-memory near-duplicate index over an evaluation collection in its order and scores pairwise merges:
/// the predicted clusters are the connected components of the links; a pair is right when both articles share a
/// gold cluster. Precision = right pairs / predicted pairs, recall = right pairs / gold pairs.
/// </summary>
public static class DuplicateEvaluation
{
    public static DuplicateScores Run(IReadOnlyList<DuplicateCorpusArticle> articles, double threshold)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var detector = new NearDuplicateDetector(threshold);
        var index = new NearDuplicateIndex(detector);
        var clock = Stopwatch.StartNew();
        var matches = new NearDuplicateMatch<int>?[articles.Count];
        for (int i = 0; i < articles.Count; i++)
        {
            matches[i] = index.Add(articles[i].Text);
        }

        clock.Stop();
        return Score(articles, matches, threshold, clock.Elapsed);
    }

    /// <summary>Scores links found elsewhere (a store): <paramref name="matches"/>[i] is the earlier article i was linked to, if any.</summary>
    public static DuplicateScores Score(IReadOnlyList<DuplicateCorpusArticle> articles, IReadOnlyList<NearDuplicateMatch<int>?> matches, double threshold, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(matches);
        int[] parent = [.. Enumerable.Range(0, articles.Count)];
        var wrong = new List<(string, string, double)>();
        int links = 0;
        for (int i = 0; i < articles.Count; i++)
        {
            if (matches[i] is not { } match)
            {
                continue;
            }

            links++;
            parent[Find(parent, i)] = Find(parent, match.Key);
            if (articles[i].Cluster != articles[match.Key].Cluster)
            {
                wrong.Add((articles[i].Id, articles[match.Key].Id, match.Similarity));
            }
        }

        long predicted = 0, expected = 0, correct = 0;
        var cells = new Dictionary<(int, int), int>();
        var predictedSizes = new Dictionary<int, int>();
        var goldSizes = new Dictionary<int, int>();
        for (int i = 0; i < articles.Count; i++)
        {
            int root = Find(parent, i);
            predicted += Increment(predictedSizes, root);
            expected += Increment(goldSizes, articles[i].Cluster);
            correct += Increment(cells, (root, articles[i].Cluster));
        }

        wrong.Sort((a, b) => b.Item3.CompareTo(a.Item3));
        return new DuplicateScores(threshold, new PrecisionRecall((int)correct, (int)predicted, (int)correct, (int)expected), links, [.. wrong], elapsed);
    }

    /// <summary>The estimated similarity of every copy to its own source, sorted: how far the edits push copies apart.</summary>
    public static ImmutableArray<double> CopySimilarities(IReadOnlyList<DuplicateCorpusArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        NearDuplicateDetector detector = NearDuplicateDetector.Default;
        var sources = articles.Where(a => a.Edits is null).ToDictionary(a => a.Id, a => detector.Sign(a.Text), StringComparer.Ordinal);
        var similarities = articles.Where(a => a.Edits is not null)
            .Select(a => detector.Sign(a.Text).EstimateSimilarity(sources[a.Id[..a.Id.LastIndexOf('#')]])).ToList();
        similarities.Sort();
        return [.. similarities];
    }

    /// <summary>The most similar pair of articles from different gold clusters, compared directly (no LSH): the margin a threshold has.</summary>
    public static (string First, string Second, double Similarity) ClosestDistinct(IReadOnlyList<DuplicateCorpusArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        MinHashSignature[] signatures = [.. articles.Select(a => NearDuplicateDetector.Default.Sign(a.Text))];
        (string, string, double) closest = ("", "", 0);
        for (int i = 0; i < articles.Count; i++)
        {
            for (int j = i + 1; j < articles.Count; j++)
            {
                if (articles[i].Cluster != articles[j].Cluster && signatures[i].EstimateSimilarity(signatures[j]) is double similarity && similarity > closest.Item3)
                {
                    closest = (articles[i].Id, articles[j].Id, similarity);
                }
            }
        }

        return closest;
    }

    /// <summary>Adds one member to a cluster's size; returns the pairs it forms with the members already there.</summary>
    private static int Increment<TKey>(Dictionary<TKey, int> sizes, TKey key)
        where TKey : notnull
    {
        sizes.TryGetValue(key, out int size);
        sizes[key] = size + 1;
        return size;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }
}

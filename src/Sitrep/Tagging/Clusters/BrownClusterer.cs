using System.Collections.Immutable;

namespace Sitrep.Tagging.Clusters;

/// <summary>A word of a trained clustering: its path in the hierarchy (0s and 1s, root first) and its count.</summary>
public readonly record struct ClusteredWord(string Word, string Path, int Count);

/// <summary>
/// Brown clustering (Brown et al. 1992, «Class-based n-gram models of natural language») with the window
/// approximation of Liang (2005, «Semi-supervised learning for natural language», §3.2): words are taken by
/// descending frequency; each one enters as its own cluster beside the <see cref="Clusters"/> active ones,
/// and the pair of clusters whose merge loses the least average mutual information (AMI) of the class
/// bigram model is merged. Once every word is in, the remaining clusters are merged down to one; those last
/// merges form the binary tree whose root-to-leaf turns are the paths (words merged during the window phase
/// share their cluster's path).
/// </summary>
/// <remarks>
/// <para>Cluster marginals are unigram frequencies, as in Liang's implementation; bigrams are counted within
/// a sentence only. Words below <see cref="MinCount"/> are left out, with their bigrams.</para>
/// <para>Cost: each step costs O(C²) simple operations and no logarithm in the inner loops (the n·ln n of every
/// count comes from a table, and the losses of the pairs a merge does not touch are updated from the change
/// of the few bigram cells it touches), so 20,000 words with C = 1,000 take a few minutes on one core.</para>
/// <para>Deterministic: words are ordered by count then ordinally, pairs are scanned in slot order and the first
/// smallest loss wins, nothing depends on hashing order or threads; a rerun gives the same clustering.</para>
/// </remarks>
public sealed class BrownClusterer
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];
    private readonly List<int> _counts = [];
    private readonly Dictionary<long, int> _bigrams = [];

    public BrownClusterer(int clusters = 512, int minCount = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clusters, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(minCount, 1);
        Clusters = clusters;
        MinCount = minCount;
    }

    /// <summary>C: how many clusters stay active during the window phase, and how many leaves the tree has.</summary>
    public int Clusters { get; }

    /// <summary>Words seen fewer times are not clustered.</summary>
    public int MinCount { get; }

    /// <summary>Tokens added so far.</summary>
    public long TokenCount { get; private set; }

    /// <summary>Distinct words added so far (before the <see cref="MinCount"/> cut).</summary>
    public int WordTypeCount => _words.Count;

    /// <summary>Counts one sentence: its words and the bigrams between neighbours.</summary>
    public void AddSentence(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        int previous = -1;
        foreach (string token in tokens)
        {
            if (!_ids.TryGetValue(token, out int id))
            {
                id = _words.Count;
                _ids.Add(token, id);
                _words.Add(token);
                _counts.Add(0);
            }

            _counts[id]++;
            if (previous >= 0)
            {
                long key = ((long)previous << 32) | (uint)id;
                _bigrams[key] = _bigrams.GetValueOrDefault(key) + 1;
            }

            previous = id;
        }

        TokenCount += tokens.Count;
    }

    /// <summary>
    /// Clusters the words counted so far. <paramref name="progress"/> is told how many of the clustered words
    /// are in (every 1,000 words, and at the end of each phase).
    /// </summary>
    public ImmutableArray<ClusteredWord> Train(Action<int, int>? progress = null)
    {
        int[] vocabulary = Enumerable.Range(0, _words.Count).Where(i => _counts[i] >= MinCount).ToArray();
        Array.Sort(vocabulary, (x, y) => _counts[x] != _counts[y] ? _counts[y].CompareTo(_counts[x]) : string.CompareOrdinal(_words[x], _words[y]));
        int size = vocabulary.Length;
        if (size == 0)
        {
            return [];
        }

        int[] rank = new int[_words.Count];
        Array.Fill(rank, -1);
        for (int r = 0; r < size; r++)
        {
            rank[vocabulary[r]] = r;
        }

        // Each word's bigrams with words of higher or equal rank (earlier in the order), as (rank, count)
        // lists: when a word enters, those are exactly its bigrams with the words already in.
        var following = new List<(int Word, int Count)>[size];
        var preceding = new List<(int Word, int Count)>[size];
        for (int r = 0; r < size; r++)
        {
            following[r] = [];
            preceding[r] = [];
        }

        long total = 0;
        foreach ((long key, int count) in _bigrams)
        {
            int left = rank[(int)(key >> 32)], right = rank[(int)(key & 0xFFFFFFFF)];
            if (left < 0 || right < 0)
            {
                continue;
            }

            total += count;
            if (left >= right)
            {
                following[left].Add((right, count)); // left enters last: its bigram to right
            }
            else
            {
                preceding[right].Add((left, count)); // right enters last: left's bigram to it
            }
        }

        int slots = Math.Min(Clusters, size) + 1;
        var window = new BrownMergeWindow(slots, (int)Math.Min(total, int.MaxValue - 1));
        int[] slotOf = new int[size];
        var members = new List<int>[slots];
        for (int s = 0; s < slots; s++)
        {
            members[s] = [];
        }

        int[] row = new int[slots];
        int[] column = new int[slots];
        for (int r = 0; r < size; r++)
        {
            Array.Clear(row);
            Array.Clear(column);
            int self = 0;
            foreach ((int other, int count) in following[r])
            {
                if (other == r)
                {
                    self += count;
                }
                else
                {
                    row[slotOf[other]] += count;
                }
            }

            foreach ((int other, int count) in preceding[r])
            {
                column[slotOf[other]] += count;
            }

            int slot = window.Add(_counts[vocabulary[r]], row, column, self);
            slotOf[r] = slot;
            members[slot].Add(r);
            if (window.ActiveCount > Clusters)
            {
                (int kept, int gone) = window.MergeBest();
                foreach (int word in members[gone])
                {
                    slotOf[word] = kept;
                }

                members[kept].AddRange(members[gone]);
                members[gone].Clear();
            }

            if ((r + 1) % 1000 == 0)
            {
                progress?.Invoke(r + 1, size);
            }
        }

        progress?.Invoke(size, size);

        // The hierarchy over the final clusters: leaves first (in slot order), then one node per merge.
        var leftChild = new List<int>();
        var rightChild = new List<int>();
        int[] nodeOf = new int[slots];
        int[] leafOf = new int[slots];
        Array.Fill(leafOf, -1);
        int leaves = 0;
        foreach (int slot in window.ActiveSlots())
        {
            nodeOf[slot] = leafOf[slot] = leaves++;
            leftChild.Add(-1);
            rightChild.Add(-1);
        }

        while (window.ActiveCount > 1)
        {
            (int kept, int gone) = window.MergeBest();
            leftChild.Add(nodeOf[kept]);
            rightChild.Add(nodeOf[gone]);
            nodeOf[kept] = leftChild.Count - 1;
        }

        string[] paths = new string[leftChild.Count];
        var pending = new Stack<(int Node, string Path)>();
        pending.Push((leftChild.Count - 1, ""));
        while (pending.Count > 0)
        {
            (int node, string path) = pending.Pop();
            paths[node] = path;
            if (leftChild[node] >= 0)
            {
                pending.Push((leftChild[node], path + "0"));
                pending.Push((rightChild[node], path + "1"));
            }
        }

        var result = ImmutableArray.CreateBuilder<ClusteredWord>(size);
        for (int r = 0; r < size; r++)
        {
            int word = vocabulary[r];
            result.Add(new ClusteredWord(_words[word], paths[leafOf[slotOf[r]]], _counts[word]));
        }

        result.Sort((x, y) =>
        {
            int byPath = string.CompareOrdinal(x.Path, y.Path);
            return byPath != 0 ? byPath : x.Count != y.Count ? y.Count.CompareTo(x.Count) : string.CompareOrdinal(x.Word, y.Word);
        });
        return result.MoveToImmutable();
    }
}

namespace Sitrep.Tagging.Dependencies;

/// <summary>
/// Makes a dependency tree projective by lifting (Nivre and Nilsson 2005, without label encoding): while an arc
/// crosses another, the dependent of the shortest non-projective arc is re-attached to its head's head. A
/// transition parser that builds only projective trees can then learn from every sentence; the few lifted words
/// («dont» in «l'homme dont je connais le fils») get a wrong but nearby head.
/// Heads are CoNLL-U style: <c>heads[i]</c> for words 1..n, 0 for the root, index 0 unused.
/// </summary>
public static class Projectivizer
{
    /// <summary>Whether every word between a head and its dependent descends from that head.</summary>
    public static bool IsProjective(ReadOnlySpan<int> heads) => FindShortestNonProjective(heads) < 0;

    /// <summary>Whether <paramref name="heads"/> is a tree over words 1..n: every head in range, no cycle, exactly one word on the root.</summary>
    public static bool IsTree(ReadOnlySpan<int> heads)
    {
        int n = heads.Length - 1;
        int roots = 0;
        for (int i = 1; i <= n; i++)
        {
            if (heads[i] < 0 || heads[i] > n || heads[i] == i)
            {
                return false;
            }

            roots += heads[i] == 0 ? 1 : 0;
            int steps = 0;
            for (int k = heads[i]; k != 0; k = heads[k])
            {
                if (++steps > n)
                {
                    return false;
                }
            }
        }

        return roots == 1;
    }

    /// <summary>A projective copy of a tree (the same array values when it is projective already).</summary>
    public static int[] Lift(ReadOnlySpan<int> heads)
    {
        int[] lifted = heads.ToArray();
        int dependent;
        while ((dependent = FindShortestNonProjective(lifted)) > 0)
        {
            lifted[dependent] = lifted[lifted[dependent]];
        }

        return lifted;
    }

    /// <summary>The dependent of the shortest non-projective arc (the leftmost on a tie), or -1.</summary>
    private static int FindShortestNonProjective(ReadOnlySpan<int> heads)
    {
        int n = heads.Length - 1;
        int best = -1, bestLength = int.MaxValue;
        for (int d = 1; d <= n; d++)
        {
            int h = heads[d];
            int length = Math.Abs(h - d);
            if (h == 0 || length >= bestLength || length < 2)
            {
                continue;
            }

            int from = Math.Min(h, d) + 1, to = Math.Max(h, d);
            for (int k = from; k < to; k++)
            {
                if (!Dominates(heads, h, k))
                {
                    best = d;
                    bestLength = length;
                    break;
                }
            }
        }

        return best;
    }

    private static bool Dominates(ReadOnlySpan<int> heads, int head, int word)
    {
        int steps = 0;
        for (int k = word; k != 0 && steps <= heads.Length; k = heads[k], steps++)
        {
            if (k == head)
            {
                return true;
            }
        }

        return false;
    }
}

namespace Sitrep.Tagging.Clusters;

/// <summary>
/// The active clusters and, for every pair, what merging it would cost. Quantities are kept multiplied by
/// the bigram total N (which changes no comparison); with n(x,y) a cluster bigram count and n(x) a cluster's
/// unigram count, the AMI term of a cell is q(x,y) = n(x,y)·(ln n(x,y) − ln n(x) − ln n(y)) (+ n(x,y)·ln N,
/// which cancels out of every difference used here).
/// </summary>
internal sealed class BrownMergeWindow
{
    private readonly int _k;
    private readonly int[] _w;      // _w[x * _k + y]: how often a word of cluster x precedes one of cluster y
    private readonly int[] _wt;     // the transpose, so that columns are read as rows
    private readonly double[] _b;   // _b[c * _k + d], c < d: the AMI lost by a merge, minus s(c) + s(d) (see Loss)
    private readonly long[] _n;
    private readonly double[] _ln;
    private readonly double[] _f;   // _f[n] = n ln n
    private readonly double[] _rowF, _colF, _rowWl, _colWl;
    private readonly long[] _rowW, _colW;
    private readonly int[] _active;
    private readonly Stack<int> _free = new();
    private readonly double[] _s;
    private readonly int[] _gather;
    private readonly int[] _colA, _colB, _rowA, _rowB;
    private readonly int[] _newRow, _newColumn;
    private readonly bool[] _touched;

    public BrownMergeWindow(int slots, int maxCount)
    {
        _k = slots;
        _w = new int[slots * slots];
        _wt = new int[slots * slots];
        _b = new double[slots * slots];
        _n = new long[slots];
        _ln = new double[slots];
        _f = new double[maxCount + 1];
        for (int i = 1; i < _f.Length; i++)
        {
            _f[i] = i * Math.Log(i);
        }

        _rowF = new double[slots];
        _colF = new double[slots];
        _rowWl = new double[slots];
        _colWl = new double[slots];
        _rowW = new long[slots];
        _colW = new long[slots];
        _active = new int[slots];
        _s = new double[slots];
        _gather = new int[slots];
        _colA = new int[slots];
        _colB = new int[slots];
        _rowA = new int[slots];
        _rowB = new int[slots];
        _newRow = new int[slots];
        _newColumn = new int[slots];
        _touched = new bool[slots];
        for (int s = slots - 1; s >= 0; s--)
        {
            _free.Push(s);
        }
    }

    public int ActiveCount { get; private set; }

    public IEnumerable<int> ActiveSlots() => _active.Take(ActiveCount);

    /// <summary>
    /// A new one-word cluster with <paramref name="count"/> occurrences, <paramref name="row"/>[x] bigrams
    /// towards cluster x, <paramref name="column"/>[x] from cluster x and <paramref name="self"/> with
    /// itself. Returns its slot.
    /// </summary>
    public int Add(long count, int[] row, int[] column, int self)
    {
        int k = _k;
        int s = _free.Pop();
        int rs = s * k;
        for (int i = 0; i < ActiveCount; i++)
        {
            int x = _active[i];
            _w[rs + x] = _wt[x * k + s] = row[x];
            _w[x * k + s] = _wt[rs + x] = column[x];
        }

        _w[rs + s] = _wt[rs + s] = self;
        _n[s] = count;
        _ln[s] = Math.Log(count);

        // A pair (c, d) not involving s: the merged cd now also has cells with s. Only pairs with a
        // non-zero cell to or from s change.
        int touched = 0;
        for (int i = 0; i < ActiveCount; i++)
        {
            int x = _active[i];
            _touched[x] = (row[x] | column[x]) != 0;
            if (_touched[x])
            {
                _gather[touched++] = x;
            }
        }

        for (int t = 0; t < touched; t++)
        {
            int z = _gather[t];
            for (int i = 0; i < ActiveCount; i++)
            {
                int d = _active[i];
                if (d == z || (_touched[d] && d < z))
                {
                    continue;
                }

                int toS = column[z] + column[d], fromS = row[z] + row[d];
                double lnPair = Math.Log(_n[z] + _n[d]);
                _b[Math.Min(z, d) * k + Math.Max(z, d)] += F(toS) + F(fromS) - ((toS + fromS) * (lnPair + _ln[s]));
            }
        }

        for (int i = 0; i < ActiveCount; i++)
        {
            int x = _active[i];
            int toS = column[x], fromS = row[x];
            _rowW[x] += toS;
            _rowWl[x] += toS * _ln[s];
            _rowF[x] += F(toS);
            _colW[x] += fromS;
            _colWl[x] += fromS * _ln[s];
            _colF[x] += F(fromS);
        }

        Activate(s);
        Recompute(s);
        for (int i = 0; i < ActiveCount; i++)
        {
            int x = _active[i];
            if (x != s)
            {
                _b[Math.Min(s, x) * k + Math.Max(s, x)] = FullB(s, x);
            }
        }

        return s;
    }

    /// <summary>Merges the pair that loses the least AMI; returns the slot kept and the slot freed.</summary>
    public (int Kept, int Gone) MergeBest()
    {
        int k = _k;
        for (int i = 0; i < ActiveCount; i++)
        {
            int x = _active[i];
            _s[x] = Contribution(x);
        }

        double best = double.PositiveInfinity;
        int bestA = -1, bestB = -1;
        for (int i = 0; i < ActiveCount; i++)
        {
            int c = _active[i];
            double sc = _s[c];
            int rc = c * k;
            for (int j = i + 1; j < ActiveCount; j++)
            {
                int d = _active[j];
                double loss = sc + _s[d] - _b[rc + d];
                if (loss < best)
                {
                    best = loss;
                    bestA = c;
                    bestB = d;
                }
            }
        }

        Merge(bestA, bestB);
        return (bestA, bestB);
    }

    /// <summary>The AMI (times N) lost by merging clusters <paramref name="a"/> and <paramref name="b"/>, as the window keeps it.</summary>
    public double Loss(int a, int b) => Contribution(a) + Contribution(b) - _b[(Math.Min(a, b) * _k) + Math.Max(a, b)];

    /// <summary>
    /// The same loss computed from scratch, from the cells of <paramref name="a"/> and <paramref name="b"/> before
    /// and after the merge: what the incremental updates must agree with (tests).
    /// </summary>
    public double LossFromScratch(int a, int b)
    {
        double before = 0, after = 0, lm = Math.Log(_n[a] + _n[b]);
        for (int i = 0; i < ActiveCount; i++)
        {
            int x = _active[i];
            for (int j = 0; j < ActiveCount; j++)
            {
                int y = _active[j];
                if (x == a || x == b || y == a || y == b)
                {
                    int w = _w[(x * _k) + y];
                    before += F(w) - (w * (_ln[x] + _ln[y]));
                }
            }

            if (x != a && x != b)
            {
                int to = _w[(a * _k) + x] + _w[(b * _k) + x], from = _w[(x * _k) + a] + _w[(x * _k) + b];
                after += F(to) - (to * (lm + _ln[x])) + F(from) - (from * (lm + _ln[x]));
            }
        }

        int self = _w[(a * _k) + a] + _w[(a * _k) + b] + _w[(b * _k) + a] + _w[(b * _k) + b];
        after += F(self) - (2 * self * lm);
        return before - after;
    }

    /// <summary>Merges two clusters (<paramref name="a"/> &lt; <paramref name="b"/>), keeping slot a.</summary>
    public void Merge(int a, int b)
    {
        int k = _k, ra = a * k, rb = b * k;
        double la = _ln[a], lb = _ln[b], lm = Math.Log(_n[a] + _n[b]);
        double da = lm - la, db = lm - lb;

        int others = 0;
        for (int i = 0; i < ActiveCount; i++)
        {
            int x = _active[i];
            if (x != a && x != b)
            {
                _gather[others] = x;
                _colA[others] = _wt[ra + x];
                _colB[others] = _wt[rb + x];
                _rowA[others] = _w[ra + x];
                _rowB[others] = _w[rb + x];
                others++;
            }
        }

        // Pairs (c, d) away from a and b: the cells of cd with a and with b become one cell with m = a ∪ b.
        for (int i = 0; i < others; i++)
        {
            int rc = _gather[i] * k;
            int ca = _colA[i], cb = _colB[i], ra1 = _rowA[i], rb1 = _rowB[i];
            for (int j = i + 1; j < others; j++)
            {
                _b[rc + _gather[j]] += Joined(ca + _colA[j], cb + _colB[j], da, db) + Joined(ra1 + _rowA[j], rb1 + _rowB[j], da, db);
            }
        }

        for (int i = 0; i < others; i++)
        {
            int x = _gather[i];
            int xa = _colA[i], xb = _colB[i], ax = _rowA[i], bx = _rowB[i];
            _rowF[x] += F(xa + xb) - F(xa) - F(xb);
            _rowWl[x] += (xa * da) + (xb * db);
            _colF[x] += F(ax + bx) - F(ax) - F(bx);
            _colWl[x] += (ax * da) + (bx * db);
        }

        for (int e = 0; e < k; e++)
        {
            _newRow[e] = _w[ra + e] + _w[rb + e];
            _newColumn[e] = _wt[ra + e] + _wt[rb + e];
        }

        int self = _w[ra + a] + _w[ra + b] + _w[rb + a] + _w[rb + b];
        _newRow[a] = _newColumn[a] = self;
        _newRow[b] = _newColumn[b] = 0;
        for (int e = 0; e < k; e++)
        {
            _w[ra + e] = _wt[e * k + a] = _newRow[e];
            _wt[ra + e] = _w[e * k + a] = _newColumn[e];
            _w[rb + e] = _wt[rb + e] = _w[e * k + b] = _wt[e * k + b] = 0;
        }

        _n[a] += _n[b];
        _ln[a] = lm;
        _n[b] = 0;
        Deactivate(b);
        _free.Push(b);
        Recompute(a);
        for (int i = 0; i < ActiveCount; i++)
        {
            int x = _active[i];
            if (x != a)
            {
                _b[Math.Min(a, x) * k + Math.Max(a, x)] = FullB(a, x);
            }
        }
    }

    /// <summary>
    /// How a merged cluster's cell with a third cluster changes when two cells u (with a) and v (with b)
    /// become one (with m): q(·,m) − q(·,a) − q(·,b), the shared logarithms cancelling.
    /// </summary>
    private double Joined(int u, int v, double da, double db) =>
        (u == 0 || v == 0 ? 0 : F(u + v) - F(u) - F(v)) - (u * da) - (v * db);

    /// <summary>
    /// s(x): the AMI terms of every cell in x's row and column. The loss of merging c and d is
    /// s(c) + s(d) − B(c, d), where B holds q(c,d) + q(d,c) plus the terms of the merged cluster's cells.
    /// </summary>
    private double Contribution(int x)
    {
        int wxx = _w[x * _k + x];
        double lx = _ln[x];
        return _rowF[x] - (lx * _rowW[x]) - _rowWl[x] + _colF[x] - (lx * _colW[x]) - _colWl[x] - (F(wxx) - (2 * wxx * lx));
    }

    private double FullB(int a, int x)
    {
        int k = _k, ra = a * k, rx = x * k;
        double sum = 0;
        for (int e = 0; e < k; e++)
        {
            sum += _f[_w[ra + e] + _w[rx + e]] + _f[_wt[ra + e] + _wt[rx + e]];
        }

        int aa = _w[ra + a], ax = _w[ra + x], xa = _w[rx + a], xx = _w[rx + x];
        sum -= F(aa + xa) + F(ax + xx) + F(aa + ax) + F(xa + xx);
        double la = _ln[a], lx = _ln[x], lm = Math.Log(_n[a] + _n[x]);
        long inner = (long)aa + ax + xa + xx;
        double rowTotal = _rowW[a] + _rowW[x] - inner;
        double colTotal = _colW[a] + _colW[x] - inner;
        double rowLogs = _rowWl[a] + _rowWl[x] - ((aa + xa) * la) - ((ax + xx) * lx);
        double colLogs = _colWl[a] + _colWl[x] - ((aa + ax) * la) - ((xa + xx) * lx);
        double merged = sum - (lm * (rowTotal + colTotal)) - rowLogs - colLogs + F((int)inner) - (2 * inner * lm);
        return merged + F(ax) - (ax * (la + lx)) + F(xa) - (xa * (la + lx));
    }

    private void Recompute(int x)
    {
        int k = _k, rx = x * k;
        double rowF = 0, colF = 0, rowWl = 0, colWl = 0;
        long rowW = 0, colW = 0;
        for (int e = 0; e < k; e++)
        {
            int w = _w[rx + e];
            if (w != 0)
            {
                rowF += _f[w];
                rowW += w;
                rowWl += w * _ln[e];
            }

            int t = _wt[rx + e];
            if (t != 0)
            {
                colF += _f[t];
                colW += t;
                colWl += t * _ln[e];
            }
        }

        _rowF[x] = rowF;
        _colF[x] = colF;
        _rowWl[x] = rowWl;
        _colWl[x] = colWl;
        _rowW[x] = rowW;
        _colW[x] = colW;
    }

    private void Activate(int s)
    {
        int i = ActiveCount;
        while (i > 0 && _active[i - 1] > s)
        {
            _active[i] = _active[i - 1];
            i--;
        }

        _active[i] = s;
        ActiveCount++;
    }

    private void Deactivate(int s)
    {
        int i = Array.IndexOf(_active, s, 0, ActiveCount);
        Array.Copy(_active, i + 1, _active, i, ActiveCount - i - 1);
        ActiveCount--;
    }

    private double F(int n) => _f[n];
}

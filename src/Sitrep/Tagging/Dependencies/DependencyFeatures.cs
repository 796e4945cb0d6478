using Sitrep.Tagging.Sequence;

namespace Sitrep.Tagging.Dependencies;

/// <summary>
/// The parser's feature templates, after Zhang and Nivre (2011) adapted to the arc-hybrid system, where the
/// stack top s0 can take its head from the buffer front b0 (left arc) or from the word below it, s1 (right arc).
/// Words are read at s0, s1, s2, b0, b1, b2 and at the outermost children of s0, s1 and b0; each contributes its
/// lower-case form (w), tag (p), lemma (l) and cluster prefix (c); pairs and triples combine them; distance,
/// valency (number of children) and the labels of the children already attached complete the set. A second,
/// smaller set describes an arc about to be made and chooses its relation (<see cref="Label"/>).
/// </summary>
internal static class DependencyFeatures
{
    public const int MaxTransitionFeatures = 96;
    public const int MaxLabelFeatures = 48;

    /// <summary>Writes the features of the next move into <paramref name="features"/>; returns how many.</summary>
    public static int Transition(ArcHybridState state, DependencyFacts facts, Span<ulong> features)
    {
        var x = new Writer(features);
        ulong[] w = facts.Word, p = facts.Tag, wp = facts.WordTag, l = facts.Lemma;
        int s0 = state.Stack(0), s1 = state.Stack(1), s2 = state.Stack(2);
        int b0 = state.Buffer(0), b1 = state.Buffer(1), b2 = state.Buffer(2);
        int s0l = state.LeftMost[s0], s0l2 = state.LeftSecond[s0], s0r = state.RightMost[s0], s0r2 = state.RightSecond[s0];
        int s1l = state.LeftMost[s1], s1r = state.RightMost[s1], s1r2 = state.RightSecond[s1];
        int b0l = state.LeftMost[b0], b0l2 = state.LeftSecond[b0];
        int[] labels = state.Labels;

        x.Add(1, w[s0]);
        x.Add(2, p[s0]);
        x.Add(3, wp[s0]);
        x.Add(4, l[s0]);
        x.Add(5, facts.ClusterFull(s0));
        x.Add(6, w[s1]);
        x.Add(7, p[s1]);
        x.Add(8, wp[s1]);
        x.Add(9, l[s1]);
        x.Add(10, facts.ClusterFull(s1));
        x.Add(11, p[s2]);
        x.Add(12, w[s2]);
        x.Add(13, w[b0]);
        x.Add(14, p[b0]);
        x.Add(15, wp[b0]);
        x.Add(16, l[b0]);
        x.Add(17, facts.ClusterFull(b0));
        x.Add(18, w[b1]);
        x.Add(19, p[b1]);
        x.Add(20, wp[b1]);
        x.Add(21, w[b2]);
        x.Add(22, p[b2]);

        // s0 and b0: the left arc.
        x.Add(23, wp[s0], wp[b0]);
        x.Add(24, wp[s0], w[b0]);
        x.Add(25, w[s0], wp[b0]);
        x.Add(26, wp[s0], p[b0]);
        x.Add(27, p[s0], wp[b0]);
        x.Add(28, w[s0], w[b0]);
        x.Add(29, p[s0], p[b0]);
        x.Add(30, p[b0], p[b1]);
        x.Add(31, l[s0], l[b0]);
        x.Add(32, facts.Cluster6(s0), facts.Cluster6(b0));
        x.Add(33, l[s0], p[b0]);
        x.Add(34, p[s0], l[b0]);

        // s1 and s0: the right arc.
        x.Add(35, wp[s1], wp[s0]);
        x.Add(36, w[s1], w[s0]);
        x.Add(37, p[s1], p[s0]);
        x.Add(38, wp[s1], p[s0]);
        x.Add(39, p[s1], wp[s0]);
        x.Add(40, l[s1], l[s0]);
        x.Add(41, facts.Cluster6(s1), facts.Cluster6(s0));
        x.Add(42, l[s1], p[s0]);
        x.Add(43, p[s1], l[s0]);

        // Tag triples.
        x.Add(44, p[b0], p[b1], p[b2]);
        x.Add(45, p[s0], p[b0], p[b1]);
        x.Add(46, p[s1], p[s0], p[b0]);
        x.Add(47, p[s2], p[s1], p[s0]);
        x.Add(48, p[s1], p[s0], p[b1]);
        x.Add(49, p[s0], p[s0l], p[b0]);
        x.Add(50, p[s0], p[s0r], p[b0]);
        x.Add(51, p[s0], p[b0], p[b0l]);
        x.Add(52, p[s1], p[s1r], p[s0]);
        x.Add(53, p[s1], p[s0], p[s0l]);
        x.Add(54, p[s1], p[s0], p[s0r]);
        x.Add(55, p[s1], p[s1l], p[s0]);

        // Distance.
        ulong d0 = Distance(s0, b0, state.None), d1 = Distance(s1, s0, state.None);
        x.Add(56, d0, p[s0], p[b0]);
        x.Add(57, d0, w[s0]);
        x.Add(58, d0, w[b0]);
        x.Add(59, d1, p[s1], p[s0]);
        x.Add(60, d1, w[s1]);
        x.Add(61, d1, w[s0]);
        x.Add(62, d0, wp[s0], wp[b0]);
        x.Add(63, d1, wp[s1], wp[s0]);

        // Valency.
        ulong s0left = (ulong)Math.Min(state.LeftCount[s0], 4), s0right = (ulong)Math.Min(state.RightCount[s0], 4);
        ulong b0left = (ulong)Math.Min(state.LeftCount[b0], 4), s1right = (ulong)Math.Min(state.RightCount[s1], 4);
        x.Add(64, w[s0], s0left, s0right);
        x.Add(65, p[s0], s0left, s0right);
        x.Add(66, w[b0], b0left);
        x.Add(67, p[b0], b0left);
        x.Add(68, w[s1], s1right);
        x.Add(69, p[s1], s1right);

        // Children.
        x.Add(70, w[s0l], LabelOf(labels, s0l));
        x.Add(71, p[s0l], LabelOf(labels, s0l));
        x.Add(72, w[s0r], LabelOf(labels, s0r));
        x.Add(73, p[s0r], LabelOf(labels, s0r));
        x.Add(74, w[b0l], LabelOf(labels, b0l));
        x.Add(75, p[b0l], LabelOf(labels, b0l));
        x.Add(76, w[s1r], LabelOf(labels, s1r));
        x.Add(77, p[s1r], LabelOf(labels, s1r));
        x.Add(78, p[s1l], LabelOf(labels, s1l));
        x.Add(79, p[s0l2], LabelOf(labels, s0l2));
        x.Add(80, p[s0r2], LabelOf(labels, s0r2));
        x.Add(81, p[b0l2], LabelOf(labels, b0l2));
        x.Add(82, p[s0], LabelOf(labels, s0l), LabelOf(labels, s0l2));
        x.Add(83, p[s0], LabelOf(labels, s0r), LabelOf(labels, s0r2));
        x.Add(84, p[b0], LabelOf(labels, b0l), LabelOf(labels, b0l2));
        x.Add(85, p[s1], LabelOf(labels, s1r), LabelOf(labels, s1r2));

        // Label sets.
        x.Add(86, w[s0], state.LeftLabels[s0]);
        x.Add(87, p[s0], state.LeftLabels[s0]);
        x.Add(88, w[s0], state.RightLabels[s0]);
        x.Add(89, p[s0], state.RightLabels[s0]);
        x.Add(90, w[b0], state.LeftLabels[b0]);
        x.Add(91, p[b0], state.LeftLabels[b0]);
        x.Add(92, p[s1], state.RightLabels[s1]);
        x.Add(93, p[s1], state.LeftLabels[s1], p[s0]);
        return x.Count;
    }

    /// <summary>
    /// Features that choose the relation of the arc <paramref name="head"/> → <paramref name="dependent"/>, read when it is
    /// made. The dependent is complete by then (arc-hybrid attaches a word once it has all its children), so its
    /// function words are known: «par» under an agent («chassées par l'armée»: obl:agent), «qui» in a relative
    /// clause; and the head's children attached so far tell a passive subject (the head has an aux:pass).
    /// </summary>
    public static int Label(ArcHybridState state, DependencyFacts facts, int head, int dependent, Span<ulong> features)
    {
        var x = new Writer(features);
        ulong[] w = facts.Word, p = facts.Tag, wp = facts.WordTag, l = facts.Lemma;
        int[] labels = state.Labels;
        ulong direction = dependent < head ? 1UL : 2UL;
        ulong distance = Distance(head, dependent, state.None);
        int dl = state.LeftMost[dependent], dl2 = state.LeftSecond[dependent], dr = state.RightMost[dependent];
        int hl = state.LeftMost[head], hr = state.RightMost[head];
        ulong hp = p[head] | (direction << 8), dp = p[dependent] | (direction << 8);

        x.Add(1, w[dependent], direction);
        x.Add(2, dp);
        x.Add(3, wp[dependent], direction);
        x.Add(4, l[dependent], direction);
        x.Add(5, w[head], direction);
        x.Add(6, hp);
        x.Add(7, l[head], direction);
        x.Add(8, hp, p[dependent]);
        x.Add(9, hp, p[dependent], distance);
        x.Add(10, w[head], dp);
        x.Add(11, hp, w[dependent]);
        x.Add(12, l[head], l[dependent], direction);
        x.Add(13, l[head], dp);
        x.Add(14, hp, l[dependent]);
        x.Add(15, facts.Cluster6(dependent), hp);
        x.Add(16, facts.ClusterFull(dependent), direction);
        x.Add(17, facts.ClusterFull(head), direction);

        // The dependent's own children: its case marker, determiner, relative pronoun.
        x.Add(18, l[dl], LabelOf(labels, dl), hp);
        x.Add(19, l[dl], LabelOf(labels, dl), dp);
        x.Add(20, l[dl2], LabelOf(labels, dl2), hp);
        x.Add(21, LabelOf(labels, dl), LabelOf(labels, dl2), dp);
        x.Add(22, LabelOf(labels, dr), dp);
        x.Add(23, p[dr], LabelOf(labels, dr), dp);
        x.Add(24, l[dl], dp, p[head]);
        x.Add(25, state.LeftLabels[dependent], dp);
        x.Add(26, state.RightLabels[dependent], dp);
        x.Add(27, state.LeftLabels[dependent], state.RightLabels[dependent], dp);

        // What the head has so far.
        x.Add(28, state.LeftLabels[head], hp, p[dependent]);
        x.Add(29, state.RightLabels[head], hp, p[dependent]);
        x.Add(30, state.LeftLabels[head], l[head], dp);
        x.Add(31, l[dl], state.LeftLabels[head], dp);
        x.Add(32, LabelOf(labels, hl), hp, p[dependent]);
        x.Add(33, LabelOf(labels, hr), hp, p[dependent]);
        x.Add(34, l[hl], hp, dp);

        // Neighbours.
        x.Add(35, p[Neighbour(dependent, -1, state)], p[Neighbour(dependent, 1, state)], dp);
        x.Add(36, p[Neighbour(head, -1, state)], p[Neighbour(head, 1, state)], hp);
        ulong valency = (uint)Math.Min(state.LeftCount[dependent], 3) | ((uint)Math.Min(state.RightCount[dependent], 3) << 4);
        x.Add(37, hp, p[dependent], valency);
        x.Add(38, w[Neighbour(dependent, -1, state)], dp);
        return x.Count;
    }

    /// <summary>Distance classes 1, 2, 3, 4, 5–6, 7–10, 11+; 8 when either end is the root or missing.</summary>
    private static ulong Distance(int a, int b, int none)
    {
        if (a == 0 || b == 0 || a == none || b == none)
        {
            return 8;
        }

        int d = Math.Abs(a - b);
        return d switch
        {
            <= 4 => (ulong)d,
            <= 6 => 5,
            <= 10 => 6,
            _ => 7,
        };
    }

    private static ulong LabelOf(int[] labels, int word) => (ulong)(labels[word] + 2);

    private static int Neighbour(int word, int offset, ArcHybridState state)
    {
        int k = word + offset;
        return word == 0 || k < 1 || k > state.Length ? state.None : k;
    }

    private ref struct Writer(Span<ulong> features)
    {
        private readonly Span<ulong> _features = features;

        public int Count { get; private set; }

        public void Add(int template, ulong a) => _features[Count++] = FeatureKey.Of(template, a);

        public void Add(int template, ulong a, ulong b) => _features[Count++] = FeatureKey.Of(template, a, b);

        public void Add(int template, ulong a, ulong b, ulong c) => _features[Count++] = FeatureKey.Of(template, a, b, c);
    }
}

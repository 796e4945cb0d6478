using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Sitrep.Documents;
using Sitrep.Tagging.Sequence;

namespace Sitrep.Tagging.Dependencies;

/// <summary>Training settings of the dependency parser; the defaults build the shipped models.</summary>
public sealed record DependencyTrainingOptions
{
    public int Epochs { get; init; } = 12;

    public int Seed { get; init; } = 20231;

    /// <summary>From this epoch on, a wrong move is followed (and learnt from) with <see cref="ExplorationProbability"/>.</summary>
    public int ExploreFromEpoch { get; init; } = 2;

    public double ExplorationProbability { get; init; } = 0.9;

    /// <summary>
    /// A feature whose averaged weights are all under this magnitude is dropped from the move model. A feature
    /// updated once and never again averages about 1, so 1.5 drops the features seen in a single mistake: the
    /// French model falls from 765k to 237k features (10 to 3.2 MB) for −0.2 LAS on Sequoia dev.
    /// </summary>
    public float MinimumTransitionWeight { get; init; } = 1.5f;

    /// <summary>The same for the relation model.</summary>
    public float MinimumLabelWeight { get; init; } = 1.5f;
}

/// <summary>
/// A greedy transition-based dependency parser for one language: the arc-hybrid system, an averaged perceptron
/// choosing the move (shift, left arc, right arc) and a second one choosing the relation of each arc as it is
/// made, trained with the dynamic oracle of <see cref="ArcHybridOracle"/> on Universal Dependencies trees with
/// predicted part-of-speech tags. Always returns a tree: one word on the root, every word with a head, no cycle.
/// Immutable and thread-safe; per-thread buffers make parsing allocation-free after warm-up.
/// </summary>
public sealed class DependencyParser
{
    /// <summary>The relation of the word on the root.</summary>
    public const string RootRelation = "root";

    private const uint Magic = 0x50454453; // "SDEP"
    private static readonly ConcurrentDictionary<string, DependencyParser?> Shipped = new(StringComparer.Ordinal);

    [ThreadStatic]
    private static Buffers? t_buffers;

    private readonly IWordClusterSource? _clusters;
    private readonly MoveTable _moves;

    private DependencyParser(string language, LinearModel transitions, LinearModel labels, IWordClusterSource? clusters)
    {
        if (transitions.Labels.Length != 3)
        {
            throw new InvalidDataException($"a transition model has 3 classes, not {transitions.Labels.Length}");
        }

        Language = language;
        TransitionModel = transitions;
        _moves = new MoveTable(transitions);
        LabelModel = labels;
        _clusters = clusters;
        Relations = [RootRelation, .. labels.Labels];
    }

    public string Language { get; }

    /// <summary>The relations the parser gives, «root» first; <see cref="Parse(ReadOnlySpan{char}, ReadOnlySpan{TextSpan}, ReadOnlySpan{string}, ReadOnlySpan{string}, Span{int}, Span{int})"/> returns indices into it.</summary>
    public ImmutableArray<string> Relations { get; }

    public LinearModel TransitionModel { get; }

    public LinearModel LabelModel { get; }

    public static string ModelFileName(string language) => $"dep-{language}.bin.gz";

    /// <summary>The shipped parser of a language, loaded once; null when none ships.</summary>
    public static DependencyParser? For(string language) => Shipped.GetOrAdd(language, static lang =>
    {
        using Stream? stream = EmbeddedModels.OpenGzip(ModelFileName(lang));
        return stream is null ? null : Read(stream);
    });

    public static DependencyParser LoadFile(string path)
    {
        using Stream stream = EmbeddedModels.OpenGzipFile(path);
        return Read(stream);
    }

    /// <summary>
    /// Parses one sentence: the words are <paramref name="tokens"/> of <paramref name="text"/>, with their UPOS tags
    /// and lemmas (from the taggers). <paramref name="heads"/> receives each word's head in CoNLL-U numbering
    /// (1-based, 0 for the root) and <paramref name="relations"/> an index into <see cref="Relations"/>.
    /// </summary>
    public void Parse(
        ReadOnlySpan<char> text,
        ReadOnlySpan<TextSpan> tokens,
        ReadOnlySpan<string> tags,
        ReadOnlySpan<string> lemmas,
        Span<int> heads,
        Span<int> relations)
    {
        int n = tokens.Length;
        if (heads.Length < n || relations.Length < n)
        {
            throw new ArgumentException($"heads and relations need room for {n} words");
        }

        if (n == 0)
        {
            return;
        }

        Buffers buffers = t_buffers ??= new Buffers();
        buffers.Facts.Load(text, tokens, tags, lemmas, _clusters);
        ArcHybridState state = buffers.State;
        state.Reset(n);
        Span<ulong> features = buffers.Features;
        Span<float> scores = buffers.Scores(Math.Max(3, LabelModel.Stride));
        while (!state.IsTerminal)
        {
            int count = DependencyFeatures.Transition(state, buffers.Facts, features);
            _moves.Score(features[..count], scores);
            Transition move = BestLegal(state, scores);
            state.Apply(move, move == Transition.Shift ? -1 : ChooseLabel(state, buffers, move, scores));
        }

        for (int i = 0; i < n; i++)
        {
            heads[i] = state.Heads[i + 1];
            relations[i] = state.Labels[i + 1];
        }
    }

    /// <summary>Parses a sentence given as words (evaluation, debugging); heads are CoNLL-U numbers (0 = root).</summary>
    public (int[] Heads, string[] Relations) Parse(IReadOnlyList<string> words, IReadOnlyList<string> tags, IReadOnlyList<string> lemmas)
    {
        ArgumentNullException.ThrowIfNull(words);
        var sentence = DependencySentence.FromWords(words, tags, lemmas, [], []);
        var heads = new int[words.Count];
        var relations = new int[words.Count];
        Parse(sentence.Text, sentence.Tokens.AsSpan(), sentence.Tags.AsSpan(), sentence.Lemmas.AsSpan(), heads, relations);
        return (heads, [.. relations.Select(r => Relations[r])]);
    }

    public void SaveFile(string path) => EmbeddedModels.WriteGzipFile(path, stream =>
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Language);
        TransitionModel.Write(writer);
        LabelModel.Write(writer);
    });

    /// <summary>
    /// Trains both perceptrons on <paramref name="sentences"/> (non-projective trees are lifted first), visiting them
    /// in a seeded pseudo-random order each epoch. Each move is learnt against the dynamic oracle: the model's own
    /// move is an error only when it loses a gold arc, and from <see cref="DependencyTrainingOptions.ExploreFromEpoch"/>
    /// on the trainer usually follows that wrong move, so the model also learns what to do after a mistake.
    /// </summary>
    public static DependencyParser Train(
        string language,
        IReadOnlyList<DependencySentence> sentences,
        IWordClusterSource? clusters,
        DependencyTrainingOptions? options = null,
        Action<int, double, double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        options ??= new DependencyTrainingOptions();
        ImmutableArray<string> relations = [.. sentences.SelectMany(s => s.Relations).Where(r => r != RootRelation).Distinct().Order(StringComparer.Ordinal)];
        var relationIndex = relations.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i, StringComparer.Ordinal);
        var golds = new List<(DependencySentence Sentence, int[] Heads, int[] Labels)>(sentences.Count);
        foreach (DependencySentence sentence in sentences)
        {
            var heads = new int[sentence.Length + 1];
            var labels = new int[sentence.Length + 1];
            heads[0] = -1;
            for (int i = 0; i < sentence.Length; i++)
            {
                heads[i + 1] = sentence.Heads[i];
                labels[i + 1] = sentence.Relations[i] == RootRelation ? -1 : relationIndex[sentence.Relations[i]];
            }

            if (sentence.Length > 0 && Projectivizer.IsTree(heads))
            {
                golds.Add((sentence, Projectivizer.Lift(heads), labels));
            }
        }

        var transitions = new PerceptronTrainer(["shift", "left", "right"]);
        var labeller = new PerceptronTrainer(relations);
        var facts = new DependencyFacts();
        var state = new ArcHybridState();
        var features = new ulong[DependencyFeatures.MaxTransitionFeatures];
        var labelFeatures = new ulong[DependencyFeatures.MaxLabelFeatures];
        var scores = new float[Math.Max(3, relations.Length)];
        var costs = new int[3];
        var order = Enumerable.Range(0, golds.Count).ToArray();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var random = new Random(options.Seed + epoch);
            random.Shuffle(order);
            bool explore = epoch >= options.ExploreFromEpoch;
            long moves = 0, rightMoves = 0, arcs = 0, rightLabels = 0;
            foreach (int s in order)
            {
                (DependencySentence sentence, int[] gold, int[] goldLabels) = golds[s];
                facts.Load(sentence.Text, sentence.Tokens.AsSpan(), sentence.Tags.AsSpan(), sentence.Lemmas.AsSpan(), clusters);
                state.Reset(sentence.Length);
                while (!state.IsTerminal)
                {
                    int count = DependencyFeatures.Transition(state, facts, features);
                    ReadOnlySpan<ulong> keys = features.AsSpan(0, count);
                    transitions.Score(keys, scores);
                    ArcHybridOracle.Costs(state, gold, costs);
                    Transition predicted = BestLegal(state, scores);
                    int least = Math.Min(costs[0], Math.Min(costs[1], costs[2]));
                    Transition best = Transition.Shift;
                    float bestScore = float.NegativeInfinity;
                    for (int t = 0; t < 3; t++)
                    {
                        if (costs[t] == least && scores[t] > bestScore)
                        {
                            best = (Transition)t;
                            bestScore = scores[t];
                        }
                    }

                    bool right = costs[(int)predicted] == least;
                    transitions.Update(keys, (int)best, right ? (int)best : (int)predicted);
                    moves++;
                    rightMoves += right ? 1 : 0;
                    Transition move = right || (explore && random.NextDouble() < options.ExplorationProbability) ? predicted : best;
                    int label = -1;
                    if (move != Transition.Shift)
                    {
                        (int head, int dependent) = state.ArcOf(move);
                        if (head == 0)
                        {
                            label = 0;
                        }
                        else
                        {
                            int labelCount = DependencyFeatures.Label(state, facts, head, dependent, labelFeatures);
                            ReadOnlySpan<ulong> labelKeys = labelFeatures.AsSpan(0, labelCount);
                            labeller.Score(labelKeys, scores);
                            int guess = LinearModel.ArgMax(scores, relations.Length);
                            if (gold[dependent] == head && goldLabels[dependent] >= 0)
                            {
                                labeller.Update(labelKeys, goldLabels[dependent], guess);
                                arcs++;
                                rightLabels += guess == goldLabels[dependent] ? 1 : 0;
                            }

                            label = guess + 1;
                        }
                    }

                    state.Apply(move, label);
                }
            }

            progress?.Invoke(epoch, moves == 0 ? 0 : (double)rightMoves / moves, arcs == 0 ? 0 : (double)rightLabels / arcs);
        }

        return new DependencyParser(
            language,
            transitions.Build(options.MinimumTransitionWeight),
            labeller.Build(options.MinimumLabelWeight),
            clusters);
    }

    private static Transition BestLegal(ArcHybridState state, ReadOnlySpan<float> scores)
    {
        Transition best = Transition.Shift;
        float bestScore = float.NegativeInfinity;
        bool found = false;
        for (int t = 0; t < 3; t++)
        {
            var move = (Transition)t;
            if (state.IsLegal(move) && (!found || scores[t] > bestScore))
            {
                best = move;
                bestScore = scores[t];
                found = true;
            }
        }

        return best;
    }

    private int ChooseLabel(ArcHybridState state, Buffers buffers, Transition move, Span<float> scores)
    {
        (int head, int dependent) = state.ArcOf(move);
        if (head == 0)
        {
            return 0;
        }

        int count = DependencyFeatures.Label(state, buffers.Facts, head, dependent, buffers.LabelFeatures);
        LabelModel.Score(buffers.LabelFeatures.AsSpan(0, count), scores[..LabelModel.Stride]);
        return LinearModel.ArgMax(scores, LabelModel.Labels.Length) + 1;
    }

    private static DependencyParser Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadUInt32() != Magic)
        {
            throw new InvalidDataException("not a Sitrep dependency model (bad magic number)");
        }

        string language = reader.ReadString();
        var transitions = LinearModel.Read(reader);
        var labels = LinearModel.Read(reader);
        return new DependencyParser(language, transitions, labels, TaggingResources.ClustersFor(language));
    }

    private sealed class Buffers
    {
        private float[] _scores = new float[64];

        public DependencyFacts Facts { get; } = new();

        public ArcHybridState State { get; } = new();

        public ulong[] Features { get; } = new ulong[DependencyFeatures.MaxTransitionFeatures];

        public ulong[] LabelFeatures { get; } = new ulong[DependencyFeatures.MaxLabelFeatures];

        public Span<float> Scores(int length)
        {
            if (_scores.Length < length)
            {
                _scores = new float[length];
            }

            return _scores.AsSpan(0, length);
        }
    }
}

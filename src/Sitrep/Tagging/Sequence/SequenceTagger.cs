using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Sitrep.Documents;

namespace Sitrep.Tagging.Sequence;

/// <summary>The feature templates of one task (part of speech, entities): what a token's features are, given the tags already chosen to its left.</summary>
public interface ISequenceFeatures
{
    IWordClusterSource? Clusters { get; }

    /// <summary>
    /// Fills the task's own per-token facts (gazetteer matches …) after <see cref="TokenFacts.Load"/>;
    /// <paramref name="context"/> holds what the caller knows of each token from earlier stages (part of
    /// speech), or nothing.
    /// </summary>
    void Prepare(TokenFacts facts, ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens, ReadOnlySpan<int> context);

    /// <summary>Adds the feature keys of token <paramref name="i"/> to <paramref name="features"/>; <paramref name="tags"/> holds the tags of tokens 0..i-1.</summary>
    void Extract(TokenFacts facts, int i, ReadOnlySpan<int> tags, List<ulong> features);
}

/// <summary>Which tag may follow which (BILOU: «I-PER» only after «B-PER» or «I-PER»).</summary>
public interface ITagConstraint
{
    /// <summary>Whether <paramref name="next"/> may follow <paramref name="previous"/> (-1 at the sentence start).</summary>
    bool Allowed(int previous, int next);

    /// <summary>Whether a sentence may end on <paramref name="tag"/>.</summary>
    bool AllowedLast(int tag);

    /// <summary>The tag that ends what <paramref name="tag"/> left open (BILOU: «I-ORG» → «L-ORG», «B-ORG» → «U-ORG»), or -1.</summary>
    int Close(int tag);
}

/// <summary>One training sentence: text, token spans into it, and the gold tag of each token.</summary>
public sealed record TaggedSentence(string Text, ImmutableArray<TextSpan> Tokens, ImmutableArray<int> Tags)
{
    /// <summary>Per-token facts from earlier stages handed to <see cref="ISequenceFeatures.Prepare"/> (part of speech), or empty.</summary>
    public ImmutableArray<int> Context { get; init; } = [];

    /// <summary>Builds the text by joining the tokens with single spaces.</summary>
    public static TaggedSentence FromTokens(IReadOnlyList<string> tokens, ImmutableArray<int> tags)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var spans = ImmutableArray.CreateBuilder<TextSpan>(tokens.Count);
        int start = 0;
        foreach (string token in tokens)
        {
            spans.Add(new TextSpan(start, token.Length));
            start += token.Length + 1;
        }

        return new TaggedSentence(string.Join(' ', tokens), spans.MoveToImmutable(), tags);
    }
}

/// <summary>
/// A greedy left-to-right tagger over a <see cref="LinearModel"/>: each token gets the best-scoring tag the
/// constraint allows after the previous one, and that tag becomes a feature of the next token.
/// Immutable and thread-safe; per-thread buffers make tagging allocation-free after warm-up.
/// </summary>
public sealed class SequenceTagger(LinearModel model, ISequenceFeatures features, ITagConstraint? constraint = null)
{
    [ThreadStatic]
    private static Buffers? t_buffers;

    public LinearModel Model { get; } = model;

    public ISequenceFeatures Features { get; } = features;

    public ImmutableArray<string> Labels => Model.Labels;

    /// <summary>Tags the tokens of one sentence; <paramref name="tags"/> receives label indices.</summary>
    public void Tag(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens, Span<int> tags, ReadOnlySpan<int> context = default)
    {
        Buffers buffers = t_buffers ??= new Buffers();
        TokenFacts facts = buffers.Facts;
        facts.Load(text, tokens, Features.Clusters);
        Features.Prepare(facts, text, tokens, context);
        Span<float> scores = buffers.Scores(Model.Stride);
        Span<bool> allowed = buffers.Allowed(Labels.Length);
        for (int i = 0; i < tokens.Length; i++)
        {
            buffers.Features.Clear();
            Features.Extract(facts, i, tags[..i], buffers.Features);
            Model.Score(CollectionsMarshal.AsSpan(buffers.Features), scores);
            if (constraint is null)
            {
                tags[i] = LinearModel.ArgMax(scores, Labels.Length);
                continue;
            }

            int previous = i == 0 ? -1 : tags[i - 1];
            int wanted = LinearModel.ArgMax(scores, Labels.Length);
            if (previous >= 0 && !constraint.Allowed(previous, wanted) && constraint.Close(previous) is int closed and >= 0)
            {
                // The model wants to leave an open entity («… Nations unies | a demandé»): end it at the previous
                // token instead of forcing this one inside it, then score this token again with that history.
                tags[i - 1] = closed;
                previous = closed;
                buffers.Features.Clear();
                Features.Extract(facts, i, tags[..i], buffers.Features);
                Model.Score(CollectionsMarshal.AsSpan(buffers.Features), scores);
            }

            bool last = i == tokens.Length - 1;
            for (int label = 0; label < allowed.Length; label++)
            {
                allowed[label] = constraint.Allowed(previous, label) && (!last || constraint.AllowedLast(label));
            }

            tags[i] = LinearModel.ArgMax(scores, Labels.Length, allowed);
        }
    }

    /// <summary>
    /// Trains an averaged perceptron on <paramref name="sentences"/>, visiting them in a fixed pseudo-random
    /// order each epoch (seeded, so training is reproducible). The tag history seen in training is the
    /// model's own guesses, as at tagging time.
    /// </summary>
    public static LinearModel Train(
        IReadOnlyList<TaggedSentence> sentences,
        ImmutableArray<string> labels,
        ISequenceFeatures features,
        int epochs,
        int seed,
        Action<int, double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(features);
        var trainer = new PerceptronTrainer(labels);
        var facts = new TokenFacts();
        var keys = new List<ulong>(128);
        var scores = new float[labels.Length];
        var guesses = new int[256];
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            new Random(seed + epoch).Shuffle(order);
            int tokens = 0, correct = 0;
            foreach (int s in order)
            {
                TaggedSentence sentence = sentences[s];
                ReadOnlySpan<TextSpan> spans = sentence.Tokens.AsSpan();
                facts.Load(sentence.Text, spans, features.Clusters);
                features.Prepare(facts, sentence.Text, spans, sentence.Context.AsSpan());
                if (guesses.Length < spans.Length)
                {
                    guesses = new int[spans.Length * 2];
                }

                for (int i = 0; i < spans.Length; i++)
                {
                    keys.Clear();
                    features.Extract(facts, i, guesses.AsSpan(0, i), keys);
                    trainer.Score(CollectionsMarshal.AsSpan(keys), scores);
                    int guess = LinearModel.ArgMax(scores, labels.Length);
                    int gold = sentence.Tags[i];
                    trainer.Update(CollectionsMarshal.AsSpan(keys), gold, guess);
                    guesses[i] = guess;
                    tokens++;
                    correct += guess == gold ? 1 : 0;
                }
            }

            progress?.Invoke(epoch, tokens == 0 ? 0 : (double)correct / tokens);
        }

        return trainer.Build();
    }

    private sealed class Buffers
    {
        private float[] _scores = new float[64];
        private bool[] _allowed = new bool[64];

        public TokenFacts Facts { get; } = new();

        public List<ulong> Features { get; } = new(128);

        public Span<float> Scores(int length)
        {
            if (_scores.Length < length)
            {
                _scores = new float[length];
            }

            return _scores.AsSpan(0, length);
        }

        public Span<bool> Allowed(int length)
        {
            if (_allowed.Length < length)
            {
                _allowed = new bool[length];
            }

            return _allowed.AsSpan(0, length);
        }
    }
}

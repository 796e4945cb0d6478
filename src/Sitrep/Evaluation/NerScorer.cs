using System.Collections.Immutable;

namespace Sitrep.Evaluation;

/// <summary>An entity span of a tagged sentence: tokens <c>[Start, End)</c> and a type.</summary>
public readonly record struct TagChunk(int Start, int End, string Type);

/// <summary>Span scores of one run: overall, per type, and token-level tag accuracy.</summary>
public sealed record NerScore(PrecisionRecall Overall, ImmutableSortedDictionary<string, PrecisionRecall> PerType, int Tokens, int TokensCorrect, int Sentences)
{
    public double TokenAccuracy => Tokens == 0 ? 0 : (double)TokensCorrect / Tokens;
}

/// <summary>
/// CoNLL exact-span scoring (as <c>conlleval</c>): an entity is right when its first token, last token and type
/// all match a gold entity. Tags are IOB2, IOB1 or BILOU; an <c>I-</c> that does not continue an entity of its
/// type opens one.
/// </summary>
public sealed class NerScorer
{
    private readonly Dictionary<string, (int Gold, int Predicted, int Correct)> _counts = new(StringComparer.Ordinal);
    private int _tokens;
    private int _tokensCorrect;
    private int _sentences;

    public void Add(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException($"gold has {gold.Count} tags and the prediction {predicted.Count}");
        }

        _sentences++;
        for (int i = 0; i < gold.Count; i++)
        {
            _tokens++;
            if (SameTag(gold[i], predicted[i]))
            {
                _tokensCorrect++;
            }
        }

        var goldChunks = Chunks(gold);
        var predictedChunks = Chunks(predicted);
        var goldSet = goldChunks.ToHashSet();
        foreach (TagChunk chunk in goldChunks)
        {
            Count(chunk.Type, gold: 1);
        }

        foreach (TagChunk chunk in predictedChunks)
        {
            Count(chunk.Type, predicted: 1, correct: goldSet.Contains(chunk) ? 1 : 0);
        }
    }

    public NerScore Score()
    {
        var perType = ImmutableSortedDictionary.CreateBuilder<string, PrecisionRecall>(StringComparer.Ordinal);
        var overall = default(PrecisionRecall);
        foreach ((string type, (int gold, int predicted, int correct)) in _counts)
        {
            var pr = PrecisionRecall.FromCounts(gold, predicted, correct);
            perType[type] = pr;
            overall += pr;
        }

        return new NerScore(overall, perType.ToImmutable(), _tokens, _tokensCorrect, _sentences);
    }

    /// <summary>The entities of a tag sequence in IOB1, IOB2 or BILOU.</summary>
    public static List<TagChunk> Chunks(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var chunks = new List<TagChunk>();
        int start = -1;
        string type = string.Empty;
        for (int i = 0; i <= tags.Count; i++)
        {
            string tag = i < tags.Count ? tags[i] : "O";
            char prefix = tag.Length > 1 && tag[1] == '-' ? tag[0] : 'O';
            string tagType = prefix == 'O' ? string.Empty : tag[2..];
            bool continues = start >= 0 && tagType == type && prefix is 'I' or 'L' or 'E';
            if (!continues && start >= 0)
            {
                chunks.Add(new TagChunk(start, i, type));
                start = -1;
            }

            if (prefix != 'O' && !continues)
            {
                start = i;
                type = tagType;
            }

            if (start >= 0 && prefix is 'L' or 'E' or 'U' or 'S')
            {
                chunks.Add(new TagChunk(start, i + 1, type));
                start = -1;
            }
        }

        return chunks;
    }

    /// <summary>Tags agree when they say the same thing about the token: inside an entity of a type, or outside.</summary>
    private static bool SameTag(string a, string b) =>
        (a.Length > 2 ? a[2..] : "O") == (b.Length > 2 ? b[2..] : "O");

    private void Count(string type, int gold = 0, int predicted = 0, int correct = 0)
    {
        (int g, int p, int c) = _counts.GetValueOrDefault(type);
        _counts[type] = (g + gold, p + predicted, c + correct);
    }
}

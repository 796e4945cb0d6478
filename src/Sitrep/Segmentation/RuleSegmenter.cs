using System.Collections.Immutable;

namespace Sitrep.Segmentation;

/// <summary>
/// The segmenter for one language: <see cref="Tokenizer"/> then <see cref="SentenceSplitter"/>, both driven
/// by the language's <see cref="SegmentationRules"/>. Immutable and thread-safe; create once per language.
/// </summary>
public sealed class RuleSegmenter : ISegmenter
{
    private readonly Tokenizer _tokenizer;
    private readonly SentenceSplitter _splitter;

    public RuleSegmenter(SegmentationRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules;
        _tokenizer = new Tokenizer(rules);
        _splitter = new SentenceSplitter(rules);
    }

    public SegmentationRules Rules { get; }

    public SegmentedText Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // About one token per five characters of news text; the buffer doubles when that is short.
        using var tokens = new TokenBuffer(text.Length / 4);
        _tokenizer.Tokenize(text, tokens);
        ImmutableArray<Sentence> sentences = _splitter.Split(text, tokens.Span);
        return new SegmentedText(tokens.ToImmutable(), sentences);
    }
}

using System.Collections.Immutable;
using System.Text;
using Sitrep.Corpora;
using Sitrep.Documents;
using Sitrep.Segmentation;

namespace Sitrep.Evaluation;

/// <summary>How the raw text is rebuilt from the <c># text</c> lines of a CoNLL-U file.</summary>
public enum GoldTextLayout
{
    /// <summary>Sentences of a paragraph joined by a space, paragraphs (<c># newpar</c>, <c># newdoc</c>) by a blank line.</summary>
    Paragraphs,

    /// <summary>One paragraph per line: paragraphs joined by a single line break (plain-text articles).</summary>
    Lines,

    /// <summary>Paragraphs hard-wrapped at 72 columns and separated by a blank line (e-mail, old wire copy).</summary>
    Wrapped,
}

/// <summary>One segmentation error, with the text around it, for reading what went wrong.</summary>
public sealed record SegmentationError(string Kind, string Context);

/// <summary>The scores of a segmenter on one CoNLL-U file (or a folder of them).</summary>
public sealed record SegmentationScore(
    string Name,
    PrecisionRecall Tokens,
    PrecisionRecall Sentences,
    PrecisionRecall SentenceCeiling,
    int UnlocatedTokens,
    ImmutableArray<SegmentationError> Errors);

/// <summary>The raw text rebuilt from a treebank and the gold spans in it.</summary>
public sealed record GoldText(string Text, ImmutableArray<TextSpan> Tokens, ImmutableArray<TextSpan> Sentences, ImmutableArray<TextSpan> CeilingSentences, int UnlocatedTokens);

/// <summary>
/// Measures a segmenter against Universal Dependencies treebanks. The raw text is rebuilt from the
/// <c># text</c> lines (see <see cref="GoldTextLayout"/>), normalised with <see cref="TextNormalizer"/> as
/// the pipeline does, segmented, and the predicted spans mapped back to the rebuilt text.
/// <list type="bullet">
/// <item>Tokens: span precision/recall/F1; a token counts when both its start and end match. Gold tokens
/// are the surface tokens, except that a multiword token whose words spell it («don't» = «do» + «n't»,
/// «cannot») is scored as its words; one whose words do not («du» = «de» + «le») is one token.</item>
/// <item>Sentences: span precision/recall/F1 (start and end must both match), stricter than scoring ends.</item>
/// <item>Ceiling: the sentence score of a splitter that finds exactly the boundaries marked by punctuation
/// (. ! ? … ; :) or a paragraph break; gold sentences without final punctuation inside a paragraph (headings,
/// list items joined by a space) are out of reach of any punctuation-based splitter.</item>
/// </list>
/// </summary>
public static class SegmentationEvaluator
{
    private const int ContextChars = 30;

    public static SegmentationScore Evaluate(string name, IEnumerable<ConlluSentence> sentences, ISegmenter segmenter, GoldTextLayout layout = GoldTextLayout.Paragraphs, int maxErrors = 0)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        GoldText gold = Rebuild(sentences, layout);
        NormalizedText normalized = TextNormalizer.Default.Normalize(gold.Text);
        SegmentedText predicted = segmenter.Segment(normalized.Text);

        var tokens = new List<TextSpan>(predicted.Tokens.Length);
        foreach (Token token in predicted.Tokens)
        {
            tokens.Add(normalized.Map.ToOriginal(token.Span));
        }

        var predictedSentences = new List<TextSpan>(predicted.Sentences.Length);
        foreach (Sentence sentence in predicted.Sentences)
        {
            predictedSentences.Add(normalized.Map.ToOriginal(sentence.Span));
        }

        var errors = ImmutableArray.CreateBuilder<SegmentationError>();
        if (maxErrors > 0)
        {
            CollectTokenErrors(gold.Text, gold.Tokens, tokens, errors, maxErrors);
            CollectSentenceErrors(gold.Text, gold.Sentences, predictedSentences, errors, maxErrors);
        }

        return new SegmentationScore(
            name,
            Score(gold.Tokens, tokens),
            Score(gold.Sentences, predictedSentences),
            Score(gold.Sentences, gold.CeilingSentences),
            gold.UnlocatedTokens,
            errors.ToImmutable());
    }

    /// <summary>Rebuilds the raw text of a treebank and locates its gold tokens and sentences in it.</summary>
    public static GoldText Rebuild(IEnumerable<ConlluSentence> sentences, GoldTextLayout layout = GoldTextLayout.Paragraphs)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var text = new StringBuilder();
        var sentenceSpans = ImmutableArray.CreateBuilder<TextSpan>();
        var paragraphStarts = new List<bool>();
        var tokenForms = new List<(int Sentence, string Form)>();
        var protectedSpaces = new HashSet<int>();

        foreach (ConlluSentence sentence in sentences)
        {
            if (string.IsNullOrEmpty(sentence.Text))
            {
                continue;
            }

            bool newParagraph = sentence.NewParagraph && text.Length > 0;
            if (text.Length > 0)
            {
                text.Append(!newParagraph ? " " : layout == GoldTextLayout.Lines ? "\n" : "\n\n");
            }

            paragraphStarts.Add(sentence.NewParagraph || sentenceSpans.Count == 0);
            sentenceSpans.Add(new TextSpan(text.Length, sentence.Text.Length));
            text.Append(sentence.Text);
            foreach (string form in GoldForms(sentence))
            {
                tokenForms.Add((sentenceSpans.Count - 1, form));
            }
        }

        // Locate the gold tokens by sequential search inside their sentence.
        string raw = text.ToString();
        var tokenSpans = ImmutableArray.CreateBuilder<TextSpan>(tokenForms.Count);
        int unlocated = 0;
        int cursor = 0, current = -1;
        foreach ((int sentence, string form) in tokenForms)
        {
            TextSpan bounds = sentenceSpans[sentence];
            if (sentence != current)
            {
                current = sentence;
                cursor = bounds.Start;
            }

            int at = raw.IndexOf(form, cursor, bounds.End - cursor, StringComparison.Ordinal);
            if (at < 0 || raw.AsSpan(cursor, at - cursor).ContainsAnyExcept(' ', '\t'))
            {
                unlocated++;
                continue;
            }

            tokenSpans.Add(new TextSpan(at, form.Length));
            for (int k = at; k < at + form.Length; k++)
            {
                if (raw[k] == ' ')
                {
                    protectedSpaces.Add(k); // a space inside a token («10 000») is not a place to wrap a line
                }
            }

            cursor = at + form.Length;
        }

        if (layout == GoldTextLayout.Wrapped)
        {
            raw = Wrap(raw, 72, protectedSpaces);
        }

        return new GoldText(raw, tokenSpans.ToImmutable(), sentenceSpans.ToImmutable(), Ceiling(raw, sentenceSpans, paragraphStarts), unlocated);
    }

    /// <summary>The gold token forms of a sentence: surface tokens, or the words of a multiword token that spell it.</summary>
    private static IEnumerable<string> GoldForms(ConlluSentence sentence)
    {
        foreach (ConlluToken token in sentence.Tokens)
        {
            if (!token.IsMultiword)
            {
                yield return token.Form;
                continue;
            }

            var words = new List<string>();
            foreach (ConlluWord word in sentence.Words)
            {
                if (word.Id >= token.FirstWord && word.Id <= token.LastWord)
                {
                    words.Add(word.Form);
                }
            }

            if (string.Equals(string.Concat(words), token.Form, StringComparison.Ordinal))
            {
                foreach (string word in words)
                {
                    yield return word;
                }
            }
            else
            {
                yield return token.Form;
            }
        }
    }

    /// <summary>Replaces spaces by line breaks so that no line is longer than <paramref name="width"/> where it can be helped.</summary>
    private static string Wrap(string text, int width, HashSet<int> protectedSpaces)
    {
        char[] chars = text.ToCharArray();
        int lineStart = 0, lastSpace = -1;
        for (int i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '\n')
            {
                lineStart = i + 1;
                lastSpace = -1;
                continue;
            }

            if (chars[i] == ' ' && !protectedSpaces.Contains(i))
            {
                lastSpace = i;
            }

            if (i - lineStart >= width && lastSpace > lineStart)
            {
                chars[lastSpace] = '\n';
                lineStart = lastSpace + 1;
                lastSpace = -1;
            }
        }

        return new string(chars);
    }

    /// <summary>The sentences a punctuation-only splitter could find: each gold sentence without final punctuation merged with the next one of its paragraph.</summary>
    private static ImmutableArray<TextSpan> Ceiling(string text, ImmutableArray<TextSpan>.Builder sentences, List<bool> paragraphStarts)
    {
        var result = ImmutableArray.CreateBuilder<TextSpan>();
        int start = -1;
        for (int i = 0; i < sentences.Count; i++)
        {
            if (start < 0)
            {
                start = sentences[i].Start;
            }

            bool lastOfParagraph = i + 1 == sentences.Count || paragraphStarts[i + 1];
            if (lastOfParagraph || EndsWithTerminal(text.AsSpan(sentences[i].Start, sentences[i].Length)))
            {
                result.Add(TextSpan.FromBounds(start, sentences[i].End));
                start = -1;
            }
        }

        return result.ToImmutable();
    }

    private static bool EndsWithTerminal(ReadOnlySpan<char> sentence)
    {
        ReadOnlySpan<char> s = sentence.TrimEnd().TrimEnd(")]}\"'»”’ ");
        return s.Length > 0 && s[^1] is '.' or '!' or '?' or '…' or ';' or ':';
    }

    private static PrecisionRecall Score(IReadOnlyList<TextSpan> gold, IReadOnlyList<TextSpan> predicted)
    {
        var goldSet = new HashSet<TextSpan>(gold);
        int correct = 0;
        foreach (TextSpan span in new HashSet<TextSpan>(predicted))
        {
            if (goldSet.Contains(span))
            {
                correct++;
            }
        }

        return PrecisionRecall.FromCounts(gold.Count, predicted.Count, correct);
    }

    private static void CollectTokenErrors(string text, IReadOnlyList<TextSpan> gold, IReadOnlyList<TextSpan> predicted, ImmutableArray<SegmentationError>.Builder errors, int max)
    {
        var predictedSet = new HashSet<TextSpan>(predicted);
        int p = 0, added = 0;
        int lastRegionEnd = -1;
        foreach (TextSpan g in gold)
        {
            if (predictedSet.Contains(g) || g.Start < lastRegionEnd)
            {
                continue;
            }

            // The region where the two tokenizations disagree: grow it until both agree on its edges.
            int start = g.Start, end = g.End;
            while (p < predicted.Count && predicted[p].End <= start)
            {
                p++;
            }

            int q = p;
            while (q < predicted.Count && predicted[q].Start < end)
            {
                start = Math.Min(start, predicted[q].Start);
                end = Math.Max(end, predicted[q].End);
                q++;
            }

            var goldPieces = new List<string>();
            foreach (TextSpan other in gold)
            {
                if (other.Start >= start && other.End <= end)
                {
                    goldPieces.Add(text.Substring(other.Start, other.Length));
                }
            }

            var predictedPieces = new List<string>();
            for (int k = p; k < q; k++)
            {
                predictedPieces.Add(text.Substring(predicted[k].Start, predicted[k].Length));
            }

            errors.Add(new SegmentationError("token", $"{Around(text, start, end)}  gold: {string.Join(" | ", goldPieces)}  predicted: {string.Join(" | ", predictedPieces)}"));
            lastRegionEnd = end;
            if (++added >= max)
            {
                return;
            }
        }
    }

    private static void CollectSentenceErrors(string text, IReadOnlyList<TextSpan> gold, IReadOnlyList<TextSpan> predicted, ImmutableArray<SegmentationError>.Builder errors, int max)
    {
        var goldEnds = new HashSet<int>();
        foreach (TextSpan s in gold)
        {
            goldEnds.Add(s.End);
        }

        var predictedEnds = new HashSet<int>();
        foreach (TextSpan s in predicted)
        {
            predictedEnds.Add(s.End);
        }

        int missed = 0, extra = 0;
        foreach (TextSpan s in gold)
        {
            if (!predictedEnds.Contains(s.End) && missed++ < max)
            {
                errors.Add(new SegmentationError("missed sentence end", Around(text, s.End, s.End)));
            }
        }

        foreach (TextSpan s in predicted)
        {
            if (!goldEnds.Contains(s.End) && extra++ < max)
            {
                errors.Add(new SegmentationError("wrong sentence end", Around(text, s.End, s.End)));
            }
        }
    }

    private static string Around(string text, int start, int end)
    {
        int from = Math.Max(0, start - ContextChars);
        int to = Math.Min(text.Length, end + ContextChars);
        string before = text[from..start], middle = text[start..end], after = text[end..to];
        return $"…{before}⟦{middle}⟧{after}…".Replace('\n', '¶');
    }
}

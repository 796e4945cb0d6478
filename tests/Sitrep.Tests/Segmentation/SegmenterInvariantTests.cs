using System.Text;
using Sitrep.Documents;
using Sitrep.Segmentation;

namespace Sitrep.Tests.Segmentation;

/// <summary>Properties every segmentation must have, on random and hostile text, in every language.</summary>
public sealed class SegmenterInvariantTests
{
    private const string Alphabet = "aeiouéèàçœAÉZbcdklmnrstxy0123456789 .,;:!?…'\"«»“”()[]-–—/\\@#$%&*+=_<>°\n\t\u00A0\u200B😀";

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    [InlineData("und")]
    [InlineData("de")]
    public void Random_text_segments_into_ordered_in_bounds_spans(string language)
    {
        var random = new Random(20220513);
        ISegmenter segmenter = Segmenters.For(language);
        for (int round = 0; round < 2000; round++)
        {
            var text = new StringBuilder();
            int length = random.Next(0, 120);
            for (int i = 0; i < length; i++)
            {
                text.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            string raw = text.ToString();
            AssertWellFormed(raw, segmenter.Segment(raw));
            string normalized = TextNormalizer.Default.Normalize(raw).Text;
            AssertWellFormed(normalized, segmenter.Segment(normalized));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t ")]
    [InlineData(".")]
    [InlineData("...")]
    [InlineData("M.")]
    [InlineData("l'")]
    [InlineData("-t-il")]
    [InlineData("http://")]
    [InlineData("www.")]
    [InlineData("a@b")]
    [InlineData("10 000 000 000 000")]
    [InlineData("«»«»\"\"\"")]
    [InlineData("J.-")]
    [InlineData("(s)")]
    [InlineData("[1,2,")]
    [InlineData("\ud800")]
    public void Hostile_text_does_not_throw(string text)
    {
        foreach (string language in new[] { "fr", "en", "und" })
        {
            AssertWellFormed(text, Segmenters.For(language).Segment(text));
        }
    }

    [Fact]
    public void Long_text_keeps_every_non_space_character_in_a_token()
    {
        string text = string.Concat(Enumerable.Repeat("L'armée a-t-elle tiré 10 000 obus ? « Oui », dit M. Dupont. ", 2000));
        SegmentedText result = Segmenters.For("fr").Segment(text);
        AssertWellFormed(text, result);
        int covered = result.Tokens.Sum(t => t.Span.Length);
        int spaces = 0;
        foreach (Token token in result.Tokens)
        {
            spaces += text.AsSpan(token.Span.Start, token.Span.Length).Count(' ');
        }

        Assert.Equal(text.Count(c => c != ' ') + spaces, covered);
        Assert.Equal(4000, result.Sentences.Length);
    }

    [Fact]
    public void Segmenters_are_shared_per_language()
    {
        Assert.Same(Segmenters.For("fr"), Segmenters.For("FR"));
        Assert.Same(Segmenters.For("fr"), Segmenters.For("fr-CA"));
        Assert.Same(Segmenters.For("und"), Segmenters.For("de"));
        Assert.NotSame(Segmenters.For("fr"), Segmenters.For("en"));
        Assert.Equal("en", ((RuleSegmenter)Segmenters.For("en-GB")).Rules.Language);
    }

    [Fact]
    public void Segmenting_from_many_threads_gives_the_same_result()
    {
        const string text = "Qu'a-t-il dit ? « Rien », répond M. Dupont. Le 13/05/2022, 10 000 soldats étaient là.";
        SegmentedText expected = Segmenters.For("fr").Segment(text);
        Parallel.For(0, 64, _ =>
        {
            SegmentedText actual = Segmenters.For("fr").Segment(text);
            Assert.Equal(expected.Tokens, actual.Tokens);
            Assert.Equal(expected.Sentences, actual.Sentences);
        });
    }

    [Fact]
    public void Token_kinds_tell_words_numbers_punctuation_urls_and_addresses()
    {
        const string text = "Voir https://example.org ou écrire à a@b.fr : 10 000 € le 13/05.";
        SegmentedText result = Segmenters.For("fr").Segment(text);
        string Kinds(TokenKind kind) => string.Join(" ", result.Tokens.Where(t => t.Kind == kind).Select(t => text.Substring(t.Span.Start, t.Span.Length)));
        Assert.Equal("https://example.org", Kinds(TokenKind.Url));
        Assert.Equal("a@b.fr", Kinds(TokenKind.Email));
        Assert.Equal("10 000 13/05", Kinds(TokenKind.Number));
        Assert.Equal("€", Kinds(TokenKind.Symbol));
        Assert.Equal(": .", Kinds(TokenKind.Punctuation));
    }

    private static void AssertWellFormed(string text, SegmentedText result)
    {
        int previousEnd = 0;
        foreach (Token token in result.Tokens)
        {
            Assert.True(token.Span.Length > 0, "empty token");
            Assert.True(token.Span.Start >= previousEnd, $"tokens overlap or go backwards at {token.Span}");
            Assert.True(token.Span.End <= text.Length, $"token {token.Span} out of bounds");
            previousEnd = token.Span.End;
        }

        int nextToken = 0;
        foreach (Sentence sentence in result.Sentences)
        {
            Assert.Equal(nextToken, sentence.FirstToken);
            Assert.True(sentence.TokenCount > 0, "empty sentence");
            Token first = result.Tokens[sentence.FirstToken];
            Token last = result.Tokens[sentence.FirstToken + sentence.TokenCount - 1];
            Assert.Equal(TextSpan.FromBounds(first.Span.Start, last.Span.End), sentence.Span);
            nextToken += sentence.TokenCount;
        }

        Assert.Equal(result.Tokens.Length, nextToken);
    }
}

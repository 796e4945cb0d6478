using Sitrep.Documents;

namespace Sitrep.Tests.Documents;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("l\u2019arm\u00e9e", "l'arm\u00e9e")]
    [InlineData("\u00ab\u202Fbonjour\u00a0\u00bb", "\u00ab bonjour \u00bb")]
    [InlineData("a\r\nb\rc", "a\nb\nc")]
    [InlineData("\ufb01n", "fin")]
    [InlineData("e\u0301t\u00e9", "\u00e9t\u00e9")]
    [InlineData("co\u00adop\u00e9ration", "coop\u00e9ration")]
    [InlineData("l\u0092arm\u00e9e", "l'arm\u00e9e")]
    [InlineData("a\u0001b", "a b")]
    [InlineData("\u201EZitat\u201C", "\u201CZitat\u201C")]
    public void Normalizes_characters(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Default.Normalize(input).Text);

    [Fact]
    public void Clean_text_is_returned_as_is_with_an_identity_map()
    {
        const string text = "Les forces russes ont \u00e9t\u00e9 chass\u00e9es de Kharkiv.";
        NormalizedText normalized = TextNormalizer.Default.Normalize(text);
        Assert.Same(text, normalized.Text);
        Assert.True(normalized.Map.IsIdentity);
    }

    [Fact]
    public void Offsets_map_back_through_an_expanded_ligature()
    {
        // "ﬁn du" → "fin du": the token "fin" [0,3) comes from "ﬁn" [0,2); "du" [4,6) from [3,5).
        NormalizedText n = TextNormalizer.Default.Normalize("\ufb01n du");
        Assert.Equal(TextSpan.FromBounds(0, 2), n.Map.ToOriginal(TextSpan.FromBounds(0, 3)));
        Assert.Equal(TextSpan.FromBounds(3, 5), n.Map.ToOriginal(TextSpan.FromBounds(4, 6)));
    }

    [Fact]
    public void Offsets_map_back_over_removed_characters()
    {
        // "a\r\nb\u00adc" → "a\nbc"
        NormalizedText n = TextNormalizer.Default.Normalize("a\r\nb\u00adc");
        Assert.Equal("a\nbc", n.Text);
        Assert.Equal(TextSpan.FromBounds(5, 6), n.Map.ToOriginal(TextSpan.FromBounds(3, 4)));
        Assert.Equal(TextSpan.FromBounds(3, 6), n.Map.ToOriginal(TextSpan.FromBounds(2, 4)));
        Assert.Equal(6, n.Map.ToOriginal(4));
    }
}

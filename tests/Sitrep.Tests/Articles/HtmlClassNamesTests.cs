using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Sitrep.Articles.Html;

namespace Sitrep.Tests.Articles;

public sealed class HtmlClassNamesTests
{
    private static HtmlClassVerdict Classify(string attributes, string tag = "div")
    {
        using IDocument page = new HtmlParser().ParseDocument($"<body><{tag} {attributes}>x</{tag}></body>");
        return HtmlClassNames.Classify(page.Body!.FirstElementChild!);
    }

    [Theory]
    [InlineData("storyBody", new[] { "story", "body" })]
    [InlineData("article__paragraph--related", new[] { "article", "paragraph", "related" })]
    [InlineData("text__text__1FZLe", new[] { "text", "text" })]
    [InlineData("c-share-bar", new[] { "c", "share", "bar" })]
    [InlineData("encadre_lire-aussi", new[] { "encadre", "lire", "aussi" })]
    public void Names_are_cut_into_lower_case_words(string name, string[] expected) =>
        Assert.Equal(expected, HtmlClassNames.Words(name, out _));

    [Theory]
    [InlineData("class=\"share share--top\"")]
    [InlineData("class=\"article__credit\"")]
    [InlineData("class=\"encadre-lire-aussi\"")]
    [InlineData("class=\"read-more\"")]
    [InlineData("class=\"layout has-sidebar\"")]
    [InlineData("id=\"comments\"")]
    [InlineData("data-component=\"most-viewed\"")]
    [InlineData("class=\"newsletter-inline__desc\"")]
    [InlineData("class=\"ad-slot ad-slot--mpu\"")]
    public void Furniture_names_are_boilerplate(string attributes) =>
        Assert.True(Classify(attributes).Boilerplate);

    [Theory]
    [InlineData("class=\"article__paragraph article__paragraph--related\"")]
    [InlineData("class=\"d-comment__body\"")]
    [InlineData("class=\"article__header\"")]
    [InlineData("class=\"content__standfirst\"")]
    [InlineData("class=\"text__text__1FZLe\"")]
    [InlineData("class=\"loading\"")]
    [InlineData("class=\"shadow\"")]
    public void Story_parts_are_not_boilerplate_even_next_to_furniture_words(string attributes) =>
        Assert.False(Classify(attributes).Boilerplate);

    [Theory]
    [InlineData("class=\"article-body\"", 25)]
    [InlineData("itemprop=\"articleBody\" class=\"x\"", 0)]
    [InlineData("class=\"sidebar\"", -25)]
    [InlineData("class=\"comment-content\"", 0)]
    [InlineData("class=\"site-header\"", -25)]
    [InlineData("class=\"wrapper\"", 0)]
    public void Weight_is_readability_s_plus_or_minus_25(string attributes, int weight) =>
        Assert.Equal(weight, Classify(attributes).Weight);

    [Theory]
    [InlineData("class=\"cookie-banner\"")]
    [InlineData("id=\"didomi-host\"")]
    [InlineData("class=\"sr-only\"")]
    [InlineData("class=\"twitter-tweet\"")]
    public void Consent_dialogs_screen_reader_labels_and_embedded_posts_are_always_junk(string attributes) =>
        Assert.True(Classify(attributes).AlwaysJunk);

    [Fact]
    public void A_custom_element_is_judged_by_its_tag_name_too() =>
        Assert.True(Classify("width=\"300\"", "amp-ad").Boilerplate);
}

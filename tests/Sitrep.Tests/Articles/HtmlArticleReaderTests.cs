using System.Text;
using Sitrep.Articles;

namespace Sitrep.Tests.Articles;

public sealed class HtmlArticleReaderTests
{
    private const string Sentence = "Les secours ont travaillé toute la nuit pour dégager les routes, selon la préfecture, qui a ouvert un centre d'accueil.";

    private static string Page(string body, string head = "") =>
        $"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>";

    private static string Text(string body) => HtmlArticleReader.Read(Page(body)).Text;

    [Theory]
    [InlineData("<p>Les <b>forces</b> russes</p>", "Les forces russes")]
    [InlineData("<p>Les <b>forces</b> <i>russes</i>, <a href=\"/x\">dit-il</a>.</p>", "Les forces russes, dit-il.")]
    [InlineData("<p><span>Kha</span><span>rkiv</span> tient</p>", "Kharkiv tient")]
    [InlineData("<p>Un\n   texte\t\tsur\r\n plusieurs   lignes </p>", "Un texte sur plusieurs lignes")]
    public void Inline_tags_lose_no_words_and_add_no_spaces(string body, string expected) =>
        Assert.Equal(expected, Text(body));

    [Fact]
    public void Entities_are_decoded_and_non_breaking_spaces_kept_for_the_normaliser() =>
        Assert.Equal("R\u00e9sum\u00e9 & d\u00e9tails l\u2019arm\u00e9e \u00ab\u00a0oui\u00a0\u00bb",
            Text("<p>R&eacute;sum&eacute; &amp; d&#233;tails l&#x2019;arm&eacute;e &laquo;&nbsp;oui&nbsp;&raquo;</p>"));

    [Fact]
    public void Paragraphs_are_separated_by_a_blank_line() =>
        Assert.Equal("Premier paragraphe.\n\nDeuxième paragraphe.\n\nTroisième.", Text("<p>Premier paragraphe.</p>\n<p>Deuxième paragraphe.</p><p>Troisième.</p>"));

    [Fact]
    public void Block_elements_that_meet_without_white_space_are_kept_apart() =>
        Assert.Equal("Paris\n\nLyon\n\nMarseille", Text("<div><div>Paris</div><div>Lyon</div><h2>Marseille</h2></div>"));

    [Fact]
    public void A_table_row_of_plain_cells_is_one_line_with_tabs() =>
        Assert.Equal("Ville\tBlessés\n\nKharkiv\t12", Text("<table><tr><th>Ville</th><th>Blessés</th></tr><tr><td>Kharkiv</td><td>12</td></tr></table>"));

    [Fact]
    public void One_br_breaks_the_line_and_two_end_the_paragraph() =>
        Assert.Equal("Préfecture du Gard\n10, avenue Feuchères\n\nLa cellule répond tous les jours.",
            Text("<div>Préfecture du Gard<br>\n  10, avenue Feuchères<br> <br>La cellule répond tous les jours.<br></div>"));

    [Fact]
    public void Pre_keeps_its_lines_and_indentation() =>
        Assert.Equal("Secteur   Total\n  Alès       48\n\nAnduze     31", Text("<pre>\nSecteur   Total  \n  Alès       48\n\n\n\nAnduze     31\n\n</pre>"));

    [Fact]
    public void Script_containing_a_closing_paragraph_tag_is_not_text()
    {
        string text = Text("<p>Avant le script.</p><script>document.write('</p><p>injecté');</script><p>Après le script.</p>");
        Assert.Equal("Avant le script.\n\nAprès le script.", text);
    }

    [Fact]
    public void Styles_and_comments_are_not_text() =>
        Assert.Equal("Visible.", Text("<style>p { color: red; }</style><!-- <p>commentaire</p> --><p>Visible.</p>"));

    [Fact]
    public void Unclosed_tags_still_give_all_the_text() =>
        Assert.Equal("Un deux trois\n\nquatre", Text("<p>Un <b>deux <i>trois<p>quatre"));

    [Fact]
    public void Ten_thousand_nested_divs_are_read_without_exhausting_the_stack()
    {
        string html = Page(string.Concat(Enumerable.Repeat("<div>", 10_000)) + "<p>" + Sentence + "</p>" + string.Concat(Enumerable.Repeat("</div>", 10_000)));
        Assert.Equal(Sentence, HtmlArticleReader.Read(html).Text);
    }

    [Fact]
    public void Ten_thousand_unclosed_inline_tags_are_read()
    {
        string html = Page("<p>" + string.Concat(Enumerable.Repeat("<b>", 10_000)) + Sentence + "</p>");
        Assert.Equal(Sentence, HtmlArticleReader.Read(html).Text);
    }

    [Fact]
    public void A_page_nested_deeper_than_the_limit_is_refused()
    {
        string html = Page(string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>Texte.</p>");
        ArticleReadException e = Assert.Throws<ArticleReadException>(() => HtmlArticleReader.Read(html));
        Assert.Contains("levels deep", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sixty_thousand_sibling_paragraphs_are_read()
    {
        // Speed on such pages is a benchmark matter (walks go through child lists by index, not NextSibling).
        string html = Page("<div>" + string.Concat(Enumerable.Repeat("<p>Un paragraphe, une virgule, <a href=\"/x\">un lien</a>.</p>", 60_000)) + "</div>");
        Assert.StartsWith("Un paragraphe, une virgule, un lien.\n\n", HtmlArticleReader.Read(html).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_five_megabyte_single_line_page_is_read_whole()
    {
        var body = new StringBuilder("<p>");
        while (body.Length < 5_000_000)
        {
            body.Append("Une phrase de plus, sans fin de ligne. ");
        }

        body.Append("</p>");
        string text = HtmlArticleReader.Read(Page(body.ToString())).Text;
        Assert.True(text.Length > 4_900_000);
        Assert.DoesNotContain('\n', text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void An_empty_page_is_refused(string html) =>
        Assert.Contains("empty", Assert.Throws<ArticleReadException>(() => HtmlArticleReader.Read(html)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_page_without_body_text_says_so() =>
        Assert.Equal("the HTML page has no text in its body",
            Assert.Throws<ArticleReadException>(() => HtmlArticleReader.Read(Page("<div><img src=\"a.png\"></div>"))).Message);

    [Fact]
    public void A_page_of_navigation_only_is_refused_as_furniture()
    {
        string html = Page("<nav><a href=\"/a\">Monde</a> <a href=\"/b\">France</a></nav><footer><a href=\"/c\">Mentions légales</a></footer>");
        ArticleReadException e = Assert.Throws<ArticleReadException>(() => HtmlArticleReader.Read(html));
        Assert.StartsWith("no story text found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cookie_banner_is_not_part_of_the_text()
    {
        string text = Text("<div class=\"cookie-banner\"><p>Nous utilisons des cookies, avec nos partenaires, pour mesurer l'audience, personnaliser les contenus, et afficher des publicités.</p><button>OK</button></div>"
            + "<article><p>" + Sentence + "</p></article>");
        Assert.Equal(Sentence, text);
    }

    [Fact]
    public void Consent_dialog_by_role_is_not_part_of_the_text() =>
        Assert.Equal(Sentence, Text("<div role=\"dialog\"><p>Acceptez-vous les traceurs, les cookies et les mesures d'audience de nos partenaires ?</p></div><p>" + Sentence + "</p>"));

    [Fact]
    public void Figure_captions_and_credits_are_not_part_of_the_text()
    {
        string text = Text("<article><p>" + Sentence + "</p><figure><img src=\"x.jpg\"><figcaption>Des habitants devant l'école, le 3 mars. <span class=\"credit\">AGENCE</span></figcaption></figure><p>" + Sentence + "</p></article>");
        Assert.Equal(Sentence + "\n\n" + Sentence, text);
    }

    [Theory]
    [InlineData("<p hidden>Texte caché.</p>")]
    [InlineData("<p aria-hidden=\"true\">Texte caché.</p>")]
    [InlineData("<div style=\"display: none\">Texte caché.</div>")]
    [InlineData("<span class=\"sr-only\">Texte caché.</span>")]
    public void Hidden_elements_are_not_text(string hidden) =>
        Assert.Equal(Sentence, Text("<article>" + hidden + "<p>" + Sentence + "</p></article>"));

    [Fact]
    public void List_items_that_belong_to_the_story_are_kept()
    {
        string text = Text("<article><p>" + Sentence + "</p><ul><li>Trois routes sont fermées.</li><li>Deux écoles accueillent les sinistrés.</li></ul><p>" + Sentence + "</p></article>");
        Assert.Equal(Sentence + "\n\nTrois routes sont fermées.\n\nDeux écoles accueillent les sinistrés.\n\n" + Sentence, text);
    }

    [Fact]
    public void Read_more_links_inside_the_story_are_dropped()
    {
        string text = Text("<article><p>" + Sentence + "</p><p><strong>Lire aussi :</strong> <a href=\"/a\">Les crues de 2021 racontées par les habitants</a></p>"
            + "<ul><li><a href=\"/b\">Inondations : la carte des routes coupées</a></li><li><a href=\"/c\">Assurances : comment se faire indemniser</a></li></ul><p>" + Sentence + "</p></article>");
        Assert.Equal(Sentence + "\n\n" + Sentence, text);
    }

    [Fact]
    public void Share_bar_and_byline_links_are_dropped()
    {
        string text = Text("<article><div class=\"byline\">Par <a href=\"/auteur\">Claire Vidal</a></div><div class=\"share-tools\"><a href=\"#\">Facebook</a> <a href=\"#\">X</a></div><p>" + Sentence + "</p></article>");
        Assert.Equal(Sentence, text);
    }

    [Fact]
    public void Headline_is_not_repeated_in_the_text_and_the_kicker_above_it_goes()
    {
        Article article = HtmlArticleReader.Read(Page("<article><p>Inondations</p><h1>La Vienne sort de son lit</h1><p>" + Sentence + "</p><h2>Routes coupées</h2><p>" + Sentence + "</p></article>"));
        Assert.Equal("La Vienne sort de son lit", article.Title);
        Assert.Equal(Sentence + "\n\nRoutes coupées\n\n" + Sentence, article.Text);
    }

    [Fact]
    public void Comments_are_not_chosen_over_a_shorter_story()
    {
        string comment = "<li class=\"comment\"><p>Je ne suis pas d'accord, vraiment pas, parce que, depuis des années, les mêmes erreurs, les mêmes retards, et les mêmes excuses reviennent, encore et encore.</p></li>";
        string html = Page("<div class=\"post\"><div class=\"entry-content\"><p>" + Sentence + "</p></div></div><ol class=\"comment-list\">" + string.Concat(Enumerable.Repeat(comment, 12)) + "</ol>");
        Assert.Equal(Sentence, HtmlArticleReader.Read(html).Text);
    }

    [Fact]
    public void The_story_is_found_when_teasers_are_article_elements_too()
    {
        string teaser = "<article class=\"teaser\"><a href=\"/x\"><h3>Un autre sujet</h3></a><p>Un résumé d'une autre histoire, avec quelques mots.</p></article>";
        string html = Page(teaser + teaser + "<div class=\"story-body\"><p>" + Sentence + "</p><p>" + Sentence + "</p><p>" + Sentence + "</p></div>" + teaser);
        Assert.Equal(string.Join("\n\n", Sentence, Sentence, Sentence), HtmlArticleReader.Read(html).Text);
    }

    [Fact]
    public void Copyright_lines_are_dropped() =>
        Assert.Equal(Sentence, Text("<div><p>" + Sentence + "</p><p>© Agence - Tous droits réservés</p></div>"));

    [Theory]
    [InlineData("<meta property=\"og:title\" content=\"Titre OG\"><meta name=\"twitter:title\" content=\"Titre Twitter\"><title>Titre de page</title>", "Titre OG")]
    [InlineData("<meta name=\"twitter:title\" content=\"Titre Twitter\"><title>Titre de page</title>", "Titre Twitter")]
    [InlineData("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Titre JSON-LD\"}</script><title>Titre de page</title>", "Titre JSON-LD")]
    [InlineData("<meta property=\"og:site_name\" content=\"Le Courrier\"><title>Crue de la Vienne - Le Courrier</title>", "Crue de la Vienne")]
    [InlineData("<meta property=\"og:site_name\" content=\"The Ledger\"><title>Floods in Jigawa | World | The Ledger</title>", "Floods in Jigawa | World")]
    [InlineData("<meta property=\"og:site_name\" content=\"Le Courrier\"><title>Le Courrier | Crue de la Vienne</title>", "Crue de la Vienne")]
    [InlineData("<title>Kharkiv - Lviv : le train de nuit reprend</title>", "Kharkiv - Lviv : le train de nuit reprend")]
    [InlineData("", "Le titre en h1")]
    public void Title_comes_from_the_best_source_without_the_site_name(string head, string expected)
    {
        Article article = HtmlArticleReader.Read(Page("<h1>Le titre en h1</h1><p>" + Sentence + "</p>", head));
        Assert.Equal(expected, article.Title);
    }

    [Theory]
    [InlineData("<meta property=\"article:published_time\" content=\"2022-05-14T18:05:00+02:00\">", "", "2022-05-14T18:05:00+02:00")]
    [InlineData("<meta name=\"article:published_time\" content=\"2023-09-04T14:32:10Z\">", "", "2023-09-04T14:32:10Z")]
    [InlineData("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebPage\"},{\"@type\":\"NewsArticle\",\"datePublished\":\"2022-06-21T16:40:12.000Z\"}]}</script>", "", "2022-06-21T16:40:12Z")]
    [InlineData("<script type=\"application/ld+json\">[{\"@type\":\"BreadcrumbList\"},{\"@type\":[\"ReportageNewsArticle\"],\"datePublished\":\"2022-03-02\"}]</script>", "", "2022-03-02")]
    [InlineData("", "<meta itemprop=\"datePublished\" content=\"2023-07-18T09:15:00+01:00\">", "2023-07-18T09:15:00+01:00")]
    [InlineData("", "<span itemprop=\"datePublished\">2023-07-18</span>", "2023-07-18")]
    [InlineData("<meta name=\"date\" content=\"2022-03-02\">", "", "2022-03-02")]
    [InlineData("<meta name=\"DC.date.issued\" content=\"2021-11-05\">", "", "2021-11-05")]
    [InlineData("", "<time datetime=\"2024-01-16T07:45:00+01:00\">16/01/2024</time>", "2024-01-16T07:45:00+01:00")]
    public void Publication_date_comes_from_meta_json_ld_microdata_or_time(string head, string bodyStart, string expected)
    {
        Article article = HtmlArticleReader.Read(Page("<article>" + bodyStart + "<p>" + Sentence + "</p></article>", head));
        Assert.Equal(expected, article.Published?.ToString());
    }

    [Fact]
    public void The_time_element_of_the_article_wins_over_the_date_in_the_site_header()
    {
        string html = Page("<div class=\"top\"><time datetime=\"2023-01-20\">Vendredi 20 janvier</time></div><div class=\"col\"><div class=\"head\"><h1>Titre</h1><time datetime=\"2023-01-16T07:45\">16/01</time></div>"
            + "<div class=\"text\"><p>" + Sentence + "</p><p>" + Sentence + "</p></div></div>");
        Assert.Equal("2023-01-16T07:45:00", HtmlArticleReader.Read(html).Published?.ToString());
    }

    [Fact]
    public void A_publication_date_that_is_not_a_date_is_ignored_with_a_warning()
    {
        Article article = HtmlArticleReader.Read(Page("<p>" + Sentence + "</p>", "<meta property=\"article:published_time\" content=\"hier soir\">"));
        Assert.Null(article.Published);
        Assert.Contains(article.Warnings, w => w.Contains("'hier soir'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bare_clock_time_is_not_taken_for_a_date() =>
        Assert.Null(HtmlArticleReader.Read(Page("<p>" + Sentence + "</p>", "<meta name=\"date\" content=\"10:30\">")).Published);

    [Theory]
    [InlineData("<html lang=\"fr-FR\">", "", "fr")]
    [InlineData("<html>", "<meta property=\"og:locale\" content=\"fr_FR\">", "fr")]
    [InlineData("<html>", "<meta http-equiv=\"content-language\" content=\"en-GB, fr\">", "en")]
    [InlineData("<html lang=\"\">", "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"inLanguage\":\"en-US\"}</script>", "en")]
    [InlineData("<html lang=\"x-default\">", "", null)]
    public void Language_comes_from_the_page(string htmlTag, string head, string? expected)
    {
        string html = $"<!DOCTYPE html>{htmlTag}<head>{head}</head><body><p>{Sentence}</p></body></html>";
        Assert.Equal(expected, HtmlArticleReader.Read(html).Language);
    }

    [Theory]
    [InlineData("<link rel=\"canonical\" href=\"https://a.example/monde/1.html\"><meta property=\"og:url\" content=\"https://a.example/og\">", "https://a.example/monde/1.html")]
    [InlineData("<meta property=\"og:url\" content=\"https://a.example/og\">", "https://a.example/og")]
    [InlineData("<link rel=\"canonical\" href=\"/monde/1.html\"><meta property=\"og:url\" content=\"https://a.example/og?x=1\">", "https://a.example/monde/1.html")]
    [InlineData("<link rel=\"canonical\" href=\"/monde/1.html\">", null)]
    [InlineData("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"mainEntityOfPage\":{\"@id\":\"https://a.example/ld\"}}</script>", "https://a.example/ld")]
    public void Url_is_the_canonical_one(string head, string? expected) =>
        Assert.Equal(expected, HtmlArticleReader.Read(Page("<p>" + Sentence + "</p>", head)).Url);

    [Theory]
    [InlineData("<meta property=\"og:site_name\" content=\"Le Courrier\">", "Le Courrier")]
    [InlineData("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"publisher\":\"Northwire\"}</script>", "Northwire")]
    [InlineData("<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"Organization\",\"@id\":\"#org\",\"name\":\"The Ledger\"},{\"@type\":\"NewsArticle\",\"publisher\":{\"@id\":\"#org\"}}]}</script>", "The Ledger")]
    [InlineData("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\", \"publisher\": {\"name\": \"Ouest &amp; Centre\"},}</script>", "Ouest & Centre")]
    [InlineData("<script type=\"application/ld+json\">{ not json at all </script>", null)]
    public void Source_is_the_site_or_publisher_name(string head, string? expected) =>
        Assert.Equal(expected, HtmlArticleReader.Read(Page("<p>" + Sentence + "</p>", head)).Source);

    [Fact]
    public void A_story_hidden_in_the_markup_is_still_read()
    {
        // Paywalled pages sometimes ship the article hidden and reveal it with a script.
        string html = Page("<div style=\"display:none\" itemprop=\"articleBody\"><p>" + Sentence + "</p></div><p>Abonnez-vous.</p>");
        Assert.Contains(Sentence, HtmlArticleReader.Read(html).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_brief_is_kept_whole_and_clean()
    {
        Article article = HtmlArticleReader.Read(Page("<nav><a href=\"/\">Accueil</a></nav><p>Un entrepôt a brûlé à Sète.</p>"));
        Assert.Equal("Un entrepôt a brûlé à Sète.", article.Text);
        Assert.Empty(article.Warnings);
    }
}

using Sitrep.Articles;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Serialization;

namespace Sitrep.Tests.Mentions.Dates;

/// <summary>Issue 6, "done when": the example article's three dates, with and without a publication date.</summary>
public sealed class ExampleArticleTimeTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Example_article_dates_resolve_against_the_publication_date()
    {
        SitrepDocumentModel model = Extract(PublicationDate.Parse("2022-05-14"));
        AssertDates(model);
        Assert.False(model.Article.PublishedInferred);
    }

    [Fact]
    public void Example_article_without_a_date_infers_the_year_from_a_weekday_with_its_date()
    {
        SitrepDocumentModel model = Extract(null);
        AssertDates(model);
        Assert.True(model.Article.PublishedInferred);
        Assert.Equal("2022-05-13", model.Article.Published);
        Assert.DoesNotContain(model.Article.Warnings, w => w.Contains("no publication date", StringComparison.Ordinal));
    }

    [Fact]
    public void Undated_text_without_a_weekday_and_date_says_it_cannot_infer_one()
    {
        ExtractionPipeline pipeline = new ExtractionPipelineBuilder().UseLanguageIdentification().UseSegmentation().UseTimes(Clock).Build();
        Document document = pipeline.Extract(new Article { Text = "Les combats ont repris hier soir près de la ville, a indiqué l'armée.", Language = "fr" }, TestContext.Current.CancellationToken);
        Assert.Null(document.InferredPublished);
        Assert.Null(document.Times.Single(t => document[t.Span] == "hier soir").Value);
        Assert.Contains(document.Article.Warnings, w => w.Contains("no publication date", StringComparison.Ordinal));
    }

    private static SitrepDocumentModel Extract(PublicationDate? published)
    {
        string path = Path.Combine(TestPaths.RequireExamples(), "000_3ca54b3d2c914af4.txt");
        ExtractionPipeline pipeline = new ExtractionPipelineBuilder().UseLanguageIdentification().UseSegmentation().UseTimes(Clock).Build();
        Document document = pipeline.Extract(new Article { Text = File.ReadAllText(path), Published = published, Language = "fr" }, TestContext.Current.CancellationToken);
        return SitrepJson.ToModel(document);
    }

    private static void AssertDates(SitrepDocumentModel model)
    {
        AssertDate(model, "le 24 février", "2022-02-24");
        AssertDate(model, "vendredi (13 mai)", "2022-05-13");
        AssertDate(model, "Tard vendredi", "2022-05-13");
        Assert.Equal(Enumerable.Range(1, model.Times.Length).Select(i => "T" + i), model.Times.Select(t => t.Id));
        Assert.All(model.Times, t => Assert.Equal(t.Text, model.Text[t.Start..t.End]));
    }

    /// <summary>Exactly one expression with this text, a DATE with exactly this value, its span pointing at the text.</summary>
    private static void AssertDate(SitrepDocumentModel model, string text, string value)
    {
        TimeModel time = Assert.Single(model.Times, t => t.Text == text);
        Assert.Equal("DATE", time.Type);
        Assert.Equal(value, time.Value);
        Assert.Equal(text, model.Text[time.Start..time.End]);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

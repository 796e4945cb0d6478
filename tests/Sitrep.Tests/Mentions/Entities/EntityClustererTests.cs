using Sitrep.Documents;
using Sitrep.Mentions.Entities;
using Sitrep.Articles;
using Sitrep.Pipeline;
using Sitrep.Segmentation;

namespace Sitrep.Tests.Mentions.Entities;

public sealed class EntityClustererTests
{
    [Fact]
    public void Surname_joins_the_full_name_mentioned_before()
    {
        Document document = SitrepExtractor.Extract(
            "Le président ukrainien Volodymyr Zelensky a appelé à l'aide. Plus tard, Zelensky a remercié les alliés.", language: "fr");
        Entity zelensky = Assert.Single(document.Entities, e => e.Name == "Volodymyr Zelensky");
        Assert.Equal("PER", zelensky.Type);
        Assert.Equal(["Volodymyr Zelensky", "Zelensky"], zelensky.Mentions.Select(m => document[m.Span]));
        Assert.Contains("président ukrainien", zelensky.Roles);
    }

    [Fact]
    public void Apposition_after_a_name_is_a_role()
    {
        Document document = SitrepExtractor.Extract("Olaf Scholz, the German chancellor, arrived in Paris on Monday.", language: "en");
        Entity scholz = Assert.Single(document.Entities, e => e.Name == "Olaf Scholz");
        Assert.Contains("German chancellor", scholz.Roles);
    }

    [Fact]
    public void Acronym_joins_the_organisation_named_in_full_and_the_majority_type_wins()
    {
        ExtractionPipeline segmentOnly = new ExtractionPipelineBuilder().UseSegmentation().Build();
        Document document = segmentOnly.Extract(new Article
        {
            Text = "The North Atlantic Treaty Organization met. NATO agreed. NATO left.",
            Language = "en",
        }, TestContext.Current.CancellationToken);
        EntityMention Mention(string text, string type, int occurrence = 0)
        {
            int start = -1;
            for (int i = 0; i <= occurrence; i++)
            {
                start = document.Text.IndexOf(text, start + 1, StringComparison.Ordinal);
            }

            int first = document.Tokens.IndexOf(document.Tokens.First(t => t.Span.Start == start));
            int last = document.Tokens.IndexOf(document.Tokens.First(t => t.Span.End == start + text.Length));
            int sentence = document.Sentences.IndexOf(document.Sentences.First(s => s.Span.Contains(start)));
            return new EntityMention(new TextSpan(start, text.Length), type, sentence, first, last - first + 1);
        }

        var entities = EntityClusterer.Cluster(document, [
            Mention("North Atlantic Treaty Organization", "ORG"), Mention("NATO", "ORG"), Mention("NATO", "LOC", 1)]);
        Entity nato = Assert.Single(entities);
        Assert.Equal("North Atlantic Treaty Organization", nato.Name);
        Assert.Equal("ORG", nato.Type);
        Assert.Equal(3, nato.Mentions.Length);
    }

    [Fact]
    public void Entity_mentions_are_inside_one_sentence_and_point_at_their_text()
    {
        Document document = SitrepExtractor.Extract("Kharkiv a été bombardée. Les forces russes ont quitté Kharkiv. Kiev a démenti.", language: "fr");
        foreach (EntityMention mention in document.EntityMentions)
        {
            Sentence sentence = document.Sentences[mention.Sentence];
            Assert.True(sentence.Span.Contains(mention.Span));
            Assert.Equal(document.Tokens[mention.FirstToken].Span.Start, mention.Span.Start);
        }

        Assert.Single(document.Entities, e => e.Name == "Kharkiv");
    }
}

using Sitrep.Articles;
using Sitrep.Documents;
using Sitrep.Mentions.Entities;
using Sitrep.Pipeline;
using Sitrep.Segmentation;

namespace Sitrep.Tests.Golden;

/// <summary>
/// The real French wire story in ../shared/examples (issue 2's "done when"). Its sentences may not be copied
/// into the repository, so the checks are structural: language, sentence ends, tokens around elisions.
/// </summary>
public sealed class ExampleArticleTests
{
    private static Document Extract()
    {
        string path = Path.Combine(TestPaths.RequireExamples(), "000_3ca54b3d2c914af4.txt");
        ArticleReadResult read = Assert.Single(ArticleReader.Read(File.ReadAllBytes(path), path, ArticleFormat.Auto, path));
        return SitrepExtractor.Default.Extract(read.Article! with { Published = PublicationDate.Parse("2022-05-14") }, TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Example_article_is_French_with_thirteen_sentences_each_ending_in_a_full_stop()
    {
        Document document = Extract();
        Assert.Equal("fr", document.Language);
        Assert.Equal(13, document.Sentences.Length);
        foreach (Sentence sentence in document.Sentences)
        {
            Assert.Equal('.', document.Text[sentence.Span.End - 1]);
            Assert.False(char.IsWhiteSpace(document.Text[sentence.Span.Start]));
        }
    }

    [Fact]
    public void Example_article_splits_elisions_and_keeps_names_and_compounds_whole()
    {
        Document document = Extract();
        var tokens = document.Tokens.Select(t => document[t.Span]).ToHashSet(StringComparer.Ordinal);
        foreach (string expected in new[] { "s'", "l'", "qu'", "d'", "n'", "Kharkiv", "civilo-militaire", "Zelenskiy", "Azovstal", "\"" })
        {
            Assert.Contains(expected, tokens);
        }

        // No apostrophe inside a token: every elided article or pronoun ends its own token.
        Assert.DoesNotContain(tokens, t => t.IndexOf('\'', StringComparison.Ordinal) is int i && i >= 0 && i < t.Length - 1);
        Invariants.DocumentInvariants.Check(document);
    }

    /// <summary>Issue 3's "done when": the article's people and places come out as entities, with their spans.</summary>
    [Fact]
    public void Example_article_people_and_places_are_entities_with_exact_spans()
    {
        Document document = Extract();
        foreach (Entity entity in document.Entities)
        {
            Assert.All(entity.Mentions, m => Assert.Equal(document.Tokens[m.FirstToken].Span.Start, m.Span.Start));
        }

        void Has(string name, string type, int mentions)
        {
            Entity entity = Assert.Single(document.Entities, e => e.Name == name);
            Assert.Equal(type, entity.Type);
            Assert.Equal(mentions, entity.Mentions.Length);
            Assert.All(entity.Mentions, m => Assert.EndsWith(document[m.Span], name, StringComparison.Ordinal));
        }

        Has("Volodymyr Zelenskiy", "PER", 1);
        Has("Vladimir Poutine", "PER", 2);
        Has("Volodymyr Lyamzin", "PER", 1);
        foreach (string place in new[] { "Kiev", "Tchernihiv", "Kharkiv", "Mariupol", "Moscou", "Donbas", "Russie" })
        {
            Has(place, "LOC", 1);
        }

        Assert.Contains("président ukrainien", Assert.Single(document.Entities, e => e.Name == "Volodymyr Zelenskiy").Roles);
    }
}

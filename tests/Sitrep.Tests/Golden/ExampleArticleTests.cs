using Sitrep.Articles;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Mentions.Entities;
using Sitrep.Mentions.Places;
using Sitrep.Mentions.Quotes;
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

    /// <summary>
    /// Issue 5's "done when": every place resolves sensibly — the towns as towns, the Kyiv and Chernihiv regions as
    /// their oblasts, Crimea and the Donbas as regions, Azovstal inside Mariupol — and LOC entities point to them.
    /// </summary>
    [Fact]
    public void Example_article_places_resolve_to_towns_regions_and_a_facility_in_its_town()
    {
        Document document = Extract();
        Assert.SkipWhen(Gazetteer.Default is null, "this build ships no gazetteer: place test skipped");

        Place Resolved(string written, long? geonamesId, PlacePrecision precision, string country)
        {
            Place place = Assert.Single(document.Places, p => p.Mentions.Any(m => document[m.Span] == written));
            Assert.NotNull(place.Entry);
            Assert.Equal((geonamesId, precision, country), (place.Entry.GeonamesId, place.Entry.Precision, place.Entry.Country));
            return place;
        }

        Resolved("Kharkiv", 706483, PlacePrecision.City, "UA");
        Place mariupol = Resolved("Mariupol", 701822, PlacePrecision.City, "UA");
        Resolved("Kiev", 703446, PlacePrecision.Region, "UA");       // «la région de Kiev»: Kyiv Oblast, not the city
        Resolved("Tchernihiv", 710734, PlacePrecision.Region, "UA"); // Chernihiv Oblast
        Resolved("Crimée", null, PlacePrecision.Region, "UA");
        Resolved("Donbas", null, PlacePrecision.Region, "UA");
        Resolved("Ukraine", 690791, PlacePrecision.Country, "UA");
        Place azovstal = Resolved("Azovstal", null, PlacePrecision.Point, "UA");
        Assert.Equal(mariupol.Entry!.Index, azovstal.Entry!.Within);
        Assert.True(azovstal.Entry.DistanceTo(mariupol.Entry) < 10);

        Entity kharkiv = Assert.Single(document.Entities, e => e.Name == "Kharkiv");
        Assert.Equal(Resolved("Kharkiv", 706483, PlacePrecision.City, "UA").Id, kharkiv.Place);
        Assert.Equal("UA", Assert.Single(document.Entities, e => e.Name == "Volodymyr Zelenskiy").Country); // «président ukrainien»
        Assert.DoesNotContain(document.Places, p => p.Mentions.Any(m => document[m.Span] is "ukrainien" or "russes"));
    }

    /// <summary>
    /// Issue 7's "done when": every reported statement comes out with its speaker and cue — Lyamzin twice (once
    /// through «Il»), the deputy commander of the Azov regiment, Zelenskiy twice (once through «Il»), the
    /// intermediaries' «influents» kept inside a mixed quote — and no purpose clause («insisté pour que») is a quote.
    /// </summary>
    [Fact]
    public void Example_article_statements_have_their_speakers_and_cues()
    {
        Document document = Extract();
        string Speaker(Quote q) => document.Entities.FirstOrDefault(e => e.Id == q.SpeakerEntity)?.Name ?? (q.Speaker is { } s ? document[s] : "-");
        string[] found = [.. document.Quotes.Select(q => $"{q.Kind}/{q.CueLemma}/{Speaker(q)}")];

        Assert.Equal(
            [
                "Indirect/déclarer/Volodymyr Lyamzin",
                "Indirect/indiquer/Volodymyr Lyamzin",
                "Indirect/déclarer/commandant adjoint",
                "Mixed/déclarer/Volodymyr Zelenskiy",
                "Mixed/déclarer/Volodymyr Zelenskiy",
            ],
            found);
        Assert.Contains(document.Quotes, q => document[q.Content].Contains("influents", StringComparison.Ordinal));
        Assert.DoesNotContain(document.Quotes, q => q.CueLemma == "insister");
    }

    [Fact]
    public void Example_article_events_are_coded_with_actors_places_dates_and_modality()
    {
        Document document = Extract();
        Event Find(string trigger) => Assert.Single(document.Events, e => document[e.Trigger] == trigger);

        Event invasion = Find("invasion");
        Assert.Equal("ASSAULT", invasion.Type);
        Assert.Equal("2022-02-24", invasion.Date?.Value);
        Assert.Contains(invasion.Recipients, r => r.Country == "UKR");

        Event withdrawal = Find("chassées");
        Assert.Equal(("RETREAT", "withdraw"), (withdrawal.Type, withdrawal.Mode));
        Assert.Contains(withdrawal.Actors, a => a.Country == "RUS" && a.Sector == "MIL");
        Assert.Equal("Kharkiv", document[withdrawal.Location!.Span]);

        Event shelling = Find("bombardés");
        Assert.Equal(("ASSAULT", Modality.Asserted), (shelling.Type, shelling.Modality));

        Event talks = Find("pourparlers");
        Assert.Equal(("CONSULT", Modality.Reported, "2022-05-13"), (talks.Type, talks.Modality, talks.Date?.Value));
        Assert.Equal("Volodymyr Zelenskiy", document[talks.Reporter!.Span]);

        Event evacuation = Find("évacuer");
        Assert.Equal(("AID", "evacuate", Modality.Planned), (evacuation.Type, evacuation.Mode, evacuation.Modality));

        Event demand = Find("insisté");
        Assert.Equal("REQUEST", demand.Type);
        Assert.Contains(demand.Actors, a => a.Country == "RUS");
        Assert.Equal(Modality.Demanded, Find("rendent").Modality);
    }
}

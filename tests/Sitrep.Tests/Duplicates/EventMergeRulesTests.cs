using Sitrep.Duplicates;
using Sitrep.Storage;

namespace Sitrep.Tests.Duplicates;

/// <summary>Issue 9: the rules that merge one event reported by several articles, one rule a test.</summary>
public sealed class EventMergeRulesTests
{
    private static readonly EventMergeRules Rules = EventMergeRules.Default;

    // Shelling of a town near Kharkiv reported on 13 May by a Russian actor against Ukraine.
    private static EventReport Shelling(string article, string? date = "2022-05-13", double lat = 49.99, double lon = 36.23) => new()
    {
        ArticleId = article,
        EventId = "V1",
        Type = "ASSAULT",
        Mode = "heavy-weapons",
        Modality = "asserted",
        Days = TimexRange.Parse(date),
        Lat = lat,
        Lon = lon,
        Country = "UA",
        ActorCountries = ["RUS"],
        RecipientCountries = ["UKR"],
        Names = ["forces russes"],
        Trigger = "bombardé",
    };

    [Fact]
    public void Two_articles_reporting_the_same_shelling_are_one_event() =>
        Assert.Null(Rules.WhyApart(Shelling("a"), Shelling("b", lat: 50.05, lon: 36.30)));

    [Fact]
    public void Two_events_of_one_article_are_never_merged_across_articles() =>
        Assert.Equal("same article", Rules.WhyApart(Shelling("a"), Shelling("a") with { EventId = "V2" }));

    [Fact]
    public void Different_types_or_modes_stay_apart()
    {
        Assert.Equal("type", Rules.WhyApart(Shelling("a"), Shelling("b") with { Type = "PROTEST" }));
        Assert.Equal("type", Rules.WhyApart(Shelling("a"), Shelling("b") with { Mode = "air" }));
        Assert.Null(Rules.WhyApart(Shelling("a"), Shelling("b") with { Mode = null }));
    }

    [Fact]
    public void What_happened_never_merges_with_what_was_planned_or_denied()
    {
        Assert.Equal("modality", Rules.WhyApart(Shelling("a"), Shelling("b") with { Modality = "planned" }));
        Assert.Equal("modality", Rules.WhyApart(Shelling("a"), Shelling("b") with { Modality = "negated" }));
        Assert.Null(Rules.WhyApart(Shelling("a"), Shelling("b") with { Modality = "reported" }));
    }

    [Fact]
    public void Dates_more_than_a_day_apart_stay_apart_unless_one_is_only_the_publication_date()
    {
        Assert.Null(Rules.WhyApart(Shelling("a"), Shelling("b", "2022-05-14")));
        Assert.Equal("date", Rules.WhyApart(Shelling("a"), Shelling("b", "2022-05-16")));

        // Published on the 16th without a date in the text: it may have happened on the 13th.
        Assert.Null(Rules.WhyApart(Shelling("a"), Shelling("b", "2022-05-16") with { DatedByPublication = true }));
        Assert.Equal("date", Rules.WhyApart(Shelling("a"), Shelling("b", null)));
    }

    [Fact]
    public void Places_farther_than_the_distance_stay_apart()
    {
        // Kharkiv and Mariupol: about 300 km.
        Assert.Equal("place", Rules.WhyApart(Shelling("a"), Shelling("b", lat: 47.10, lon: 37.55)));

        // A report placed only in the country does not contradict a town of that country.
        Assert.Null(Rules.WhyApart(Shelling("a"), Shelling("b", lat: 49, lon: 32) with { BroadPlace = true }));
        Assert.Equal("place", Rules.WhyApart(Shelling("a"), Shelling("b") with { BroadPlace = true, Country = "RU" }));
    }

    [Fact]
    public void Actors_of_other_countries_stay_apart() =>
        Assert.Equal("actors", Rules.WhyApart(Shelling("a"), Shelling("b") with { ActorCountries = ["UKR"] }));

    [Fact]
    public void Without_a_shared_place_name_or_countries_nothing_is_merged()
    {
        EventReport bare = Shelling("b") with { Lat = null, Lon = null, Country = null, ActorCountries = [], RecipientCountries = [], Names = [] };
        Assert.Equal("no anchor", Rules.WhyApart(Shelling("a"), bare));
        Assert.Null(Rules.WhyApart(Shelling("a"), bare with { Names = ["forces russes"] }));
    }

    [Fact]
    public void The_merger_joins_the_most_alike_event_and_one_article_reports_an_event_once()
    {
        var merger = new EventMerger(Rules);
        string first = merger.Add(Shelling("a"));
        string second = merger.Add(Shelling("a") with { EventId = "V2", Names = ["armée russe"], Trigger = "frappé" });
        Assert.NotEqual(first, second);

        // Like both, most like the second: it joins the second.
        Assert.Equal(second, merger.Add(Shelling("b") with { Names = ["armée russe"], Trigger = "frappé" }));

        // The first article's copy: its V1 joins a/V1, and its own second report cannot join a/V1 again.
        Assert.Equal(first, merger.Add(Shelling("c")));
        Assert.NotEqual(first, merger.Add(Shelling("c") with { EventId = "V2" }));
    }
}

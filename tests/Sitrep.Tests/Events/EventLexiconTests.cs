using Sitrep.Events;

namespace Sitrep.Tests.Events;

public sealed class EventLexiconTests
{
    [Theory]
    [InlineData("extradited", "extradite")]
    [InlineData("rioted", "riot")]
    [InlineData("shelled", "shell")]
    [InlineData("demolishes", "demolish")]
    [InlineData("bulldozing", "bulldoze")]
    public void A_trigger_the_lemmatiser_missed_is_found_through_its_ending(string word, string lemma) =>
        Assert.Contains(lemma, EventLexicon.For("en").UninflectedTriggers(word));

    [Theory]
    [InlineData("bed")]
    [InlineData("seed")]
    [InlineData("thing")]
    [InlineData("Kharkiv")]
    public void A_word_whose_stems_are_no_trigger_gives_none(string word) =>
        Assert.Empty(EventLexicon.For("en").UninflectedTriggers(word));

    [Fact]
    public void A_language_without_endings_gives_none() =>
        Assert.Empty(EventLexicon.For("fr").UninflectedTriggers("bombardés"));
}

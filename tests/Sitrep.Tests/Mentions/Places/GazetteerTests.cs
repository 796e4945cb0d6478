using Sitrep.Mentions.Places;

namespace Sitrep.Tests.Mentions.Places;

/// <summary>The gazetteer index on a handful of made-up entries: key folding, the binary round trip, case rules.</summary>
public sealed class GazetteerTests
{
    private static readonly GazetteerPlace[] Entries =
    [
        new() { Index = 0, GeonamesId = 1, Name = "Saint-Pétersbourg", Feature = "PPLA", Latitude = 59.94, Longitude = 30.31, Country = "RU", Admin1Code = "RU.66", Population = 5_000_000 },
        new() { Index = 1, GeonamesId = 2, Name = "United States", Feature = "PCLI", Precision = PlacePrecision.Country, Country = "US", Population = 330_000_000 },
        new() { Index = 2, GeonamesId = 3, Name = "Us", Feature = "PPL", Country = "FR", Population = 1_200 },
        new() { Index = 3, GeonamesId = 4, Name = "Florida", Feature = "ADM1", Precision = PlacePrecision.Region, Country = "US", Admin1Code = "US.FL" },
        new() { Index = 4, Name = "Azovstal", Feature = "MFG", Precision = PlacePrecision.Point, Country = "UA", Within = 0 },
    ];

    private static Gazetteer Create() => Gazetteer.Create(
        Entries,
        new Dictionary<string, string> { ["US.FL"] = "Florida" },
        [(0, "Saint-Pétersbourg", true), (0, "Sankt-Peterburg", false), (1, "US", true), (1, "United States", true), (2, "Us", true), (3, "Fla.", true), (4, "Azovstal", true)]);

    [Theory]
    [InlineData("Saint-Pétersbourg", "saint petersbourg")]
    [InlineData("  Côte d’Ivoire ", "cote d ivoire")]
    [InlineData("N.J.", "n j")]
    [InlineData("KYÏV", "kyiv")]
    [InlineData("", "")]
    public void Keys_fold_case_accents_and_punctuation(string name, string key) => Assert.Equal(key, GazetteerKey.Normalize(name));

    [Fact]
    public void Index_reads_back_what_it_wrote()
    {
        var gazetteer = Create();
        using var stream = new MemoryStream();
        gazetteer.Write(stream);
        stream.Position = 0;
        var read = Gazetteer.Read(stream);

        Assert.Equal(gazetteer.Places, read.Places);
        Assert.Equal(gazetteer.NameCount, read.NameCount);
        Assert.Equal("Florida", read.Admin1Name(read.Places[3]));
        GazetteerHit hit = Assert.Single(read.Find("saint petersbourg"));
        Assert.Equal((1L, true), (hit.Place.GeonamesId!.Value, hit.MainName));
        Assert.False(Assert.Single(read.Find("Sankt Peterburg")).MainName);
        Assert.Null(read.Places[4].GeonamesId);
        Assert.Same(read.Places[1], read.Country("US"));
        Assert.Same(read.Places[0], read.ByGeonamesId(1));
    }

    [Fact]
    public void Unknown_or_foreign_format_is_refused_with_a_clear_error()
    {
        using var stream = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]);
        Assert.Throws<InvalidDataException>(() => Gazetteer.Read(stream));
    }

    [Fact]
    public void Capitals_match_capital_names_and_a_short_capital_word_is_no_town()
    {
        var gazetteer = Create();
        Assert.Equal("United States", Assert.Single(gazetteer.Match("US")).Place.Name);
        Assert.Equal("Us", Assert.Single(gazetteer.Match("Us")).Place.Name);
    }

    [Fact]
    public void Abbreviation_matches_only_with_its_period()
    {
        var gazetteer = Create();
        Assert.Single(gazetteer.Match("Fla."));
        Assert.Single(gazetteer.Match("Fla", periodFollows: true));
        Assert.Empty(gazetteer.Match("Fla"));
    }
}

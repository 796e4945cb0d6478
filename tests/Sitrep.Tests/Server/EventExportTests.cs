using Sitrep.Mentions.Places;
using Sitrep.Storage;
using Sitrep.Storage.Exports;

namespace Sitrep.Tests.Server;

public sealed class EventExportTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+33 1 23", "'+33 1 23")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Kharkiv, Ukraine", "\"Kharkiv, Ukraine\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("plain", "plain")]
    public void Csv_text_cells_are_escaped_and_formulas_neutralised(string text, string expected) =>
        Assert.Equal(expected, EventExporter.CsvCell(text));

    [Fact]
    public void Csv_number_cells_keep_their_sign() => Assert.Equal("-33.5", EventExporter.CsvCell("-33.5", number: true));

    [Fact]
    public void Query_parameters_parse_every_filter_name()
    {
        var given = new Dictionary<string, string>
        {
            ["type"] = "ASSAULT", ["country"] = "ua", ["near"] = "49.98, 36.25", ["radius"] = "25", ["since"] = "2022-05-01",
            ["until"] = "2022-05-31", ["text"] = "bombard*", ["modality"] = "Reported", ["limit"] = "20", ["offset"] = "40", ["sort"] = "-date",
        };

        EventQuery? query = EventQueryParameters.TryParse(name => given.GetValueOrDefault(name), out IReadOnlyDictionary<string, string[]> errors);

        Assert.Empty(errors);
        Assert.NotNull(query);
        Assert.Equal(new GeoPoint(49.98, 36.25), query.Near);
        Assert.Equal((25.0, "reported", 20, 40, EventSort.DateDescending), (query.RadiusKm, query.Modality, query.Limit, query.Offset, query.Sort));
        Assert.Equal((new DateOnly(2022, 5, 1), new DateOnly(2022, 5, 31)), (query.Since, query.Until));
    }

    [Fact]
    public void Query_parameters_report_every_bad_value()
    {
        var given = new Dictionary<string, string> { ["country"] = "Ukraine", ["limit"] = "0", ["radius"] = "-1", ["sort"] = "size", ["modality"] = "maybe" };

        Assert.Null(EventQueryParameters.TryParse(name => given.GetValueOrDefault(name), out IReadOnlyDictionary<string, string[]> errors));
        Assert.Equal(["country", "limit", "modality", "radius", "sort"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bounding_box_crossing_the_antimeridian_wraps_and_one_reaching_a_pole_covers_every_longitude()
    {
        (_, _, double minLon, double maxLon) = new GeoPoint(0, 179.9).BoundingBox(50);
        Assert.True(minLon > maxLon);
        Assert.Equal((-180.0, 180.0), new GeoPoint(89.9, 10).BoundingBox(50) is var (_, _, west, east) ? (west, east) : default);
        Assert.Equal(878, Geo.DistanceKm(49.98, 36.25, 49.84, 24.02), tolerance: 5);
    }
}

using Sitrep.Articles;

namespace Sitrep.Tests.Articles;

public sealed class PublicationDateTests
{
    [Theory]
    [InlineData("2022-05-14", "2022-05-14")]
    [InlineData(" 2022-05-14 ", "2022-05-14")]
    [InlineData("20220514", "2022-05-14")]
    [InlineData("2022/05/14", "2022-05-14")]
    [InlineData("2022-05-14T09:30", "2022-05-14T09:30:00")]
    [InlineData("2022-05-14T09:30:00+02:00", "2022-05-14T09:30:00+02:00")]
    [InlineData("2022-05-14T09:30:15+0200", "2022-05-14T09:30:15+02:00")]
    [InlineData("2022-05-14T09:30:00-05", "2022-05-14T09:30:00-05:00")]
    [InlineData("2022-05-14 09:30Z", "2022-05-14T09:30:00Z")]
    [InlineData("2022-06-21T16:40:12.000Z", "2022-06-21T16:40:12Z")]
    [InlineData("2022-06-21T16:40:12.123456789+00:00", "2022-06-21T16:40:12Z")]
    [InlineData("2022-05-14 09:30:00 +02:00", "2022-05-14T09:30:00+02:00")]
    [InlineData("20220514T093000Z", "2022-05-14T09:30:00Z")]
    [InlineData("Sat, 14 May 2022 09:30:00 GMT", "2022-05-14T09:30:00Z")]
    [InlineData("14 May 2022 09:30 +0200", "2022-05-14T09:30:00+02:00")]
    [InlineData("Mon, 04 Sep 2023 14:32:10 EDT", "2023-09-04T14:32:10-04:00")]
    [InlineData("Tuesday, 21 June 2022", "2022-06-21")]
    [InlineData("14/05/2022", "2022-05-14")]
    [InlineData("14.05.2022 09h30", "2022-05-14T09:30:00")]
    [InlineData("2024-02-29", "2024-02-29")]
    public void Reads_the_dates_pages_feeds_and_batches_give(string value, string expected)
    {
        Assert.True(PublicationDate.TryParse(value, out PublicationDate date));
        Assert.Equal(expected, date.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hier")]
    [InlineData("10:30")]
    [InlineData("May")]
    [InlineData("2022")]
    [InlineData("2022-05")]
    [InlineData("14 May")]
    [InlineData("2022-13-01")]
    [InlineData("2022-02-30")]
    [InlineData("2023-02-29")]
    [InlineData("2022-05-14T25:00")]
    [InlineData("2022-05-14T09:61")]
    [InlineData("2022-05-14T09:30+15:00")]
    [InlineData("0000-00-00")]
    [InlineData("0999-01-01")]
    [InlineData("1652529000")]
    [InlineData("2022-05-14 et des poussières")]
    public void Refuses_what_is_not_a_full_date(string? value) =>
        Assert.False(PublicationDate.TryParse(value, out _));

    [Fact]
    public void A_date_is_never_completed_from_the_clock()
    {
        // DateTimeOffset.TryParse would read "14 May" as the 14th of May of some year, and "10:30" as today at 10:30.
        Assert.False(PublicationDate.TryParse("14 May", out _));
        Assert.False(PublicationDate.TryParse("10:30", out _));
    }

    [Fact]
    public void An_unknown_zone_name_keeps_the_time_without_an_offset()
    {
        Assert.True(PublicationDate.TryParse("14 May 2022 09:30 XYZ", out PublicationDate date));
        Assert.Equal("2022-05-14T09:30:00", date.ToString());
        Assert.Null(date.Offset);
    }

    [Fact]
    public void Parse_says_what_it_expected() =>
        Assert.Contains("ISO 8601", Assert.Throws<FormatException>(() => PublicationDate.Parse("demain")).Message, StringComparison.Ordinal);

    [Fact]
    public void The_local_time_and_offset_are_kept_as_given()
    {
        var date = PublicationDate.Parse("2022-05-14T23:30:00-05:00");
        Assert.Equal(new DateOnly(2022, 5, 14), date.Date);
        Assert.Equal(new TimeOnly(23, 30), date.Time);
        Assert.Equal(TimeSpan.FromHours(-5), date.Offset);
    }
}

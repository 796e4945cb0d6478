using System.Globalization;

namespace Sitrep.Mentions.Dates;

/// <summary>TIMEX3 duration values from a count and a lexicon unit code: (2, "M") → P2M, (48, "H") → PT48H, (null, "D") → PXD.</summary>
internal static class Durations
{
    public static TimeExpression Of(double? count, string unitCode, string? modifier) =>
        new() { Type = TimexType.Duration, Literal = Format(count, unitCode), Modifier = modifier };

    public static string Format(double? count, string unitCode)
    {
        if (count is double half && half != Math.Floor(half))
        {
            (double scaled, string? smaller) = unitCode switch
            {
                "Y" => (half * 12, "M"),
                "M" => (half * 30, "D"),
                "D" => (half * 24, "H"),
                "H" => (half * 60, "MIN"),
                _ => (half, null),
            };
            if (smaller is not null && scaled == Math.Floor(scaled))
            {
                return Format(scaled, smaller);
            }
        }

        string n = count is double c ? c.ToString("0.##", CultureInfo.InvariantCulture) : "X";
        return unitCode switch
        {
            "H" => "PT" + n + "H",
            "MIN" => "PT" + n + "M",
            "S" => "PT" + n + "S",
            "HALF" => count is double h ? "P" + (h * 6).ToString("0.##", CultureInfo.InvariantCulture) + "M" : "PXM",
            "5Y" or "7Y" => count is double k ? "P" + (k * (unitCode[0] - '0')).ToString("0.##", CultureInfo.InvariantCulture) + "Y" : "PXY",
            _ => "P" + n + unitCode,
        };
    }

    public static TimeUnit? UnitOf(string unitCode) => unitCode switch
    {
        "D" => TimeUnit.Day,
        "W" => TimeUnit.Week,
        "WE" => TimeUnit.Weekend,
        "M" => TimeUnit.Month,
        "Q" => TimeUnit.Quarter,
        "HALF" => TimeUnit.HalfYear,
        "Y" => TimeUnit.Year,
        "DE" => TimeUnit.Decade,
        "CE" => TimeUnit.Century,
        "H" => TimeUnit.Hour,
        "MIN" => TimeUnit.Minute,
        "S" => TimeUnit.Second,
        _ => null,
    };
}

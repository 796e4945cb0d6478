using System.Globalization;

namespace Sitrep.Mentions.Dates;

/// <summary>TIMEX3 duration values from a count and a lexicon unit code: (2, "M") → P2M, (48, "H") → PT48H, (null, "D") → PXD.</summary>
internal static class Durations
{
    public static TimeExpression Of(double? count, string unitCode, string? modifier) =>
        new() { Type = TimexType.Duration, Literal = Format(count, unitCode), Modifier = modifier };

    public static string Format(double? count, string unitCode)
    {
        // "2 1/2 years" → P2Y6M, "5 1/2 hours" → PT5H30M, "a minute and a half" → PT1M30S, "half a year" → P6M.
        if (count is double fractional && fractional != Math.Floor(fractional))
        {
            double whole = Math.Floor(fractional);
            double rest = fractional - whole;
            (double scaled, string? smaller) = unitCode switch
            {
                "Y" => (rest * 12, "M"),
                "M" => (rest * 30, "D"),
                "D" => (rest * 24, "H"),
                "H" => (rest * 60, "MIN"),
                "MIN" => (rest * 60, "S"),
                _ => (rest, null),
            };
            if (smaller is not null && scaled == Math.Floor(scaled))
            {
                if (whole == 0)
                {
                    return Format(scaled, smaller);
                }

                bool timeUnit = IsTimeOfDayUnit(unitCode);
                return "P" + (timeUnit ? "T" : "") + Part(whole, unitCode) + (IsTimeOfDayUnit(smaller) && !timeUnit ? "T" : "") + Part(scaled, smaller);
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

            // Decades and centuries in years, as both corpora write them: "two decades" P20Y, «un quart de siècle» P25Y.
            "DE" => count is double de ? "P" + (de * 10).ToString("0.##", CultureInfo.InvariantCulture) + "Y" : "PXY",
            "CE" => count is double ce ? "P" + (ce * 100).ToString("0.##", CultureInfo.InvariantCulture) + "Y" : "PXY",
            _ => "P" + n + unitCode,
        };
    }

    private static bool IsTimeOfDayUnit(string unitCode) => unitCode is "H" or "MIN" or "S";

    private static string Part(double count, string unitCode) =>
        count.ToString("0.##", CultureInfo.InvariantCulture) + (unitCode == "MIN" ? "M" : unitCode);

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

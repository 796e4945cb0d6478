namespace Sitrep.Mentions.Dates;

/// <summary>The four TIMEX3 types.</summary>
public enum TimexType
{
    Date,
    Time,
    Duration,
    Set,
}

public static class TimexTypes
{
    public static string Name(TimexType type) => type switch
    {
        TimexType.Time => "TIME",
        TimexType.Duration => "DURATION",
        TimexType.Set => "SET",
        _ => "DATE",
    };

    public static bool TryParse(string? name, out TimexType type)
    {
        switch (name?.ToUpperInvariant())
        {
            case "DATE": type = TimexType.Date; return true;
            case "TIME": type = TimexType.Time; return true;
            case "DURATION": type = TimexType.Duration; return true;
            case "SET": type = TimexType.Set; return true;
            default: type = TimexType.Date; return false;
        }
    }
}

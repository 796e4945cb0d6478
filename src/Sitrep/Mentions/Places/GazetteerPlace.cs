namespace Sitrep.Mentions.Places;

/// <summary>How finely a place pins a location (the contract's <c>places.precision</c>).</summary>
public enum PlacePrecision : byte
{
    Point,
    City,
    Region,
    Country,
}

/// <summary>
/// One entry of the gazetteer: a GeoNames feature (town, first- or second-order division, country) or an entry
/// of the curated supplement (press regions, seas, facilities). <see cref="GeonamesId"/> is null when the entry
/// has no GeoNames id (second-order divisions, most supplement entries); <see cref="Within"/> is the index of
/// the town a facility lies in.
/// </summary>
public sealed record GazetteerPlace
{
    public required int Index { get; init; }

    public long? GeonamesId { get; init; }

    public required string Name { get; init; }

    public double Latitude { get; init; }

    public double Longitude { get; init; }

    /// <summary>GeoNames feature code (PPLA, ADM1, PCLI …; CONT, SEA, MFG … for supplement entries).</summary>
    public required string Feature { get; init; }

    public PlacePrecision Precision { get; init; }

    /// <summary>ISO 3166-1 alpha-2, or null for places that span several countries.</summary>
    public string? Country { get; init; }

    /// <summary>GeoNames admin1 code («UA.07»), or null.</summary>
    public string? Admin1Code { get; init; }

    public long Population { get; init; }

    public int Within { get; init; } = -1;

    public bool IsCountry => Precision == PlacePrecision.Country;

    /// <summary>A first- or second-order division or a named region (not a town, a country or a facility).</summary>
    public bool IsRegion => Precision == PlacePrecision.Region;

    public bool IsPopulatedPlace => Feature.StartsWith("PPL", StringComparison.Ordinal);

    /// <summary>Great-circle distance in kilometres.</summary>
    public double DistanceTo(GazetteerPlace other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Geo.DistanceKm(Latitude, Longitude, other.Latitude, other.Longitude);
    }
}

/// <summary>Spherical geometry on the mean Earth radius.</summary>
public static class Geo
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Haversine distance in kilometres.</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        double p1 = double.DegreesToRadians(lat1), p2 = double.DegreesToRadians(lat2);
        double dp = p2 - p1, dl = double.DegreesToRadians(lon2 - lon1);
        double a = (Math.Sin(dp / 2) * Math.Sin(dp / 2)) + (Math.Cos(p1) * Math.Cos(p2) * Math.Sin(dl / 2) * Math.Sin(dl / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

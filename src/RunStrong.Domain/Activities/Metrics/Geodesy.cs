namespace RunStrong.Domain.Activities.Metrics;

/// <summary>Distances on the Earth's surface.</summary>
public static class Geodesy
{
    /// <summary>Mean Earth radius R1 = 6,371,008.8 m (IUGG / Moritz 2000), the sphere the haversine uses.</summary>
    public const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>
    /// Great-circle distance by the haversine formula on a sphere of <see cref="EarthRadiusMeters"/>, metres.
    /// Within about 0.3 % of the ellipsoidal (Vincenty) distance, far below GPS noise over a run.
    /// </summary>
    /// <param name="latitude1">Degrees, WGS84.</param>
    /// <param name="longitude1">Degrees, WGS84.</param>
    /// <param name="latitude2">Degrees, WGS84.</param>
    /// <param name="longitude2">Degrees, WGS84.</param>
    public static double HaversineMeters(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        const double toRadians = Math.PI / 180;
        var phi1 = latitude1 * toRadians;
        var phi2 = latitude2 * toRadians;
        var dPhi = phi2 - phi1;
        var dLambda = (longitude2 - longitude1) * toRadians;
        var sinPhi = Math.Sin(dPhi / 2);
        var sinLambda = Math.Sin(dLambda / 2);
        var h = sinPhi * sinPhi + Math.Cos(phi1) * Math.Cos(phi2) * sinLambda * sinLambda;
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}

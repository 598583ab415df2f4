namespace RunStrong.Domain.Activities.Metrics;

/// <summary>Fastest times over standard distances inside one activity (domain.md §7).</summary>
public static class BestEfforts
{
    /// <summary>400 m, 1 km, 1 mile, 5 km, 10 km, half marathon, marathon; metres.</summary>
    public static IReadOnlyList<double> StandardDistancesMeters { get; } = [400, 1000, 1609.344, 5000, 10000, 21097.5, 42195];

    /// <summary>"400 m", "1 km", "1 mile", "5 km", "10 km", "half marathon", "marathon"; other distances in metres or km.</summary>
    public static string Name(double meters) => meters switch
    {
        > 1609 and < 1610 => "1 mile",
        21097.5 => "half marathon",
        42195 => "marathon",
        < 1000 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{meters:0} m"),
        _ => (meters / 1000).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " km",
    };

    /// <summary>
    /// The fastest time to cover <paramref name="distanceMeters"/> anywhere in the stream, seconds; null when the
    /// stream is shorter. A sliding window over the cumulative distance stream, interpolating time linearly at the
    /// window's open end: once with windows starting on each sample, once with windows ending on each sample. O(n).
    /// </summary>
    /// <param name="seconds">Time of each sample, seconds, non-decreasing.</param>
    /// <param name="meters">Cumulative distance of each sample, metres, non-decreasing.</param>
    /// <param name="distanceMeters">The effort's distance, metres (&gt; 0).</param>
    public static double? Fastest(IReadOnlyList<double> seconds, IReadOnlyList<double> meters, double distanceMeters)
    {
        ArgumentNullException.ThrowIfNull(seconds);
        ArgumentNullException.ThrowIfNull(meters);
        var n = Math.Min(seconds.Count, meters.Count);
        if (n < 2 || !(distanceMeters > 0) || meters[n - 1] - meters[0] < distanceMeters)
        {
            return null;
        }

        var best = double.PositiveInfinity;

        // Windows that start on a sample and end between two samples.
        var j = 0;
        for (var i = 0; i < n; i++)
        {
            var target = meters[i] + distanceMeters;
            if (target > meters[n - 1])
            {
                break;
            }

            if (j < i)
            {
                j = i;
            }

            while (meters[j] < target)
            {
                j++;
            }

            var end = j == i ? seconds[j] : Interpolate(meters[j - 1], seconds[j - 1], meters[j], seconds[j], target);
            best = Math.Min(best, end - seconds[i]);
        }

        // Windows that end on a sample and start between two samples.
        var k = 0;
        for (var e = 0; e < n; e++)
        {
            var start = meters[e] - distanceMeters;
            if (start < meters[0])
            {
                continue;
            }

            while (k + 1 < n && meters[k + 1] <= start)
            {
                k++;
            }

            var begin = k + 1 < n && meters[k + 1] > meters[k]
                ? Interpolate(meters[k], seconds[k], meters[k + 1], seconds[k + 1], start)
                : seconds[k];
            best = Math.Min(best, seconds[e] - begin);
        }

        // A window with no time in it means the times were missing, not that the runner teleported.
        return double.IsFinite(best) && best > 0 ? best : null;
    }

    private static double Interpolate(double d0, double t0, double d1, double t1, double d) =>
        d1 > d0 ? t0 + (t1 - t0) * (d - d0) / (d1 - d0) : t1;
}

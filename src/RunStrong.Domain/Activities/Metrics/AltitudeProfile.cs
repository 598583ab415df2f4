namespace RunStrong.Domain.Activities.Metrics;

/// <summary>
/// Altitude as a function of distance: resampled every <see cref="ActivityMetrics.ProfileStepMeters"/> metres by
/// linear interpolation, then smoothed by a centred moving average, so grades are not GPS noise.
/// </summary>
internal sealed class AltitudeProfile
{
    private const double ClimbMinGainMeters = 10;
    private const double ClimbMinGrade = 0.03;
    private const double ClimbEndDropMeters = 5;
    private const double ClimbEndFlatMeters = 300;

    private readonly double[] _altitude;
    private readonly double _start;
    private readonly double _step = ActivityMetrics.ProfileStepMeters;

    private AltitudeProfile(double start, double[] altitude)
    {
        _start = start;
        _altitude = altitude;
    }

    /// <summary>Null when fewer than two samples have both a distance and an altitude, or the distance never grows.</summary>
    public static AltitudeProfile? Build(double[] meters, double[] altitudes)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < meters.Length; i++)
        {
            if (!double.IsFinite(altitudes[i]) || !double.IsFinite(meters[i]))
            {
                continue;
            }

            if (xs.Count > 0 && meters[i] <= xs[^1])
            {
                ys[^1] = altitudes[i]; // standing still: keep the latest altitude
                continue;
            }

            xs.Add(meters[i]);
            ys.Add(altitudes[i]);
        }

        if (xs.Count < 2)
        {
            return null;
        }

        var step = ActivityMetrics.ProfileStepMeters;
        var count = (int)Math.Floor((xs[^1] - xs[0]) / step) + 1;
        var raw = new double[count];
        var j = 0;
        for (var k = 0; k < count; k++)
        {
            var x = xs[0] + k * step;
            while (j + 1 < xs.Count - 1 && xs[j + 1] < x)
            {
                j++;
            }

            var f = Math.Clamp((x - xs[j]) / (xs[j + 1] - xs[j]), 0, 1);
            raw[k] = ys[j] + (ys[j + 1] - ys[j]) * f;
        }

        // Centred moving average, O(n) with a running sum.
        var h = ActivityMetrics.ProfileSmoothingHalfWidth;
        var smooth = new double[count];
        double sum = 0;
        int lo = 0, hi = -1;
        for (var k = 0; k < count; k++)
        {
            while (hi < Math.Min(count - 1, k + h))
            {
                sum += raw[++hi];
            }

            while (lo < k - h)
            {
                sum -= raw[lo++];
            }

            smooth[k] = sum / (hi - lo + 1);
        }

        return new AltitudeProfile(xs[0], smooth);
    }

    /// <summary>Smoothed altitude at a distance, metres (clamped to the profile's ends).</summary>
    public double AltitudeAt(double meters)
    {
        var x = (meters - _start) / _step;
        if (!(x > 0))
        {
            return _altitude[0];
        }

        var k = (int)Math.Floor(x);
        if (k >= _altitude.Length - 1)
        {
            return _altitude[^1];
        }

        return _altitude[k] + (_altitude[k + 1] - _altitude[k]) * (x - k);
    }

    /// <summary>Grade at a distance (central difference over the profile), fraction.</summary>
    public double GradeAt(double meters)
    {
        if (_altitude.Length < 2)
        {
            return 0;
        }

        var k = (int)Math.Round((meters - _start) / _step);
        k = Math.Clamp(k, 0, _altitude.Length - 1);
        var a = Math.Max(0, k - 1);
        var b = Math.Min(_altitude.Length - 1, k + 1);
        return b > a ? (_altitude[b] - _altitude[a]) / ((b - a) * _step) : 0;
    }

    /// <summary>Climbs as defined on <see cref="Climb"/>.</summary>
    public List<Climb> Climbs()
    {
        var climbs = new List<Climb>();
        var low = 0;
        var high = 0;
        for (var k = 1; k <= _altitude.Length; k++)
        {
            var end = k == _altitude.Length;
            if (!end && _altitude[k] > _altitude[high])
            {
                high = k;
                continue;
            }

            if (!end && high == low && _altitude[k] <= _altitude[low])
            {
                // Still on the flat or going down: the climb, if any, starts later.
                low = high = k;
                continue;
            }

            if (end || _altitude[k] < _altitude[high] - ClimbEndDropMeters || (k - high) * _step > ClimbEndFlatMeters || _altitude[k] < _altitude[low])
            {
                // A flat lead-in (under 0.5 % per step) is not part of the climb.
                while (low < high && _altitude[low + 1] <= _altitude[low] + 0.05)
                {
                    low++;
                }

                var gain = _altitude[high] - _altitude[low];
                var length = (high - low) * _step;
                if (gain >= ClimbMinGainMeters && length > 0 && gain / length >= ClimbMinGrade)
                {
                    climbs.Add(new Climb(_start + low * _step, length, gain, gain / length));
                }

                if (!end)
                {
                    low = k;
                    high = k;
                }
            }
        }

        return climbs;
    }
}

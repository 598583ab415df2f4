namespace RunStrong.Domain.Activities.Metrics;

/// <summary>Summarises one activity's record stream. Pure and O(n log n) in the number of records.</summary>
public static class ActivityMetrics
{
    /// <summary>
    /// Below this speed over a recording interval (0.5 m/s = 1.8 km/h) the runner counts as stopped, when the device
    /// reported no timer. A judgement: slower than the slowest steep hiking, faster than GPS drift at rest.
    /// </summary>
    public const double MovingSpeedThresholdMetersPerSecond = 0.5;

    /// <summary>Grade from which time counts as hilly (hip-extension work, domain.md §4): 4 %.</summary>
    public const double HillyGrade = 0.04;

    /// <summary>A hill sprint runs at least this many times the activity's median moving speed.</summary>
    public const double HillSprintSpeedRatio = 1.3;

    /// <summary>
    /// ...and at least the activity's 90th percentile of moving speed: a sprint is among the fastest moments of the
    /// run even though it goes uphill, so jogging up a slope in a run that is mostly walking does not count.
    /// </summary>
    public const double HillSprintSpeedPercentile = 0.9;

    /// <summary>
    /// The lowest dry land is the Dead Sea shore, about 430 m below sea level, and nobody runs above 9,000 m: an
    /// altitude outside that range is a device or converter artefact (a raw 0 with FIT's 500 m offset reads -500 m),
    /// and counting it would invent hundreds of metres of climbing.
    /// </summary>
    public const double LowestAltitudeMeters = -430;

    /// <summary>See <see cref="LowestAltitudeMeters"/>.</summary>
    public const double HighestAltitudeMeters = 9000;

    internal static bool IsPossibleAltitude(double meters) => meters is >= LowestAltitudeMeters and <= HighestAltitudeMeters;

    /// <summary>Altitude profile step, metres.</summary>
    internal const double ProfileStepMeters = 10;

    /// <summary>Samples either side in the profile's moving average (2 -> 50 m window).</summary>
    internal const int ProfileSmoothingHalfWidth = 2;

    /// <summary>
    /// Works out an <see cref="ActivitySummary"/>:
    /// <list type="bullet">
    /// <item>Distance: the device's total (<see cref="Activity.DeviceDistanceMeters"/>, unless it is 0 while the records
    /// moved), else the last device distance
    /// in the records); when there is none, the haversine sum over positions (<see cref="Geodesy.HaversineMeters"/>).</item>
    /// <item>Elapsed: the device's elapsed time, else last record time minus first.</item>
    /// <item>Moving: the device timer (<see cref="Activity.DeviceTimerSeconds"/>) when present and not 0, else the sum of
    /// recording intervals covered at <see cref="MovingSpeedThresholdMetersPerSecond"/> or faster (all intervals when
    /// there is no distance at all, e.g. an indoor session with heart rate only).</item>
    /// <item>Ascent/descent: <see cref="Elevation.GainWithHysteresis"/> on the recorded altitudes (3 m).</item>
    /// <item>Grades: from an altitude profile resampled every 10 m of distance and smoothed by a 50 m moving average.</item>
    /// <item>Grade-adjusted pace: moving time over Σ (interval distance × <see cref="GradeAdjustedPace.Factor"/>).</item>
    /// <item>Best efforts: <see cref="BestEfforts.Fastest"/> on the distance stream for each standard distance covered.</item>
    /// <item>Heart rate: mean of samples weighted by the time to the next sample (capped at 30 s so pauses do not
    /// dominate); max of samples; falls back to sessions/laps when the records hold none.</item>
    /// </list>
    /// </summary>
    public static ActivitySummary Summarise(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var records = activity.Records;
        var n = records.Count;
        var hasTime = n >= 2 && records[0].Time != DateTime.MinValue && records[^1].Time > records[0].Time;
        var t = new double[n];
        if (hasTime)
        {
            var t0 = records[0].Time;
            for (var i = 0; i < n; i++)
            {
                t[i] = Math.Max(i > 0 ? t[i - 1] : 0, (records[i].Time - t0).TotalSeconds);
            }
        }

        var (d, streamSource) = DistanceStream(records);
        // A device total of 0 beside a stream that moved is a device that did not fill the field, not a 0 km run.
        var streamMoved = n > 0 && streamSource != DistanceSource.None && d[n - 1] > 0;
        var (distance, source) = activity.DeviceDistanceMeters is { } device && (device > 0 || (device == 0 && !streamMoved))
            ? (device, DistanceSource.Device)
            : n > 0 && streamSource != DistanceSource.None ? (d[n - 1], streamSource) : (0.0, DistanceSource.None);

        var elapsed = activity.DeviceElapsedSeconds is { } e && e >= 0 ? e : hasTime ? t[n - 1] : 0;
        var hasDistanceStream = streamSource != DistanceSource.None && n > 0 && d[n - 1] > 0;

        // Which intervals (i-1 -> i) count as moving.
        var moving = new bool[n];
        double computedMoving = 0;
        for (var i = 1; i < n && hasTime; i++)
        {
            var dt = t[i] - t[i - 1];
            moving[i] = dt > 0 && (!hasDistanceStream || (d[i] - d[i - 1]) / dt >= MovingSpeedThresholdMetersPerSecond);
            if (moving[i])
            {
                computedMoving += dt;
            }
        }

        var movingSeconds = activity.DeviceTimerSeconds is { } timer && (timer > 0 || computedMoving == 0) ? timer : computedMoving;
        var altitudes = new double[n];
        for (var i = 0; i < n; i++)
        {
            altitudes[i] = IsPossibleAltitude(records[i].AltitudeMeters) ? records[i].AltitudeMeters : double.NaN;
        }

        var hasAltitude = altitudes.Count(double.IsFinite) >= 2;
        var elevation = hasAltitude ? Elevation.GainWithHysteresis(altitudes) : (ElevationChange?)null;
        var profile = hasAltitude && hasDistanceStream ? AltitudeProfile.Build(d, altitudes) : null;

        double? averagePace = hasTime && distance > 0 && movingSeconds > 0 ? movingSeconds / (distance / 1000) : null;
        double? averageGap = null;
        double hillySeconds = 0;
        if (profile is not null && hasTime)
        {
            double adjustedMeters = 0, adjustedSeconds = 0;
            for (var i = 1; i < n; i++)
            {
                if (!moving[i])
                {
                    continue;
                }

                var grade = profile.GradeAt((d[i] + d[i - 1]) / 2);
                adjustedMeters += (d[i] - d[i - 1]) * GradeAdjustedPace.Factor(grade);
                adjustedSeconds += t[i] - t[i - 1];
                if (grade >= HillyGrade && d[i] > d[i - 1])
                {
                    hillySeconds += t[i] - t[i - 1];
                }
            }

            averageGap = adjustedMeters > 0 ? adjustedSeconds / (adjustedMeters / 1000) : null;
        }

        var bestEfforts = new List<BestEffort>();
        if (hasTime && hasDistanceStream)
        {
            foreach (var target in BestEfforts.StandardDistancesMeters)
            {
                if (BestEfforts.Fastest(t, d, target) is { } seconds)
                {
                    bestEfforts.Add(new BestEffort(target, seconds));
                }
            }
        }

        var (averageHeartRate, maxHeartRate) = HeartRate(activity, t, hasTime);
        return new ActivitySummary(
            distance,
            source,
            elapsed,
            movingSeconds,
            elevation?.AscentMeters,
            elevation?.DescentMeters,
            averagePace,
            averageGap,
            profile?.Climbs() ?? [],
            profile is not null && hasTime ? HillSprints(t, d, altitudes, moving) : [],
            bestEfforts,
            averageHeartRate,
            maxHeartRate,
            hillySeconds / 60);
    }

    /// <summary>
    /// Cumulative distance per record: the device's distance stream when at least two records carry one (gaps
    /// filled by interpolation, kept non-decreasing), else the haversine sum over positions.
    /// </summary>
    private static (double[] Meters, DistanceSource Source) DistanceStream(IReadOnlyList<RecordPoint> records)
    {
        var n = records.Count;
        var d = new double[n];
        var withDistance = 0;
        var withPosition = 0;
        foreach (var r in records)
        {
            if (double.IsFinite(r.DistanceMeters))
            {
                withDistance++;
            }

            if (r.HasPosition)
            {
                withPosition++;
            }
        }

        if (withDistance >= 2)
        {
            for (var i = 0; i < n; i++)
            {
                d[i] = records[i].DistanceMeters;
            }

            FillGaps(d);
            for (var i = 1; i < n; i++)
            {
                d[i] = Math.Max(d[i], d[i - 1]);
            }

            return (d, DistanceSource.Device);
        }

        if (withPosition >= 2)
        {
            var last = -1;
            for (var i = 0; i < n; i++)
            {
                d[i] = i > 0 ? d[i - 1] : 0;
                if (!records[i].HasPosition)
                {
                    continue;
                }

                if (last >= 0)
                {
                    d[i] += Geodesy.HaversineMeters(records[last].Latitude, records[last].Longitude, records[i].Latitude, records[i].Longitude);
                }

                last = i;
            }

            return (d, DistanceSource.Geodesic);
        }

        return (d, DistanceSource.None);
    }

    /// <summary>Replaces NaN by linear interpolation (by index) between finite neighbours; ends take the nearest value.</summary>
    private static void FillGaps(double[] values)
    {
        var previous = -1;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                continue;
            }

            if (previous < 0)
            {
                for (var k = 0; k < i; k++)
                {
                    values[k] = values[i];
                }
            }
            else if (i - previous > 1)
            {
                for (var k = previous + 1; k < i; k++)
                {
                    values[k] = values[previous] + (values[i] - values[previous]) * (k - previous) / (i - previous);
                }
            }

            previous = i;
        }

        for (var k = previous + 1; k < values.Length && previous >= 0; k++)
        {
            values[k] = values[previous];
        }
    }

    private static (double? Average, double? Max) HeartRate(Activity activity, double[] t, bool hasTime)
    {
        var records = activity.Records;
        double weighted = 0, weights = 0, max = double.NaN;
        for (var i = 0; i < records.Count; i++)
        {
            var hr = records[i].HeartRate;
            if (!(hr > 0) || !double.IsFinite(hr))
            {
                continue;
            }

            var weight = 1.0;
            if (hasTime)
            {
                var next = i + 1 < records.Count ? t[i + 1] - t[i] : i > 0 ? t[i] - t[i - 1] : 1;
                weight = Math.Clamp(next, 0, 30);
            }

            weighted += hr * weight;
            weights += weight;
            max = double.IsNaN(max) ? hr : Math.Max(max, hr);
        }

        if (!double.IsNaN(max))
        {
            return (weights > 0 ? weighted / weights : max, max);
        }

        // No heart rate in the stream: what the sessions or laps said.
        var sessions = activity.Sessions.Where(s => s.AverageHeartRate > 0).ToList();
        double? average = sessions.Count == 0 ? null
            : sessions.Sum(s => s.AverageHeartRate!.Value * (s.TimerSeconds ?? 1)) / sessions.Sum(s => s.TimerSeconds ?? 1);
        var maxFromSummary = activity.Sessions.Select(s => s.MaxHeartRate).Concat(activity.Laps.Select(l => l.MaxHeartRate)).Max();
        return (average, maxFromSummary);
    }

    private static List<HillSprint> HillSprints(double[] t, double[] d, double[] altitudes, bool[] moving)
    {
        var n = t.Length;
        var speed = new double[n];
        var speeds = new List<double>(n);
        for (var i = 1; i < n; i++)
        {
            if (t[i] > t[i - 1])
            {
                speed[i] = (d[i] - d[i - 1]) / (t[i] - t[i - 1]);
            }

            if (moving[i] && t[i] > t[i - 1])
            {
                speeds.Add(speed[i]);
            }
        }

        var sprints = new List<HillSprint>();
        if (speeds.Count < 10)
        {
            return sprints;
        }

        speeds.Sort();
        var fastSpeed = Math.Max(
            HillSprintSpeedRatio * speeds[speeds.Count / 2],
            speeds[(int)Math.Min(speeds.Count - 1, Math.Floor(HillSprintSpeedPercentile * speeds.Count))]);
        bool IsFast(int i) => i > 0 && i < n && t[i] > t[i - 1] && speed[i] >= fastSpeed;

        // Runs of consecutive fast intervals; one slow interval of at most 2 s between fast ones is bridged (GPS noise).
        var i0 = -1;
        var lastFast = -1;
        for (var i = 1; i <= n; i++)
        {
            if (IsFast(i))
            {
                if (i0 < 0)
                {
                    i0 = i - 1;
                }

                lastFast = i;
                continue;
            }

            if (i0 >= 0 && i == lastFast + 1 && i < n && t[i] - t[i - 1] <= 2 && IsFast(i + 1))
            {
                continue;
            }

            if (i0 >= 0)
            {
                var duration = t[lastFast] - t[i0];
                var length = d[lastFast] - d[i0];
                if (duration is >= 6 and <= 30 && length > 0)
                {
                    // Recorded altitudes (3-sample means at each end), not the 50 m profile: a sprint is about as
                    // long as the smoothing window, and the walk back down would flatten it.
                    var grade = (MeanAround(altitudes, lastFast) - MeanAround(altitudes, i0)) / length;
                    if (grade >= HillyGrade)
                    {
                        sprints.Add(new HillSprint(t[i0], duration, length, grade, length / duration));
                    }
                }

                i0 = -1;
            }
        }

        return sprints;
    }

    private static double MeanAround(double[] values, int index)
    {
        double sum = 0;
        var count = 0;
        for (var i = Math.Max(0, index - 1); i <= Math.Min(values.Length - 1, index + 1); i++)
        {
            if (double.IsFinite(values[i]))
            {
                sum += values[i];
                count++;
            }
        }

        return count > 0 ? sum / count : double.NaN;
    }
}

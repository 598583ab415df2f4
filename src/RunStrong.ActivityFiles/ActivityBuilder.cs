using RunStrong.Domain.Activities;
using RunStrong.Domain.Activities.Metrics;

namespace RunStrong.ActivityFiles;

/// <summary>
/// Collects what an XML reader finds (points, laps, sessions, totals) and turns it into one <see cref="Activity"/>,
/// repairing what can be repaired (order, missing times) and saying so in warnings.
/// </summary>
internal sealed class ActivityBuilder(string fileName, List<string> warnings)
{
    public string FileName { get; } = fileName;

    public List<string> Warnings { get; } = warnings;

    public ActivityFormat Format { get; set; } = ActivityFormat.Gpx;

    public Sport Sport { get; set; } = Sport.Unknown;

    public string? SubSport { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    /// <summary>A start time to use when no point has a time (GPX metadata time, TCX activity Id).</summary>
    public DateTime? FallbackStart { get; set; }

    public List<RecordPoint> Points { get; } = [];

    public List<Lap> Laps { get; } = [];

    public List<ActivitySession> Sessions { get; } = [];

    public double? DeviceDistanceMeters { get; set; }

    public double? DeviceTimerSeconds { get; set; }

    /// <summary>Why there is nothing to import, when the file holds no points (said instead of a bare "empty").</summary>
    public string? EmptyReason { get; set; }

    public int PointCount => Points.Count;

    /// <summary>Points whose latitude/longitude was missing, unreadable or out of range.</summary>
    public int BadPositions { get; set; }

    /// <summary>A point a little before the one before it (up to this many seconds) is a writer's hiccup: dropped.</summary>
    public const double SmallReversalSeconds = 10;

    private readonly List<int> _segmentStarts = [];

    /// <summary>Notes that the points added from now on form a new track segment (GPX trkseg, a TCX Track after a pause).</summary>
    public void StartSegment()
    {
        if (Points.Count > 0 && (_segmentStarts.Count == 0 || _segmentStarts[^1] != Points.Count))
        {
            _segmentStarts.Add(Points.Count);
        }
    }

    public XmlReadOutcome Finish()
    {
        if (Points.Count == 0 && Laps.Count == 0)
        {
            return new XmlReadOutcome(null, $"{FileName}: {EmptyReason ?? "no track points, nothing to import"}", Warnings);
        }

        var points = Points;
        var implausible = 0;
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Time != ActivityTimes.None && points[i].Time < ActivityTimes.EarliestPlausible)
            {
                // e.g. 1901-12-13T20:45:52Z, the smallest 32-bit Unix time, written by GPSBabel for "unknown".
                points[i] = points[i] with { Time = ActivityTimes.None };
                implausible++;
            }
        }

        if (implausible > 0)
        {
            Warnings.Add($"{FileName}: {implausible} point(s) had a time before GPS existed (before 1980), a placeholder for \"unknown\"; ignored those times");
        }

        var isStart = new bool[points.Count];
        foreach (var s in _segmentStarts)
        {
            if (s < isStart.Length)
            {
                isStart[s] = true;
            }
        }

        DropUntimedSegments(points, ref isStart);
        var timed = points.Count(p => p.Time != ActivityTimes.None);
        if (timed == 0 && points.Count > 0)
        {
            Warnings.Add($"{FileName}: no times in this file: only distance and climbing can be worked out");
        }
        else if (timed < points.Count)
        {
            FillMissingTimes(points);
            Warnings.Add($"{FileName}: {points.Count - timed} point(s) had no time; estimated them from the neighbouring points' times and the distance between them");
        }

        if (timed > 0)
        {
            KeepFileOrder(points, ref isStart);
        }

        if (BadPositions > 0)
        {
            Warnings.Add($"{FileName}: {BadPositions} point(s) had a missing or impossible latitude/longitude; kept them without a position");
        }

        var fallback = FallbackStart is { } f && f >= ActivityTimes.EarliestActivity ? f : (DateTime?)null;
        var (start, source) = points.Count > 0 && points[0].Time != ActivityTimes.None ? (points[0].Time, StartTimeSource.Recorded)
            : Laps.Count > 0 && Laps[0].StartTime >= ActivityTimes.EarliestActivity ? (Laps[0].StartTime, StartTimeSource.Recorded)
            : fallback is { } metadata ? (metadata, StartTimeSource.FileMetadata)
            : (ActivityTimes.None, StartTimeSource.Unknown);
        if (source == StartTimeSource.Unknown)
        {
            Warnings.Add($"{FileName}: no times and no date anywhere in the file; give the day it was recorded when importing it");
        }
        else if (source == StartTimeSource.FileMetadata)
        {
            Warnings.Add($"{FileName}: dated {start:yyyy-MM-dd} from the file's own time (when the file was written), as its points have no times");
        }

        double? elapsed = points.Count >= 2 && points[0].Time != ActivityTimes.None
            ? (points[^1].Time - points[0].Time).TotalSeconds
            : null;

        var activity = new Activity
        {
            Format = Format,
            Sport = Sport,
            SubSport = SubSport,
            StartTime = DateTime.SpecifyKind(start, DateTimeKind.Utc),
            StartTimeSource = source,
            TimesRecorded = timed > 0,
            Name = string.IsNullOrWhiteSpace(Name) ? null : Name,
            Description = string.IsNullOrWhiteSpace(Description) ? null : Description,
            Records = points.ToArray(),
            SegmentStarts = Enumerable.Range(0, isStart.Length).Where(i => i > 0 && isStart[i]).ToArray(),
            Laps = Laps.ToArray(),
            Sessions = Sessions.ToArray(),
            DeviceDistanceMeters = DeviceDistanceMeters,
            DeviceElapsedSeconds = Format == ActivityFormat.Tcx ? elapsed : null,
            DeviceTimerSeconds = DeviceTimerSeconds,
        };
        activity.Warnings.AddRange(Warnings);
        return new XmlReadOutcome(activity, null, Warnings);
    }

    /// <summary>
    /// A track segment with no times in a file whose other segments have them is not part of this recording (a saved
    /// or planned track a GPS unit keeps beside its log): its points are left out, with a warning.
    /// </summary>
    private void DropUntimedSegments(List<RecordPoint> points, ref bool[] isStart)
    {
        if (points.Count == 0 || points.All(p => p.Time == ActivityTimes.None) || points.All(p => p.Time != ActivityTimes.None))
        {
            return;
        }

        var keep = new List<RecordPoint>(points.Count);
        var starts = new List<bool>(points.Count);
        var segment = 0;
        for (var from = 0; from < points.Count;)
        {
            var to = from + 1;
            while (to < points.Count && !isStart[to])
            {
                to++;
            }

            segment++;
            var anyTime = false;
            double meters = 0;
            for (var i = from; i < to; i++)
            {
                anyTime |= points[i].Time != ActivityTimes.None;
                if (i > from && points[i].HasPosition && points[i - 1].HasPosition)
                {
                    meters += Geodesy.HaversineMeters(points[i - 1].Latitude, points[i - 1].Longitude, points[i].Latitude, points[i].Longitude);
                }
            }

            if (anyTime)
            {
                for (var i = from; i < to; i++)
                {
                    keep.Add(points[i]);
                    starts.Add(i == from && keep.Count > 1);
                }
            }
            else
            {
                Warnings.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{FileName}: track segment {segment} ({to - from} points, {meters / 1000:0.00} km) has no times while the rest of the file has: a saved or planned track, not this recording; left it out"));
            }

            from = to;
        }

        points.Clear();
        points.AddRange(keep);
        isStart = [.. starts];
    }

    /// <summary>
    /// Keeps the points in the order the file gives them, as their author wrote them, mending only what is clearly a
    /// writer's hiccup: a point with the same time as the one before is merged into it (its missing values fill the
    /// earlier point's), and a point up to <see cref="SmallReversalSeconds"/> before the one before is dropped. A larger
    /// step back in time is kept where it is (sorting would shuffle two stretches of track into one zigzag); the
    /// metrics count no time across it. Each repair is counted in a warning.
    /// </summary>
    private void KeepFileOrder(List<RecordPoint> points, ref bool[] isStart)
    {
        var kept = new List<RecordPoint>(points.Count);
        var starts = new List<bool>(points.Count);
        int duplicates = 0, hiccups = 0, reversals = 0;
        var largest = TimeSpan.Zero;
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            if (kept.Count > 0 && !isStart[i])
            {
                var last = kept[^1];
                if (p.Time == last.Time)
                {
                    kept[^1] = Merge(last, p);
                    duplicates++;
                    continue;
                }

                if (p.Time < last.Time && (last.Time - p.Time).TotalSeconds <= SmallReversalSeconds)
                {
                    hiccups++;
                    continue;
                }

                if (p.Time < last.Time)
                {
                    reversals++;
                    largest = TimeSpan.FromTicks(Math.Max(largest.Ticks, (last.Time - p.Time).Ticks));
                }
            }
            else if (kept.Count > 0 && p.Time < kept[^1].Time)
            {
                reversals++;
                largest = TimeSpan.FromTicks(Math.Max(largest.Ticks, (kept[^1].Time - p.Time).Ticks));
            }

            kept.Add(p);
            starts.Add(isStart[i]);
        }

        if (duplicates > 0)
        {
            Warnings.Add($"{FileName}: {duplicates} point(s) repeated the time of the point before; merged each into that point");
        }

        if (hiccups > 0)
        {
            Warnings.Add($"{FileName}: {hiccups} point(s) were a few seconds out of time order (up to {SmallReversalSeconds:0} s back); dropped them and kept the file's order");
        }

        if (reversals > 0)
        {
            Warnings.Add($"{FileName}: the times jump back {reversals} time(s) (by up to {Math.Round(largest.TotalMinutes):0} min); kept the points in the file's order, and no time is counted across those jumps");
        }

        points.Clear();
        points.AddRange(kept);
        isStart = [.. starts];
    }

    /// <summary>The first point, with any value it lacks taken from the second.</summary>
    private static RecordPoint Merge(RecordPoint first, RecordPoint second) => first with
    {
        Latitude = first.HasPosition ? first.Latitude : second.Latitude,
        Longitude = first.HasPosition ? first.Longitude : second.Longitude,
        AltitudeMeters = double.IsNaN(first.AltitudeMeters) ? second.AltitudeMeters : first.AltitudeMeters,
        DistanceMeters = double.IsNaN(first.DistanceMeters) ? second.DistanceMeters : first.DistanceMeters,
        SpeedMetersPerSecond = double.IsNaN(first.SpeedMetersPerSecond) ? second.SpeedMetersPerSecond : first.SpeedMetersPerSecond,
        HeartRate = double.IsNaN(first.HeartRate) ? second.HeartRate : first.HeartRate,
        Cadence = double.IsNaN(first.Cadence) ? second.Cadence : first.Cadence,
        PowerWatts = double.IsNaN(first.PowerWatts) ? second.PowerWatts : first.PowerWatts,
    };

    /// <summary>
    /// Gives untimed points a time interpolated between the timed points either side, in proportion to the distance
    /// along the track (by position when both have one, else by count). Points before the first or after the last
    /// timed point take that point's time.
    /// </summary>
    private static void FillMissingTimes(List<RecordPoint> points)
    {
        var along = new double[points.Count];
        for (var i = 1; i < points.Count; i++)
        {
            var step = points[i].HasPosition && points[i - 1].HasPosition
                ? Geodesy.HaversineMeters(points[i - 1].Latitude, points[i - 1].Longitude, points[i].Latitude, points[i].Longitude)
                : 0;
            along[i] = along[i - 1] + step + 1e-3; // + 1 mm per point: interpolates by count where nothing moved
        }

        var previous = -1;
        for (var i = 0; i <= points.Count; i++)
        {
            if (i < points.Count && points[i].Time == ActivityTimes.None)
            {
                continue;
            }

            var from = previous < 0 ? 0 : previous + 1;
            for (var k = from; k < i; k++)
            {
                DateTime time;
                if (previous < 0)
                {
                    time = points[i].Time;
                }
                else if (i == points.Count)
                {
                    time = points[previous].Time;
                }
                else
                {
                    var fraction = (along[k] - along[previous]) / (along[i] - along[previous]);
                    time = points[previous].Time + (points[i].Time - points[previous].Time) * fraction;
                }

                points[k] = points[k] with { Time = time };
            }

            previous = i;
        }
    }
}

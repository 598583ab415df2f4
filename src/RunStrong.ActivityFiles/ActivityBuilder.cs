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

    public XmlReadOutcome Finish()
    {
        if (Points.Count == 0 && Laps.Count == 0)
        {
            return new XmlReadOutcome(null, $"{FileName}: {EmptyReason ?? "no track points, nothing to import"}", Warnings);
        }

        var points = Points;
        var implausible = 0;
        var timed = 0;
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Time == ActivityTimes.None)
            {
                continue;
            }

            if (points[i].Time < ActivityTimes.EarliestPlausible)
            {
                // e.g. 1901-12-13T20:45:52Z, the smallest 32-bit Unix time, written by GPSBabel for "unknown".
                points[i] = points[i] with { Time = ActivityTimes.None };
                implausible++;
                continue;
            }

            timed++;
        }

        if (implausible > 0)
        {
            Warnings.Add($"{FileName}: {implausible} point(s) had a time before GPS existed (before 1980), a placeholder for \"unknown\"; ignored those times");
        }

        if (timed == 0 && points.Count > 0)
        {
            Warnings.Add($"{FileName}: the points have no times, so only distance and climbing can be worked out");
        }
        else if (timed < points.Count)
        {
            FillMissingTimes(points);
            Warnings.Add($"{FileName}: {points.Count - timed} point(s) had no time; estimated them from the neighbouring points' times and the distance between them");
        }

        if (!IsInTimeOrder(points))
        {
            var sorted = points.Select((p, i) => (p, i)).OrderBy(x => x.p.Time).ThenBy(x => x.i).Select(x => x.p).ToList();
            points.Clear();
            points.AddRange(sorted);
            Warnings.Add($"{FileName}: the points were not in time order; sorted them by time");
        }

        if (BadPositions > 0)
        {
            Warnings.Add($"{FileName}: {BadPositions} point(s) had a missing or impossible latitude/longitude; kept them without a position");
        }

        var start = points.Count > 0 && points[0].Time != ActivityTimes.None
            ? points[0].Time
            : Laps.Count > 0 ? Laps[0].StartTime
            : FallbackStart ?? ActivityTimes.None;
        if (start == ActivityTimes.None)
        {
            Warnings.Add($"{FileName}: no start time anywhere in the file");
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
            Name = string.IsNullOrWhiteSpace(Name) ? null : Name,
            Description = string.IsNullOrWhiteSpace(Description) ? null : Description,
            Records = points.ToArray(),
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

    private static bool IsInTimeOrder(List<RecordPoint> points)
    {
        for (var i = 1; i < points.Count; i++)
        {
            if (points[i].Time < points[i - 1].Time)
            {
                return false;
            }
        }

        return true;
    }
}

using RunStrong.Domain.Activities;
using RunStrong.Domain.Activities.Metrics;

namespace RunStrong.Domain.Tests.Activities;

/// <summary>Synthetic activities with known answers.</summary>
public class ActivityMetricsTests
{
    private static readonly DateTime Start = new(2024, 6, 1, 7, 0, 0, DateTimeKind.Utc);

    /// <summary>Metres north of 46°N per degree of latitude on the haversine sphere.</summary>
    private static readonly double MetersPerDegree = Geodesy.HaversineMeters(46, 7, 47, 7);

    /// <summary>A run due north, one sample a second, built from (speed m/s, grade, seconds) stretches.</summary>
    private static Activity Run(params (double Speed, double Grade, int Seconds)[] stretches)
    {
        var records = new List<RecordPoint>();
        double distance = 0, altitude = 100;
        var time = 0;
        records.Add(Point(time, distance, altitude, 140));
        foreach (var (speed, grade, seconds) in stretches)
        {
            for (var s = 0; s < seconds; s++)
            {
                time++;
                distance += speed;
                altitude += speed * grade;
                records.Add(Point(time, distance, altitude, 140 + speed * 5));
            }
        }

        return new Activity { Format = ActivityFormat.Gpx, Sport = Sport.Running, StartTime = Start, Records = records };
    }

    private static RecordPoint Point(int seconds, double meters, double altitude, double heartRate) =>
        RecordPoint.At(Start.AddSeconds(seconds)) with
        {
            Latitude = 46 + meters / MetersPerDegree,
            Longitude = 7,
            AltitudeMeters = altitude,
            HeartRate = heartRate,
        };

    [Fact]
    public void Summarise_ImpossibleAltitudes_AreNotCountedAsClimbing()
    {
        // A converter that wrote raw zeros under FIT's 500 m offset: samples flip between -487.2 m and -500 m.
        var run = Run((3, 0, 300));
        var flipping = new Activity
        {
            Format = run.Format,
            Sport = run.Sport,
            StartTime = run.StartTime,
            Records = run.Records.Select((r, i) => r with { AltitudeMeters = i % 3 == 0 ? -500 : -487.2 }).ToList(),
        };

        var summary = ActivityMetrics.Summarise(flipping);

        Assert.Null(summary.AscentMeters);
        Assert.Equal(900, summary.DistanceMeters, 900 * 0.01);
    }

    [Fact]
    public void Summarise_FlatRunWithAStop_GeodesicDistanceAndMovingTime()
    {
        var summary = ActivityMetrics.Summarise(Run((3, 0, 600), (0, 0, 120), (3, 0, 600)));

        Assert.Equal(DistanceSource.Geodesic, summary.DistanceSource);
        Assert.Equal(3600, summary.DistanceMeters, 0.5);
        Assert.Equal(1320, summary.ElapsedSeconds);
        Assert.Equal(1200, summary.MovingSeconds);
        Assert.Equal(1200 / 3.6, summary.AveragePaceSecondsPerKm!.Value, 0.2);
        Assert.Equal(summary.AveragePaceSecondsPerKm!.Value, summary.AverageGradeAdjustedPaceSecondsPerKm!.Value, 0.5);
        Assert.Equal(0, summary.AscentMeters);
        Assert.Empty(summary.Climbs);
        Assert.Equal(0, summary.HillyMinutes);
        // 400 m, 1 km and 1 mile fit in the run; 5 km does not.
        Assert.Equal([400, 1000, 1609.344], summary.BestEfforts.Select(b => b.DistanceMeters));
        Assert.Equal(400 / 3.0, summary.BestEfforts[0].Seconds, 0.1);
        Assert.Equal(155, summary.MaxHeartRate);
    }

    [Fact]
    public void Summarise_DeviceTotals_WinOverComputedOnes()
    {
        var activity = Run((3, 0, 600));
        activity.DeviceDistanceMeters = 1850;
        activity.DeviceTimerSeconds = 590;

        var summary = ActivityMetrics.Summarise(activity);

        Assert.Equal(DistanceSource.Device, summary.DistanceSource);
        Assert.Equal(1850, summary.DistanceMeters);
        Assert.Equal(590, summary.MovingSeconds);
    }

    [Fact]
    public void Summarise_DeviceTotalsOfZero_AreIgnoredWhenTheRecordsMoved()
    {
        var activity = Run((3, 0, 600));
        activity.DeviceDistanceMeters = 0;
        activity.DeviceTimerSeconds = 0;

        var summary = ActivityMetrics.Summarise(activity);

        Assert.Equal(DistanceSource.Geodesic, summary.DistanceSource);
        Assert.Equal(1800, summary.DistanceMeters, 0.5);
        Assert.Equal(600, summary.MovingSeconds);
    }

    [Fact]
    public void Summarise_Hill_FindsTheClimbAndCountsHillyMinutes()
    {
        // 1 km flat, 600 m up at 6 % (36 m), 1 km flat.
        var summary = ActivityMetrics.Summarise(Run((3, 0, 333), (2.5, 0.06, 240), (3, 0, 333)));

        var climb = Assert.Single(summary.Climbs);
        Assert.Equal(999, climb.StartMeters, 30.0);
        Assert.Equal(600, climb.LengthMeters, 40.0);
        Assert.Equal(36, climb.GainMeters, 1.0);
        Assert.Equal(0.06, climb.AverageGrade, 0.005);
        Assert.Equal(36, summary.AscentMeters!.Value, 3.0);
        Assert.Equal(4, summary.HillyMinutes, 0.3);
        // Uphill time counts for more: grade-adjusted pace is faster than the plain pace.
        Assert.True(summary.AverageGradeAdjustedPaceSecondsPerKm < summary.AveragePaceSecondsPerKm);
    }

    [Fact]
    public void Summarise_ShallowRise_IsNotAClimb()
    {
        // 20 m over 1 km is 2 %: gains enough but is too gentle.
        var summary = ActivityMetrics.Summarise(Run((3, 0, 300), (3, 0.02, 333), (3, 0, 300)));

        Assert.Empty(summary.Climbs);
    }

    [Fact]
    public void Summarise_HillSprints_AreFoundAndCounted()
    {
        // Easy running at 3 m/s, then three 10 s sprints at 6 m/s up 8 %, each followed by walking back down the
        // same 60 m and a minute's rest.
        var summary = ActivityMetrics.Summarise(Run(
            (3, 0, 900),
            (6, 0.08, 10), (1.2, -0.08, 50), (0, 0, 60),
            (6, 0.08, 10), (1.2, -0.08, 50), (0, 0, 60),
            (6, 0.08, 10), (1.2, -0.08, 50), (0, 0, 60),
            (3, 0, 600)));

        Assert.Equal(3, summary.HillSprints.Count);
        Assert.All(summary.HillSprints, s =>
        {
            Assert.Equal(10, s.DurationSeconds, 1.0);
            Assert.Equal(6, s.AverageSpeedMetersPerSecond, 0.3);
            Assert.InRange(s.AverageGrade, 0.04, 0.09);
        });
        Assert.Equal(900, summary.HillSprints[0].StartSeconds, 1.0);
    }

    [Fact]
    public void Summarise_ALoneSurgeUpAHill_IsNoHillSprintSession()
    {
        var summary = ActivityMetrics.Summarise(Run((3, 0, 900), (6, 0.08, 10), (1.2, -0.08, 50), (3, 0, 600)));

        Assert.Empty(summary.HillSprints);
    }

    [Fact]
    public void Summarise_SurgesWithoutGoingBackDown_AreNoHillSprints()
    {
        // Three surges on one long climb: each starts where the last ended, with no walk back down.
        var summary = ActivityMetrics.Summarise(Run(
            (3, 0, 600), (6, 0.08, 10), (2, 0.08, 60), (6, 0.08, 10), (2, 0.08, 60), (6, 0.08, 10), (3, 0, 600)));

        Assert.Empty(summary.HillSprints);
    }

    [Theory]
    [InlineData(Sport.Hiking)]
    [InlineData(Sport.Walking)]
    [InlineData(Sport.Cycling)]
    public void Summarise_HillSprints_AreOnlyFoundInRuns(Sport sport)
    {
        var run = Run(
            (3, 0, 900),
            (6, 0.08, 10), (1.2, -0.08, 50), (0, 0, 60),
            (6, 0.08, 10), (1.2, -0.08, 50), (0, 0, 60),
            (3, 0, 600));
        run.Sport = sport;

        Assert.Empty(ActivityMetrics.Summarise(run).HillSprints);
    }

    [Fact]
    public void Summarise_BestEfforts_NeverSpanAStopLongerThanAMinute()
    {
        // 3 km, a 5-minute stop, 3 km: no 5 km inside either stretch.
        var longStop = ActivityMetrics.Summarise(Run((3, 0, 1000), (0, 0, 300), (3, 0, 1000)));
        // 3 km, a 40 s traffic light, 3 km: the 5 km spans it, the light included (elapsed time, as Strava does).
        var shortStop = ActivityMetrics.Summarise(Run((3, 0, 1000), (0, 0, 40), (3, 0, 1000)));

        Assert.DoesNotContain(longStop.BestEfforts, e => e.DistanceMeters == 5000);
        Assert.Equal(1000 / 3.0, longStop.BestEfforts.Single(e => e.DistanceMeters == 1000).Seconds, 0.5);
        var fiveK = Assert.Single(shortStop.BestEfforts, e => e.DistanceMeters == 5000);
        Assert.Equal(5000 / 3.0 + 40, fiveK.Seconds, 1.0);
    }

    [Fact]
    public void Summarise_GradeAdjustedPace_IsForActivitiesOnFootOnly()
    {
        var ride = Run((8, 0.05, 600), (8, -0.05, 600));
        ride.Sport = Sport.Cycling;

        Assert.Null(ActivityMetrics.Summarise(ride).AverageGradeAdjustedPaceSecondsPerKm);
    }

    [Fact]
    public void Summarise_GradesSteeperThanMinettisRange_AreClampedAndSaidSo()
    {
        // 200 m at 60 %: beyond the ±45 % Minetti et al. (2002) measured.
        var summary = ActivityMetrics.Summarise(Run((3, 0, 300), (1, 0.6, 200), (3, 0, 300)));

        var note = Assert.Single(summary.Notes, n => n.Code == "grade-clamped");
        Assert.False(note.Implausible);
        Assert.Contains("steeper than ±45 %", note.Message, StringComparison.Ordinal);
        // Never faster than the pace divided by the cost factor at +45 % (5.40).
        Assert.True(summary.AverageGradeAdjustedPaceSecondsPerKm >= summary.AveragePaceSecondsPerKm / GradeAdjustedPace.Factor(0.45));
    }

    [Fact]
    public void Summarise_SegmentsOfAGpxTrack_AreNotJoined()
    {
        var run = Run((3, 0, 300), (3, 0, 300));
        var records = run.Records.ToList();
        // Move the second half 5 km east: a second track segment somewhere else.
        for (var i = 301; i < records.Count; i++)
        {
            records[i] = records[i] with { Longitude = records[i].Longitude + 0.065 };
        }

        var split = new Activity { Format = ActivityFormat.Gpx, Sport = Sport.Running, StartTime = Start, Records = records, SegmentStarts = [301] };

        var summary = ActivityMetrics.Summarise(split);

        Assert.Equal(1797, summary.DistanceMeters, 3.0);
        Assert.Contains(summary.Notes, n => n.Code == "segments-not-joined");
    }

    [Fact]
    public void Summarise_AStepFasterThanAnyoneRuns_IsAJumpNotDistance()
    {
        var run = Run((3, 0, 600));
        var records = run.Records.ToList();
        // From second 300 on, the points are 2 km further north: one step of 2 km in a second.
        for (var i = 300; i < records.Count; i++)
        {
            records[i] = records[i] with { Latitude = records[i].Latitude + 2000 / MetersPerDegree };
        }

        var summary = ActivityMetrics.Summarise(new Activity { Format = ActivityFormat.Gpx, Sport = Sport.Running, StartTime = Start, Records = records });

        Assert.Equal(1797, summary.DistanceMeters, 3.0);
        Assert.Contains(summary.Notes, n => n.Code == "jumps-not-counted" && n.Message.Contains("45 km/h", StringComparison.Ordinal));
        Assert.True(summary.IsPlausible);
    }

    [Fact]
    public void Summarise_HeartRateAbove250_IsLeftOutAndFlagged()
    {
        var run = Run((3, 0, 600));
        run.Records = run.Records.Select((r, i) => i % 100 == 50 ? r with { HeartRate = 262 } : r).ToList();

        var summary = ActivityMetrics.Summarise(run);

        Assert.Equal(155, summary.MaxHeartRate);
        Assert.False(summary.IsPlausible);
        Assert.Empty(summary.BestEfforts);
    }

    [Fact]
    public void Summarise_SteadyHillRun_HasNoHillSprints()
    {
        var summary = ActivityMetrics.Summarise(Run((3, 0, 600), (2.5, 0.06, 600), (3.5, -0.06, 500)));

        Assert.Empty(summary.HillSprints);
    }

    [Fact]
    public void Summarise_DeviceDistanceStream_IsUsedWhenThereAreNoPositions()
    {
        var records = Enumerable.Range(0, 601)
            .Select(i => RecordPoint.At(Start.AddSeconds(i)) with { DistanceMeters = i % 10 == 5 ? double.NaN : i * 2.5, HeartRate = 150 })
            .ToList();
        var activity = new Activity { Format = ActivityFormat.Fit, StartTime = Start, Records = records };

        var summary = ActivityMetrics.Summarise(activity);

        Assert.Equal(DistanceSource.Device, summary.DistanceSource);
        Assert.Equal(1500, summary.DistanceMeters);
        Assert.Equal(160, summary.BestEfforts[0].Seconds, 1e-9);
        Assert.Equal(150, summary.AverageHeartRate);
        Assert.Null(summary.AscentMeters);
        Assert.Null(summary.AverageGradeAdjustedPaceSecondsPerKm);
    }

    [Fact]
    public void Summarise_EmptyActivity_GivesZerosNotErrors()
    {
        var activity = new Activity { Format = ActivityFormat.Manual, StartTime = Start, DeviceDistanceMeters = 5000, DeviceElapsedSeconds = 1500 };

        var summary = ActivityMetrics.Summarise(activity);

        Assert.Equal(5000, summary.DistanceMeters);
        Assert.Equal(1500, summary.ElapsedSeconds);
        Assert.Empty(summary.BestEfforts);
        Assert.Null(summary.AverageHeartRate);
    }

    [Fact]
    public void Summarise_HeartRate_IsTimeWeighted()
    {
        // 100 bpm held for 50 s, then 200 bpm for 10 s (samples at 0, 50, 60).
        var records = new List<RecordPoint>
        {
            RecordPoint.At(Start) with { HeartRate = 100 },
            RecordPoint.At(Start.AddSeconds(50)) with { HeartRate = 200 },
            RecordPoint.At(Start.AddSeconds(60)) with { HeartRate = 200 },
        };

        var summary = ActivityMetrics.Summarise(new Activity { Format = ActivityFormat.Fit, StartTime = Start, Records = records });

        // Weights are capped at 30 s: (100·30 + 200·10 + 200·10) / 50.
        Assert.Equal(140, summary.AverageHeartRate!.Value, 1e-9);
        Assert.Equal(200, summary.MaxHeartRate);
    }
}

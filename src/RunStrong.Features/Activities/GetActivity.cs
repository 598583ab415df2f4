using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using RunStrong.ActivityFiles;
using RunStrong.Data;
using RunStrong.Domain.Activities;
using RunStrong.Domain.Activities.Metrics;
using RunStrong.Domain.Units;
using RunStrong.Features.Common;

namespace RunStrong.Features.Activities;

/// <summary>
/// One stored activity: its row, the summary stored with it (climbs, best efforts, hill sprints, notes, warnings), its
/// splits and laps read again from the stored original, and on request the chart series (pace, heart rate, elevation
/// against distance, reduced to at most <see cref="ChartPoints"/> points each) and the route.
/// </summary>
public static class GetActivity
{
    /// <summary>Most points a chart series holds: enough for a phone or a laptop screen, small enough to send.</summary>
    public const int ChartPoints = 300;

    /// <summary>Slower than this (s/km) counts as standing, not running: left out of the pace series.</summary>
    public const double SlowestChartedPaceSecondsPerKm = 1800;

    /// <summary>Pace slices slower than this many times the activity's median slice are stops, not running: not charted.</summary>
    public const double SlowPaceOutlierRatio = 2.5;

    /// <param name="IncludeSeries">Add the chart series and the route (read again from the stored original).</param>
    /// <param name="Unit">The length of the splits: a kilometre or a mile.</param>
    public sealed record Request(long Id, bool IncludeSeries = false, DistanceUnit Unit = DistanceUnit.Kilometres);

    /// <param name="X">Metres from the start when <see cref="ChartSeries.Axis"/> is distance; seconds from the start when it is time.</param>
    public sealed record ChartPoint(double X, double Value);

    /// <summary>Series for the activity page.</summary>
    /// <param name="Axis"><c>distance</c> (metres) for anything that moved; <c>time</c> (seconds) for files with no distance.</param>
    /// <param name="Pace">Seconds per kilometre.</param>
    /// <param name="HeartRate">Beats per minute.</param>
    /// <param name="Elevation">Metres above sea level.</param>
    public sealed record ChartSeries(string Axis, IReadOnlyList<ChartPoint> Pace, IReadOnlyList<ChartPoint> HeartRate, IReadOnlyList<ChartPoint> Elevation);

    /// <param name="StartTime">UTC. For a run logged by hand only its day is known (<see cref="Response.StartTimeSource"/> <c>entered</c>): the time of day is not the runner's.</param>
    /// <param name="AscentMeters">Null when nothing was measured (a run logged by hand), not zero.</param>
    /// <param name="DescentMeters">Null when nothing was measured (a run logged by hand), not zero.</param>
    /// <param name="AveragePaceSecondsPerKm">Moving time over distance; for a run logged by hand, its time over its distance.</param>
    /// <param name="HillyMinutes">Null when nothing was measured (a run logged by hand), not zero.</param>
    /// <param name="FileName">The original file's name; null for a run logged by hand (it has none).</param>
    public sealed record Response(
        long Id,
        string? Name,
        string? Description,
        string Format,
        string Sport,
        string? SubSport,
        DateTime StartTime,
        double DistanceMeters,
        string DistanceSource,
        double ElapsedSeconds,
        double MovingSeconds,
        double? AscentMeters,
        double? DescentMeters,
        double? AvgHeartRate,
        double? MaxHeartRate,
        double? AveragePaceSecondsPerKm,
        double? AverageGradeAdjustedPaceSecondsPerKm,
        double? HillyMinutes,
        int Records,
        string? FileName,
        string SourcePath,
        DateTime ImportedAt,
        IReadOnlyList<Climb> Climbs,
        IReadOnlyList<BestEffort> BestEfforts,
        IReadOnlyList<HillSprint> HillSprints,
        IReadOnlyList<string> Warnings,
        ChartSeries? Series)
    {
        /// <summary>
        /// <c>recorded</c>; for files without times <c>file-metadata</c> (the file's own date) or <c>entered</c> (the runner's);
        /// <c>entered</c> for a run logged by hand too (a day, no time of day).
        /// </summary>
        public string StartTimeSource { get; init; } = "recorded";

        /// <summary>True for a run logged by hand (format <c>manual</c>): no file, so no splits, laps, charts, route, climbing or heart rate.</summary>
        public bool LoggedByHand => Format == ManualFormat;

        /// <summary>False when the file had no times: distance and climbing only.</summary>
        public bool HasTimes { get; init; } = true;

        /// <summary>What the rules changed and which figures are not believed (a note for each).</summary>
        public IReadOnlyList<MetricNote> Notes { get; init; } = [];

        /// <summary><c>km</c> or <c>mi</c>: the length of the <see cref="Splits"/>.</summary>
        public string Unit { get; init; } = "km";

        /// <summary>Per kilometre or mile, read again from the stored original (none for runs entered by hand).</summary>
        public IReadOnlyList<Split> Splits { get; init; } = [];

        /// <summary>The device's laps (FIT, TCX; GPX has none), read again from the stored original.</summary>
        public IReadOnlyList<LapView> Laps { get; init; } = [];

        /// <summary>The runner's day it is on (in their time zone when it was imported, or the day they gave or changed it to).</summary>
        public DateOnly Date { get; init; }

        /// <summary>For people: the start in the runner's zone ("Sat 15 Aug 2015, 08:45 MDT"), or the day alone without recorded times.</summary>
        public string? StartText { get; init; }

        /// <summary>"5.60 mi" / "9.01 km": the distance in <see cref="Unit"/>.</summary>
        public string? DistanceText { get; init; }

        /// <summary>"8:24 /mi" / "5:14 /km": the average pace in <see cref="Unit"/>; "–" without one.</summary>
        public string? PaceText { get; init; }

        /// <summary>easy, quality, long, race or hills, when the runner said.</summary>
        public string? RunType { get; init; }

        /// <summary>How hard it felt (1 to 10), when the runner said.</summary>
        public double? Rpe { get; init; }

        /// <summary>With series: the route, one list of points per stretch recorded without a break.</summary>
        public IReadOnlyList<IReadOnlyList<RoutePoint>>? Route { get; init; }
    }

    /// <summary>The format of a run logged by hand (<c>runstrong log run</c>, <c>POST /api/log/runs</c>, /log/run).</summary>
    public const string ManualFormat = "manual";

    public static async Task<Response> HandleAsync(RunStrongDbContext db, ICurrentRunner runner, Request request, CancellationToken cancellationToken = default)
    {
        var owner = runner.RunnerId;
        var row = await db.Activities.Where(a => a.Id == request.Id && a.OwnerId == owner).FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFound(request.Id);
        var file = await db.ActivityFiles.Where(f => f.ActivityId == row.Id && f.OwnerId == owner)
            .Select(f => new { f.FileName, Content = f.GzipContent })
            .FirstOrDefaultAsync(cancellationToken);
        var summary = StoredSummary.Read(row.SummaryJson);
        var preferences = await Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken);
        ChartSeries? series = null;
        ActivityAnalysis? analysis = null;
        if (file?.Content is { } gzip && ActivityFileReader.Read(file.FileName, Gunzip(gzip)).Activity is { } activity)
        {
            analysis = ActivityAnalysis.Of(activity);
            series = request.IncludeSeries ? Series(analysis) : null;
        }
        else if (request.IncludeSeries)
        {
            series = new ChartSeries("distance", [], [], []);
        }

        // A run logged by hand has a distance, a time and a day: nothing was measured along the way (climbing, heart rate,
        // hilly minutes stay unknown rather than zero), its pace is its time over its distance, and its start is the day alone
        // (it is kept at noon on that day, a time the runner never gave).
        var byHand = row.Format == ManualFormat;
        var pace = byHand ? PaceOf(row.DistanceMeters, row.MovingSeconds > 0 ? row.MovingSeconds : row.ElapsedSeconds) : summary.AveragePaceSecondsPerKm;
        var startTimeSource = byHand ? "entered" : summary.StartTimeSource;
        return new Response(
            row.Id, row.Name, row.Description, row.Format, row.Sport, row.SubSport, DateTime.SpecifyKind(row.StartTime, DateTimeKind.Utc),
            row.DistanceMeters, summary.DistanceSource, row.ElapsedSeconds, row.MovingSeconds,
            byHand ? null : row.AscentMeters, byHand ? null : row.DescentMeters,
            row.AverageHeartRate, row.MaxHeartRate, pace, summary.AverageGradeAdjustedPaceSecondsPerKm,
            byHand ? null : summary.HillyMinutes, row.RecordCount, file?.FileName, row.SourcePath, DateTime.SpecifyKind(row.ImportedAt, DateTimeKind.Utc),
            summary.Climbs, summary.BestEfforts, summary.HillSprints, summary.Warnings, series)
        {
            StartTimeSource = startTimeSource,
            HasTimes = summary.HasTimes,
            Date = row.LocalDate,
            StartText = preferences.ShowStart(row.StartTime, row.LocalDate, summary.HasTimes && startTimeSource == "recorded"),
            DistanceText = Measure.Distance(row.DistanceMeters, request.Unit),
            PaceText = Measure.Pace(pace, request.Unit),
            RunType = row.RunType,
            Rpe = row.Rpe,
            Notes = summary.Notes,
            Unit = Measure.Name(request.Unit),
            Splits = analysis?.Splits(request.Unit) ?? [],
            Laps = analysis?.Laps() ?? [],
            Route = request.IncludeSeries ? analysis?.Route() ?? [] : null,
        };
    }

    /// <summary>Seconds per km over a whole run; null without a distance or a time.</summary>
    private static double? PaceOf(double metres, double seconds) => metres > 0 && seconds > 0 ? seconds / (metres / 1000) : null;

    internal static UserInputException NotFound(long id) => new("id", $"activity {id}: no such activity", notFound: true);

    internal static byte[] Gunzip(byte[] gzip)
    {
        using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var output = new MemoryStream(gzip.Length * 4);
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>
    /// Pace, heart rate and elevation in <see cref="ChartPoints"/> equal slices of the distance (or of the time when
    /// nothing moved): each point is the mean of the samples in its slice, so a spike or a GPS jump is smoothed, not
    /// drawn. Distance is the analysis' stream (the device's when it recorded one, else great-circle steps that never
    /// cross a gap between tracks).
    /// </summary>
    public static ChartSeries Series(ActivityAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var records = analysis.Activity.Records;
        var n = records.Count;
        if (n == 0)
        {
            return new ChartSeries("distance", [], [], []);
        }

        var seconds = analysis.Seconds;
        var meters = analysis.Meters;
        var byDistance = meters[^1] >= 10;
        var x = byDistance ? meters : seconds;
        if (!analysis.Summary.HasTimes && !byDistance)
        {
            return new ChartSeries("distance", [], [], []);
        }

        var span = x[^1] - x[0];
        var slices = span > 0 ? Math.Min(ChartPoints, n) : 1;
        var pace = new List<ChartPoint>(slices);
        var heart = new List<ChartPoint>(slices);
        var elevation = new List<ChartPoint>(slices);
        var first = 0;
        for (var s = 0; s < slices && first < n; s++)
        {
            var end = s == slices - 1 ? x[^1] + 1 : x[0] + span * (s + 1) / slices;
            var last = first;
            while (last < n && x[last] < end)
            {
                last++;
            }

            if (last == first)
            {
                continue;
            }

            double hrSum = 0, altSum = 0, xSum = 0;
            int hrCount = 0, altCount = 0;
            for (var i = first; i < last; i++)
            {
                xSum += x[i];
                if (records[i].HeartRate is > 0 and <= Plausibility.MaxHeartRate)
                {
                    hrSum += records[i].HeartRate;
                    hrCount++;
                }

                if (records[i].AltitudeMeters is >= ActivityMetrics.LowestAltitudeMeters and <= ActivityMetrics.HighestAltitudeMeters)
                {
                    altSum += records[i].AltitudeMeters;
                    altCount++;
                }
            }

            var at = xSum / (last - first);
            if (hrCount > 0)
            {
                heart.Add(new ChartPoint(at, hrSum / hrCount));
            }

            if (altCount > 0)
            {
                elevation.Add(new ChartPoint(at, altSum / altCount));
            }

            // Pace over the slice: distance covered between the sample before it and its last sample, over the time taken.
            var from = Math.Max(0, first - 1);
            var metres = meters[last - 1] - meters[from];
            var time = seconds[last - 1] - seconds[from];
            if (metres > 0 && time > 0)
            {
                var secondsPerKm = time / (metres / 1000);
                if (secondsPerKm <= SlowestChartedPaceSecondsPerKm)
                {
                    pace.Add(new ChartPoint(at, secondsPerKm));
                }
            }

            first = last;
        }

        // A stop inside a slice (a traffic light, a gate) gives one very slow point that would squash the rest of the
        // chart into a flat line: slices slower than 2.5 times the median are left out.
        if (pace.Count > 2)
        {
            var median = pace.Select(p => p.Value).Order().ElementAt(pace.Count / 2);
            pace.RemoveAll(p => p.Value > median * SlowPaceOutlierRatio);
        }

        return new ChartSeries(byDistance ? "distance" : "time", pace, heart, elevation);
    }
}

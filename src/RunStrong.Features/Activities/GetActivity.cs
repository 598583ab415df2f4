using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using RunStrong.ActivityFiles;
using RunStrong.Data;
using RunStrong.Domain.Activities;
using RunStrong.Domain.Activities.Metrics;
using RunStrong.Features.Common;

namespace RunStrong.Features.Activities;

/// <summary>
/// One stored activity: its row, the summary stored with it (climbs, best efforts, hill sprints, warnings), and on
/// request the chart series (pace, heart rate, elevation against distance), read again from the stored original and
/// reduced to at most <see cref="ChartPoints"/> points each.
/// </summary>
public static class GetActivity
{
    /// <summary>Most points a chart series holds: enough for a phone or a laptop screen, small enough to send.</summary>
    public const int ChartPoints = 300;

    /// <summary>Slower than this (s/km) counts as standing, not running: left out of the pace series.</summary>
    public const double SlowestChartedPaceSecondsPerKm = 1800;

    /// <summary>Pace slices slower than this many times the activity's median slice are stops, not running: not charted.</summary>
    public const double SlowPaceOutlierRatio = 2.5;

    public sealed record Request(long Id, bool IncludeSeries = false);

    /// <param name="X">Metres from the start when <see cref="ChartSeries.Axis"/> is distance; seconds from the start when it is time.</param>
    public sealed record ChartPoint(double X, double Value);

    /// <summary>Series for the activity page.</summary>
    /// <param name="Axis"><c>distance</c> (metres) for anything that moved; <c>time</c> (seconds) for files with no distance.</param>
    /// <param name="Pace">Seconds per kilometre.</param>
    /// <param name="HeartRate">Beats per minute.</param>
    /// <param name="Elevation">Metres above sea level.</param>
    public sealed record ChartSeries(string Axis, IReadOnlyList<ChartPoint> Pace, IReadOnlyList<ChartPoint> HeartRate, IReadOnlyList<ChartPoint> Elevation);

    /// <param name="StartTime">UTC.</param>
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
        double AscentMeters,
        double DescentMeters,
        double? AvgHeartRate,
        double? MaxHeartRate,
        double? AveragePaceSecondsPerKm,
        double? AverageGradeAdjustedPaceSecondsPerKm,
        double HillyMinutes,
        int Records,
        string? FileName,
        string SourcePath,
        DateTime ImportedAt,
        IReadOnlyList<Climb> Climbs,
        IReadOnlyList<BestEffort> BestEfforts,
        IReadOnlyList<HillSprint> HillSprints,
        IReadOnlyList<string> Warnings,
        ChartSeries? Series);

    public static async Task<Response> HandleAsync(RunStrongDbContext db, ICurrentRunner runner, Request request, CancellationToken cancellationToken = default)
    {
        var owner = runner.RunnerId;
        var row = await db.Activities.Where(a => a.Id == request.Id && a.OwnerId == owner).FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFound(request.Id);
        var file = await db.ActivityFiles.Where(f => f.ActivityId == row.Id && f.OwnerId == owner)
            .Select(f => new { f.FileName, Content = request.IncludeSeries ? f.GzipContent : null })
            .FirstOrDefaultAsync(cancellationToken);
        var summary = StoredSummary.Read(row.SummaryJson);
        ChartSeries? series = null;
        if (request.IncludeSeries && file?.Content is { } gzip)
        {
            var read = ActivityFileReader.Read(file.FileName, Gunzip(gzip));
            series = read.Activity is { } activity ? Series(activity) : new ChartSeries("distance", [], [], []);
        }

        return new Response(
            row.Id, row.Name, row.Description, row.Format, row.Sport, row.SubSport, DateTime.SpecifyKind(row.StartTime, DateTimeKind.Utc),
            row.DistanceMeters, summary.DistanceSource, row.ElapsedSeconds, row.MovingSeconds, row.AscentMeters, row.DescentMeters,
            row.AverageHeartRate, row.MaxHeartRate, summary.AveragePaceSecondsPerKm, summary.AverageGradeAdjustedPaceSecondsPerKm,
            summary.HillyMinutes, row.RecordCount, file?.FileName, row.SourcePath, DateTime.SpecifyKind(row.ImportedAt, DateTimeKind.Utc),
            summary.Climbs, summary.BestEfforts, summary.HillSprints, summary.Warnings, series);
    }

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
    /// drawn. Distance is the device's stream when it recorded one, else summed great-circle steps between positions.
    /// </summary>
    public static ChartSeries Series(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var records = activity.Records;
        var n = records.Count;
        if (n == 0)
        {
            return new ChartSeries("distance", [], [], []);
        }

        var start = records[0].Time;
        var seconds = new double[n];
        var meters = new double[n];
        var hasDeviceDistance = false;
        for (var i = 0; i < n; i++)
        {
            seconds[i] = (records[i].Time - start).TotalSeconds;
            hasDeviceDistance |= double.IsFinite(records[i].DistanceMeters);
        }

        RecordPoint? lastFix = null;
        for (var i = 0; i < n; i++)
        {
            var r = records[i];
            var previous = i > 0 ? meters[i - 1] : 0;
            if (hasDeviceDistance)
            {
                meters[i] = double.IsFinite(r.DistanceMeters) ? Math.Max(previous, r.DistanceMeters) : previous;
            }
            else
            {
                meters[i] = previous;
                if (r.HasPosition)
                {
                    if (lastFix is { } fix)
                    {
                        meters[i] += Geodesy.HaversineMeters(fix.Latitude, fix.Longitude, r.Latitude, r.Longitude);
                    }

                    lastFix = r;
                }
            }
        }

        var byDistance = meters[^1] >= 10;
        var x = byDistance ? meters : seconds;
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
                if (double.IsFinite(records[i].HeartRate) && records[i].HeartRate > 0)
                {
                    hrSum += records[i].HeartRate;
                    hrCount++;
                }

                if (double.IsFinite(records[i].AltitudeMeters))
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

using RunStrong.ActivityFiles;
using RunStrong.Domain.Activities;
using RunStrong.Domain.Activities.Metrics;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Units;
using RunStrong.Features.Common;

namespace RunStrong.Features.Activities;

/// <summary>
/// Reads one activity file and summarises it without storing anything (<c>runstrong inspect FILE</c>). A file that
/// gives no activity is a <see cref="UserInputException"/> whose message is the reader's: it starts with the file's
/// name and says what is wrong (for FIT, at which byte). A file that reads but is no activity (too short, a single
/// point) is refused the same way, with the reason an import gives and what the reader noticed (a truncation, say).
/// </summary>
public static class InspectActivity
{
    /// <summary>What one file holds, in the units its names say (metres, seconds, beats per minute).</summary>
    /// <param name="StartTime">UTC (written as ISO 8601 with a Z); null when the file holds no date.</param>
    /// <param name="StartTimeSource"><c>recorded</c>, <c>file-metadata</c> (a file without times dated by its own metadata) or <c>unknown</c>.</param>
    /// <param name="HasTimes">False when the file has no times: distance and climbing only.</param>
    /// <param name="Records">Number of points in the record stream.</param>
    /// <param name="Laps">Number of laps the file recorded.</param>
    /// <param name="AveragePaceSecondsPerKm">Moving time over distance, s/km.</param>
    /// <param name="Unit"><c>km</c> or <c>mi</c>: the length of the <paramref name="Splits"/>.</param>
    public sealed record View(
        string Path,
        string Format,
        string Sport,
        string? SubSport,
        DateTime? StartTime,
        string StartTimeSource,
        bool HasTimes,
        string? Name,
        double ElapsedSeconds,
        double MovingSeconds,
        double DistanceMeters,
        string DistanceSource,
        double? AscentMeters,
        double? DescentMeters,
        int Records,
        int Laps,
        double? AvgHeartRate,
        double? MaxHeartRate,
        double? AveragePaceSecondsPerKm,
        double? AverageGradeAdjustedPaceSecondsPerKm,
        double HillyMinutes,
        IReadOnlyList<BestEffort> BestEfforts,
        IReadOnlyList<Climb> Climbs,
        IReadOnlyList<HillSprint> HillSprints,
        IReadOnlyList<MetricNote> Notes,
        string Unit,
        IReadOnlyList<Split> Splits,
        IReadOnlyList<LapView> LapTable,
        IReadOnlyList<string> Warnings)
    {
        public static View From(string path, ActivityAnalysis analysis, DistanceUnit unit, IReadOnlyList<string> warnings)
        {
            var activity = analysis.Activity;
            var summary = analysis.Summary;
            return new View(
                path,
                Kebab.Name(activity.Format),
                Kebab.Name(activity.Sport),
                activity.SubSport,
                activity.StartTimeSource == Domain.Activities.StartTimeSource.Unknown ? null : DateTime.SpecifyKind(activity.StartTime, DateTimeKind.Utc),
                Kebab.Name(activity.StartTimeSource),
                summary.HasTimes,
                activity.Name,
                summary.ElapsedSeconds,
                summary.MovingSeconds,
                summary.DistanceMeters,
                Kebab.Name(summary.DistanceSource),
                summary.AscentMeters,
                summary.DescentMeters,
                activity.Records.Count,
                activity.Laps.Count,
                summary.AverageHeartRate,
                summary.MaxHeartRate,
                summary.AveragePaceSecondsPerKm,
                summary.AverageGradeAdjustedPaceSecondsPerKm,
                summary.HillyMinutes,
                summary.BestEfforts,
                summary.Climbs,
                summary.HillSprints,
                summary.Notes,
                Measure.Name(unit),
                analysis.Splits(unit),
                analysis.Laps(),
                warnings);
        }
    }

    /// <summary>Reads and summarises one file; splits in <paramref name="unit"/>.</summary>
    public static View Handle(string path, DistanceUnit unit = DistanceUnit.Kilometres)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UserInputException("FILE", "FILE: no file named");
        }

        if (Directory.Exists(path))
        {
            throw new UserInputException("FILE", $"{path}: a folder; inspect reads one file (runstrong import reads folders)");
        }

        if (!File.Exists(path))
        {
            throw new UserInputException("FILE", $"{path}: no such file");
        }

        var length = new FileInfo(path).Length;
        if (length > ActivityFileReader.MaxFileBytes)
        {
            throw new UserInputException("FILE", $"{path}: {length / (1024 * 1024)} MB is larger than the {ActivityFileReader.MaxFileBytes / (1024 * 1024)} MB an activity file may be");
        }

        var result = ActivityFileReader.Read(path, File.ReadAllBytes(path));
        if (result.Activity is not { } activity)
        {
            throw new UserInputException("FILE", result.Error ?? $"{System.IO.Path.GetFileName(path)}: no activity in the file");
        }

        var analysis = ActivityAnalysis.Of(activity);
        if (analysis.WhyNotAnActivity() is { } why)
        {
            var file = System.IO.Path.GetFileName(path);
            var noticed = result.Warnings.Select(w => w.StartsWith(file + ": ", StringComparison.Ordinal) ? w[(file.Length + 2)..] : w);
            throw new UserInputException("FILE", string.Join("; ", [$"{file}: {why}", .. noticed]));
        }

        return View.From(path, analysis, unit, result.Warnings);
    }
}

using RunStrong.ActivityFiles;
using RunStrong.Domain.Activities;
using RunStrong.Domain.Activities.Metrics;
using RunStrong.Domain.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Features.Activities;

/// <summary>
/// Reads one activity file and summarises it without storing anything (<c>runstrong inspect FILE</c>). A file that
/// gives no activity is a <see cref="UserInputException"/> whose message is the reader's: it starts with the file's
/// name and says what is wrong (for FIT, at which byte).
/// </summary>
public static class InspectActivity
{
    /// <summary>What one file holds, in the units its names say (metres, seconds, beats per minute).</summary>
    /// <param name="StartTime">UTC (written as ISO 8601 with a Z).</param>
    /// <param name="Records">Number of points in the record stream.</param>
    /// <param name="Laps">Number of laps the file recorded.</param>
    /// <param name="AveragePaceSecondsPerKm">Moving time over distance, s/km.</param>
    public sealed record View(
        string Path,
        string Format,
        string Sport,
        string? SubSport,
        DateTime StartTime,
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
        IReadOnlyList<string> Warnings)
    {
        public static View From(string path, Activity activity, ActivitySummary summary, IReadOnlyList<string> warnings) => new(
            path,
            Kebab.Name(activity.Format),
            Kebab.Name(activity.Sport),
            activity.SubSport,
            DateTime.SpecifyKind(activity.StartTime, DateTimeKind.Utc),
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
            warnings);
    }

    public static View Handle(string path)
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

        return View.From(path, activity, ActivityMetrics.Summarise(activity), result.Warnings);
    }
}

using RunStrong.Domain.Activities;
using RunStrong.TestSupport;

namespace RunStrong.ActivityFiles.Tests.Fit;

/// <summary>
/// A strength activity as a Garmin watch records it, encoded by Garmin's own JavaScript FIT SDK
/// (tests/fitsdk/encode-strength.mjs), read by our FIT reader: every set with its exercise category and name, reps,
/// weight and the unit the runner entered it in; rest sets marked as rest.
/// </summary>
public sealed class StrengthActivityTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("runstrong-fit-strength-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("pound")]
    [InlineData("kilogram")]
    public void Sdk_encoded_strength_activity_reads_with_exercise_names_reps_weights_and_rest_sets(string unit)
    {
        var start = TestClock.Now.UtcDateTime.Date.AddHours(7.5);
        var path = GarminFitSdk.EncodeStrength(Path.Combine(_folder, "strength.fit"), start, unit);

        var result = ActivityFileReader.Read("strength.fit", File.ReadAllBytes(path));

        Assert.Equal(ActivityFileStatus.Read, result.Status);
        var activity = result.Activity!;
        Assert.Equal(Sport.Training, activity.Sport);
        Assert.Equal("strength-training", activity.SubSport);
        var sets = activity.StrengthSets;
        Assert.Equal(12, sets.Count);
        Assert.Equal([false, true, false, true, false, true, false, true, false, true, false, true], sets.Select(s => s.IsRest));
        var active = sets.Where(s => !s.IsRest).ToArray();
        Assert.Equal(
            ["hip-raise/barbell-hip-thrust-with-bench", "hip-raise/barbell-hip-thrust-with-bench", "squat/barbell-back-squat",
             "bench-press/barbell-bench-press", "hip-raise/hip-raise", "unknown/"],
            active.Select(s => $"{s.Category}/{s.ExerciseName}"));
        Assert.Equal([10, 10, 8, 8, 15, 12], active.Select(s => s.Repetitions ?? -1));
        Assert.All(active, s => Assert.Equal(unit, s.WeightDisplayUnit));
        Assert.All(sets.Where(s => s.IsRest), s => Assert.Null(s.WeightDisplayUnit));
        // FIT stores kilograms in 1/16 kg: 135 lb (61.235 kg) is written as 61.25 kg, 95 lb (43.09 kg) as 43.0625; 60 kg exactly.
        var expectedKg = unit == "pound" ? new double?[] { 61.25, 61.25, 43.0625, 29.5, null, null } : [60, 60, 42.5, 30, null, null];
        Assert.Equal(expectedKg, active.Select(s => s.WeightKg));
        Assert.Equal(start, sets[0].StartTime);
        Assert.Equal(40, sets[0].DurationSeconds);
        Assert.Equal(90, sets[1].DurationSeconds);
    }
}

using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Domain.Activities.Metrics;
using RunStrong.Features.Activities;

namespace RunStrong.Features.Tests.Dashboard;

/// <summary>Rows written by hand for the dashboard tests, as the import and log slices store them.</summary>
internal static class DashboardData
{
    public static StoredActivity Run(
        Guid owner, DateOnly date, double km, double minutes, string type, double rpe, StoredSummary? summary = null, string sport = "running") => new()
    {
        OwnerId = owner,
        Format = "manual",
        Sport = sport,
        StartTime = date.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc),
        LocalDate = date,
        DistanceMeters = km * 1000,
        ElapsedSeconds = minutes * 60,
        MovingSeconds = minutes * 60,
        ContentHash = Guid.NewGuid().ToString("N"),
        SourcePath = "typed in",
        SummaryJson = (summary ?? StoredSummary.Empty).ToJson(),
        RunType = type,
        Rpe = rpe,
        AverageHeartRate = 150,
    };

    public static StoredSummary HillSprints(int count) =>
        StoredSummary.Empty with { HillSprints = Enumerable.Range(0, count).Select(i => new HillSprint(600 + (i * 150), 10, 55, 0.07, 5.5)).ToArray() };

    public static StoredSummary Hilly(double minutes) => StoredSummary.Empty with { HillyMinutes = minutes };

    public static StoredSummary FiveKRace(double seconds) => StoredSummary.Empty with { BestEfforts = [new BestEffort(1000, 230), new BestEffort(5000, seconds)] };

    public static StrengthSessionRecord HipSession(Guid owner, DateOnly date) => new()
    {
        OwnerId = owner,
        Date = date,
        SessionRpe = 6,
        DurationMinutes = 40,
        Sets =
        [
            Set(owner, 0, "hip-thrust", "barbell", 5, 100),
            Set(owner, 1, "hip-thrust", "barbell", 5, 100),
            Set(owner, 2, "hip-thrust", "barbell", 5, 100),
            Set(owner, 3, "side-lying-hip-abduction", "bodyweight", 15, null),
            Set(owner, 4, "side-lying-hip-abduction", "bodyweight", 15, null),
        ],
    };

    public static LoggedSetRecord Set(Guid owner, int position, string slug, string variant, int reps, double? kg) => new()
    {
        OwnerId = owner,
        Position = position,
        ExerciseSlug = slug,
        VariantSlug = variant,
        Reps = reps,
        LoadValue = kg,
        LoadUnit = kg is null ? null : "kg",
        Rpe = 8,
    };

    public static SorenessRecord Sore(Guid owner, DateOnly date, string area, int score) =>
        new() { OwnerId = owner, Date = date, Area = area, Score = score };

    public static async Task<Guid> AddOtherRunnerAsync(RunStrongDbContext db)
    {
        var other = Guid.NewGuid();
        db.Runners.Add(new Runner { Id = other, Name = "Someone else" });
        await db.SaveChangesAsync();
        return other;
    }
}

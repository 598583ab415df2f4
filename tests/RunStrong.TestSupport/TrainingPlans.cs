using RunStrong.Data.Entities;

namespace RunStrong.TestSupport;

/// <summary>A stored plan for log tests: a runner with a gym's equipment, eight weeks from <c>start</c>.</summary>
public static class TrainingPlans
{
    /// <summary>Profile JSON (RunnerProfileJson) for a regular lifter with barbell, bench and loop band, running five days a week.</summary>
    public static string GymProfileJson(DateOnly start) =>
        $$"""
        {"experience": "regular", "equipment": ["none", "loop-band", "barbell", "bench", "dumbbell"], "locations": ["gym"],
         "week": {"mon": "easy", "tue": "quality", "wed": "easy", "thu": "rest", "fri": "easy", "sat": "easy", "sun": "long"},
         "strengthDays": ["mon", "thu"], "weeks": 8, "start": "{{start:yyyy-MM-dd}}"}
        """;

    /// <summary>The gym profile with a goal race instead of a length in weeks.</summary>
    public static string RaceProfileJson(DateOnly start, string distance, DateOnly raceDate, string raceName) =>
        $$"""
        {"experience": "regular", "equipment": ["none", "loop-band", "barbell", "bench", "dumbbell"], "locations": ["gym"],
         "week": {"mon": "easy", "tue": "quality", "wed": "easy", "thu": "rest", "fri": "easy", "sat": "easy", "sun": "long"},
         "strengthDays": ["mon", "thu"], "race": {"distance": "{{distance}}", "date": "{{raceDate:yyyy-MM-dd}}", "name": "{{raceName}}"},
         "start": "{{start:yyyy-MM-dd}}"}
        """;

    public static async Task<long> SeedAsync(TestDatabase database, DateOnly start, string name = "Test plan", string? profileJson = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.CreateContext();
        var record = new PlanRecord
        {
            OwnerId = Runner.LocalId,
            Name = name,
            ProfileJson = profileJson ?? GymProfileJson(start),
            StartDate = start,
            Weeks = 8,
            CalendarToken = Guid.NewGuid().ToString("N"),
            CreatedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
            UpdatedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        db.Plans.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    }
}

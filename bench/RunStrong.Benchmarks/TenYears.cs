using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Domain.Activities.Metrics;
using RunStrong.Features.Accounts;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;

namespace RunStrong.Benchmarks;

/// <summary>
/// <c>ten-years --db FILE [--fit DIR]</c>: fills a fresh SQLite file with ten years of one runner's training, as issue 16
/// measured it: about 2,600 runs typed in (a fifth with a 5 km or 10 km best effort), 1,000 strength sessions of 9 sets,
/// 520 soreness check-ins, and 1,000 imported FIT activities (the FIT files under DIR imported through ImportActivities,
/// then copied onto other days, so their summaries are real ones). Creates the owner's account and prints a read
/// access token for the API on stdout.
/// </summary>
public static class TenYears
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? file = null, fit = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--db": file = args[i + 1]; break;
                case "--fit": fit = args[i + 1]; break;
            }
        }

        if (file is null)
        {
            Console.Error.WriteLine("usage: RunStrong.Benchmarks ten-years --db FILE [--fit DIR]");
            return 2;
        }

        var target = DatabaseTarget.FromSqlitePath(Path.GetFullPath(file));
        var token = await SeedAsync(target, fit, TimeProvider.System);
        Console.WriteLine(token);
        return 0;
    }

    /// <summary>Fills the (fresh) database <paramref name="target"/> as above and returns the owner's read token.</summary>
    public static async Task<string> SeedAsync(DatabaseTarget target, string? fit, TimeProvider clock)
    {
        await DataServices.MigrateAsync(target);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var first = today.AddYears(-10);
        var owner = Runner.LocalId;
        await using var db = DataServices.CreateContext(target);
        db.Users.Add(new RunStrongUser
        {
            Id = owner, UserName = "bench", NormalizedUserName = "BENCH", IsOwner = true, CreatedAt = DateTime.UnixEpoch,
            SecurityStamp = Guid.NewGuid().ToString("N"),
        });
        await db.SaveChangesAsync();

        var n = 0;
        for (var day = first; day <= today; day = day.AddDays(1))
        {
            var index = day.DayNumber - first.DayNumber;
            if (index % 7 is 0 or 2 or 3 or 5 or 6 && index % 10 != 9)
            {
                var km = 8 + (index % 5);
                var summary = index % 5 == 0
                    ? StoredSummary.Empty with { BestEfforts = [new BestEffort(1000, 270 - (index % 13)), new BestEffort(5000, 1500 - (index % 97)), new BestEffort(10000, 3100 - (index % 89))] }
                    : StoredSummary.Empty;
                db.Activities.Add(new StoredActivity
                {
                    OwnerId = owner, Format = "manual", Sport = "running", StartTime = day.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc), LocalDate = day,
                    Name = "Easy run", DistanceMeters = km * 1000, ElapsedSeconds = km * 330, MovingSeconds = km * 325,
                    ContentHash = $"ten-years-{index}", SourcePath = "typed in", SummaryJson = summary.ToJson(), RunType = index % 7 == 6 ? "long" : "easy",
                    Rpe = 3 + (index % 5), AverageHeartRate = 135 + (index % 20), ImportedAt = DateTime.UnixEpoch,
                });
            }

            if (index % 7 is 1 or 4)
            {
                db.StrengthSessions.Add(new StrengthSessionRecord
                {
                    OwnerId = owner, Date = day, CreatedAt = DateTime.UnixEpoch, DurationMinutes = 40, SessionRpe = 6,
                    Sets = [.. Enumerable.Range(0, 9).Select(p => new LoggedSetRecord
                    {
                        OwnerId = owner, Position = p, ExerciseSlug = p < 3 ? "hip-thrust" : p < 6 ? "bulgarian-split-squat" : "fire-hydrant",
                        VariantSlug = p < 3 ? "barbell" : p < 6 ? "dumbbells" : "banded", Reps = 10, LoadValue = p < 6 ? 40 + (index / 100) : null, LoadUnit = p < 6 ? "kg" : null,
                        Band = p >= 6 ? "medium" : null, Rpe = 7,
                    })],
                });
            }

            if (index % 7 == 6)
            {
                db.SorenessCheckIns.Add(new SorenessRecord { OwnerId = owner, Date = day, Area = "calves", Score = index % 4, CreatedAt = DateTime.UnixEpoch });
            }

            if (++n % 200 == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        if (fit is not null)
        {
            await foreach (var _ in ImportActivities.FromPathsAsync(db, LocalRunner.Instance, clock, [fit]))
            {
            }

            db.ChangeTracker.Clear();
            var imported = await db.Activities.Where(a => a.Format != "manual").ToListAsync();
            var copies = 0;
            for (var i = 0; copies < 1000 - imported.Count && imported.Count > 0; i++)
            {
                var source = imported[i % imported.Count];
                var date = first.AddDays(3 + (i * 3653 / 1000 % 3650));
                db.Activities.Add(new StoredActivity
                {
                    OwnerId = owner, Format = source.Format, Sport = source.Sport, SubSport = source.SubSport, StartTime = date.ToDateTime(new TimeOnly(18, i % 60), DateTimeKind.Utc),
                    LocalDate = date, Name = source.Name, DistanceMeters = source.DistanceMeters, ElapsedSeconds = source.ElapsedSeconds, MovingSeconds = source.MovingSeconds,
                    AscentMeters = source.AscentMeters, AverageHeartRate = source.AverageHeartRate, ContentHash = string.Create(CultureInfo.InvariantCulture, $"copy-{i}-{source.ContentHash}"),
                    SourcePath = source.SourcePath, SummaryJson = source.SummaryJson, RunType = source.RunType, Rpe = source.Rpe, ImportedAt = DateTime.UnixEpoch,
                });
                if (++copies % 200 == 0)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }

            await db.SaveChangesAsync();
        }

        var token = await AccessTokens.CreateAsync(db, owner, new AccessTokens.Request("wrk", ["read"], null), clock);
        var (activities, sessions, sets, checkIns) = (await db.Activities.CountAsync(), await db.StrengthSessions.CountAsync(), await db.LoggedSets.CountAsync(), await db.SorenessCheckIns.CountAsync());
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ten-years: {activities} activities, {sessions} strength sessions, {sets} sets, {checkIns} check-ins"));
        return token.Token;
    }
}

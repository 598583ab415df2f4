using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Domain.Activities.Metrics;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Load;
using RunStrong.Domain.Planning;
using RunStrong.Features.Activities;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Dashboard;

namespace RunStrong.Features.Demo;

/// <summary>
/// A realistic year for a new runner to look at: every row is marked <c>IsDemo</c> and <see cref="RemoveAsync"/> deletes
/// exactly those. The story: a runner who only ran for six months (calves sore again and again), then followed a
/// RunStrong plan towards a half marathon (two strength sessions a week, hill sprints, loads going up, calves settling),
/// and for the last four weeks got busy: sessions missed, the calves back. So the dashboard's suggestions have something
/// to say. Generated, not recorded: paces, heart rates and distances follow simple rules with seeded noise, so the same
/// seed and day give the same rows.
/// </summary>
public static class DemoData
{
    public const int DefaultSeed = 42;

    public const string PlanName = "Demo: half marathon plan";

    /// <summary>What was written (or removed).</summary>
    public sealed record Summary(int Runs, int StrengthSessions, int Sets, int CheckIns, int Plans, DateOnly? From, DateOnly? To);

    public static async Task<Summary> FillAsync(
        RunStrongDbContext db, ICurrentRunner runner, DateOnly today, int seed = DefaultSeed, CancellationToken cancellationToken = default)
    {
        var owner = runner.RunnerId;
        if (await DemoRows.AnyAsync(db, owner, cancellationToken))
        {
            throw new UserInputException("demo", "this runner already has demo data; remove it first (runstrong demo --remove, or the button on the home page)");
        }

        var catalogue = await new ExerciseCatalogue(db).AllAsync(cancellationToken);
        var preferences = await Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken);
        var writer = new DemoWriter(owner, today, seed, catalogue, preferences);
        var (planRecord, plan) = writer.Plan();
        db.Plans.Add(planRecord);
        await db.SaveChangesAsync(cancellationToken);

        var runs = writer.Runs(plan);
        var sessions = writer.Sessions(plan, planRecord.Id);
        var checkIns = writer.CheckIns(sessions);
        db.Activities.AddRange(runs);
        db.StrengthSessions.AddRange(sessions);
        db.SorenessCheckIns.AddRange(checkIns);
        await db.SaveChangesAsync(cancellationToken);
        return new Summary(runs.Count, sessions.Count, sessions.Sum(s => s.Sets.Count), checkIns.Count, 1, writer.First, today);
    }

    /// <summary>Deletes the runner's demo rows and nothing else.</summary>
    public static async Task<Summary> RemoveAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken = default)
    {
        var owner = runner.RunnerId;
        var demoSessions = db.StrengthSessions.Where(s => s.OwnerId == owner && s.IsDemo).Select(s => s.Id);
        var sets = await db.LoggedSets.Where(s => s.OwnerId == owner && demoSessions.Contains(s.SessionId)).ExecuteDeleteAsync(cancellationToken);
        var sessions = await db.StrengthSessions.Where(s => s.OwnerId == owner && s.IsDemo).ExecuteDeleteAsync(cancellationToken);
        var checkIns = await db.SorenessCheckIns.Where(c => c.OwnerId == owner && c.IsDemo).ExecuteDeleteAsync(cancellationToken);
        var runs = await db.Activities.Where(a => a.OwnerId == owner && a.IsDemo).ExecuteDeleteAsync(cancellationToken);
        var plans = await db.Plans.Where(p => p.OwnerId == owner && p.IsDemo).ExecuteDeleteAsync(cancellationToken);
        // Bulk deletes pass by SaveChanges, which marks the dashboard's rollups stale: a year changed, so build them again.
        await db.ForgetRollupsAsync(owner, cancellationToken);
        return new Summary(runs, sessions, sets, checkIns, plans, null, null);
    }
}

/// <summary>One fill: the seeded generator and the dates it works from.</summary>
internal sealed class DemoWriter
{
    /// <summary>The busy spell at the end of the year: weeks before the current one (4 = the fourth week back).</summary>
    private const int BusyWeeks = 4;

    private readonly Guid _owner;
    private readonly DateOnly _today;
    private readonly int _seed;
    private readonly IReadOnlyList<Exercise> _catalogue;
    private readonly Random _random;
    private readonly DateOnly _thisWeek;
    private readonly Settings.RunnerPreferences _preferences;

    public DemoWriter(Guid owner, DateOnly today, int seed, IReadOnlyList<Exercise> catalogue, Settings.RunnerPreferences preferences)
    {
        _owner = owner;
        _preferences = preferences;
        _today = today;
        _seed = seed;
        _catalogue = catalogue;
        // Seeded: the same seed gives the same year (System.Random with a seed is deterministic).
#pragma warning disable CA5394 // Not security: demo numbers.
        _random = new Random(seed);
#pragma warning restore CA5394
        _thisWeek = Weeks.StartOf(today);
        First = _thisWeek.AddDays(-51 * 7);
        PlanStart = _thisWeek.AddDays(-22 * 7);
        RaceDay = _thisWeek.AddDays((6 * 7) + 6);
    }

    /// <summary>The Monday the year starts on.</summary>
    public DateOnly First { get; }

    public DateOnly PlanStart { get; }

    public DateOnly RaceDay { get; }

    private DateOnly BusyFrom => _thisWeek.AddDays(-BusyWeeks * 7);

    public (PlanRecord Record, Plan Plan) Plan()
    {
        var json = string.Create(CultureInfo.InvariantCulture,
            $$"""{"name": "Demo runner", "experience": "some", "equipment": ["none", "loop-band", "barbell", "dumbbell", "bench", "step-box"], "locations": ["home", "gym", "outdoors"], "week": {"mon": "rest", "tue": "quality", "wed": "easy", "thu": "easy", "fri": "rest", "sat": "easy", "sun": "long"}, "race": {"distance": "half", "date": "{{RaceDay:yyyy-MM-dd}}", "name": "Autumn half"}, "start": "{{PlanStart:yyyy-MM-dd}}", "results": [{"distance": "5k", "time": "25:30"}]}""");
        var parsed = RunnerProfileJson.Parse(json, PlanStart);
        var plan = PlanGenerator.Generate(parsed.Profile ?? throw new InvalidOperationException("the demo profile is invalid: " + string.Join("; ", parsed.Errors)), _catalogue, PlanStart);
        var record = new PlanRecord
        {
            OwnerId = _owner,
            Name = DemoData.PlanName,
            ProfileJson = json,
            StartDate = PlanStart,
            // The calendar address is a secret even for demo data: random, never derived from the runner.
            CalendarToken = Plans.CalendarToken.New(),
            IsDemo = true,
            CreatedAt = Utc(PlanStart, 8),
            UpdatedAt = Utc(PlanStart, 8),
        };
        return (record, plan);
    }

    public List<StoredActivity> Runs(Plan plan)
    {
        var hillDays = plan.Days.Where(d => d.Sessions.Any(s => s.Kind == SessionKind.HillSprints))
            .ToDictionary(d => d.Date, d => d.Sessions.First(s => s.Kind == SessionKind.HillSprints).Exercises.Sum(e => e.Sets));
        var runs = new List<StoredActivity>();
        var index = 0;
        for (var week = 0; week < 52; week++)
        {
            var monday = First.AddDays(week * 7);
            var fitness = week / 51.0;
            var busy = monday >= BusyFrom;
            // 28 km a week rising to 42, every fourth week easier, less in the busy spell.
            var weekKm = (28 + (14 * fitness)) * (week % 4 == 3 ? 0.75 : 1) * (busy ? 0.85 : 1);
            var fiveKPace = 310 - (25 * fitness); // seconds per km: 5:10 rising to 4:45
            foreach (var (offset, kind) in WeekShape(week))
            {
                var date = monday.AddDays(offset);
                if (date > _today)
                {
                    continue;
                }

                var hills = hillDays.TryGetValue(date, out var sprints) && !busy ? sprints : 0;
                runs.Add(Run(date, index++, kind, weekKm, fiveKPace, hills, hilly: !busy && kind == "long" && week % 2 == 0,
                    spike: week == 45 && kind == "long"));
            }
        }

        return runs;
    }

    /// <summary>Tuesday quality, Wednesday and Thursday easy, Saturday easy (a parkrun every fourth week), Sunday long (two 10 km races).</summary>
    private static IEnumerable<(int Offset, string Kind)> WeekShape(int week)
    {
        yield return (1, "quality");
        yield return (2, "easy");
        yield return (3, "easy");
        yield return (5, week % 4 == 1 ? "parkrun" : "easy");
        yield return (6, week is 20 or 40 ? "10k" : "long");
    }

    private StoredActivity Run(DateOnly date, int index, string kind, double weekKm, double fiveKPace, int hillSprints, bool hilly, bool spike)
    {
        var (km, pace, hr, rpe, type, name) = kind switch
        {
            "quality" => (weekKm * 0.2, fiveKPace + 25 + Noise(6), 162 + Noise(4), 7 + Pick(0, 1), "quality", "Intervals"),
            "long" => (weekKm * 0.3 * (spike ? 1.35 : 1), fiveKPace + 80 + Noise(8), 146 + Noise(4), 5 + Pick(0, 1), "long", "Long run"),
            "parkrun" => (5.0, fiveKPace + Noise(4), 174 + Noise(3), 9.0, "race", "Parkrun 5 km"),
            "10k" => (10.0, (fiveKPace * 1.042) + Noise(4), 172 + Noise(3), 9.0, "race", "10 km race"),
            _ => (weekKm * 0.165, fiveKPace + 72 + Noise(8), 140 + Noise(5), 3 + Pick(0, 1), hillSprints > 0 ? "hills" : "easy",
                hillSprints > 0 ? "Easy run with hill sprints" : "Easy run"),
        };
        km = Math.Round(km + (kind is "parkrun" or "10k" ? 0 : Noise(0.4)), 2);
        var metres = km * 1000;
        var seconds = Math.Round(km * pace);
        var hillyMinutes = hilly ? Math.Round(15 + Noise(5)) : 0;
        var sprints = Enumerable.Range(0, hillSprints)
            .Select(i => new HillSprint((seconds * 0.6) + (i * 150), 10, 52 + Noise(3), 0.07, 5.4)).ToArray();
        var summary = new StoredSummary("manual", pace, null, [], sprints, BestEfforts(kind, metres, seconds, fiveKPace), hillyMinutes, []);
        // An early run in the runner's own zone, so its day is the day it was planned for.
        var start = _preferences.ToUtc(date, new TimeOnly(6, 30)).AddMinutes(_random.Next(0, 90));
        return new StoredActivity
        {
            OwnerId = _owner,
            Format = "manual",
            Sport = "running",
            StartTime = start,
            LocalDate = date,
            Name = name,
            Description = "Demo data",
            DistanceMeters = metres,
            ElapsedSeconds = seconds + _random.Next(0, 60),
            MovingSeconds = seconds,
            AscentMeters = Math.Round(hilly ? 180 + Noise(40) : hillSprints > 0 ? 90 : 25 + Noise(10)),
            DescentMeters = Math.Round(hilly ? 180 + Noise(40) : hillSprints > 0 ? 90 : 25 + Noise(10)),
            AverageHeartRate = Math.Round(hr),
            MaxHeartRate = Math.Round(hr + 14 + Noise(3)),
            RecordCount = 0,
            ContentHash = Hash($"demo:{_owner}:{_seed}:{date:yyyy-MM-dd}:{index}"),
            SourcePath = "demo",
            SummaryJson = summary.ToJson(),
            ImportedAt = start.AddHours(2),
            RunType = type,
            Rpe = rpe,
            IsDemo = true,
        };
    }

    /// <summary>Best efforts inside the run, for every standard distance it covers: a little faster than the run's average.</summary>
    private List<BestEffort> BestEfforts(string kind, double metres, double seconds, double fiveKPace)
    {
        var efforts = new List<BestEffort>();
        foreach (var distance in new[] { 400, 1000, 1609.344, 5000, 10000, 21097.5 })
        {
            if (distance > metres + 1e-6)
            {
                break;
            }

            var pace = seconds / (metres / 1000);
            var factor = kind switch
            {
                "parkrun" or "10k" => distance >= metres - 1 ? 1.0 : 0.97,
                "quality" => distance <= 1609.344 ? 0.88 : 0.97,
                _ => distance <= 1609.344 ? 0.96 : 0.99,
            };
            // A 5 km inside a quality run is never faster than the runner's race pace.
            var effortPace = Math.Max(pace * factor, distance >= 5000 && kind == "quality" ? fiveKPace + 10 : 0);
            efforts.Add(new BestEffort(distance, Math.Round(effortPace * distance / 1000)));
        }

        return efforts;
    }

    public List<StrengthSessionRecord> Sessions(Plan plan, long planId)
    {
        var sessions = new List<StrengthSessionRecord>();
        var firstLoad = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var week in plan.Weeks)
        {
            var done = 0;
            foreach (var day in week.Days.Where(d => d.Date <= _today))
            {
                for (var i = 0; i < day.Sessions.Count; i++)
                {
                    var planned = day.Sessions[i];
                    if (planned.Kind != SessionKind.Strength)
                    {
                        continue;
                    }

                    var weeksBack = (_thisWeek.DayNumber - Weeks.StartOf(day.Date).DayNumber) / 7;
                    var busy = weeksBack <= BusyWeeks;
                    // Before the busy spell about 9 in 10 sessions are done; in it, one short session four weeks back,
                    // none in the three weeks after, and a short one this week.
                    var skip = busy ? weeksBack is 3 or 2 or 1 || done >= 1 : _random.NextDouble() < 0.1;
                    if (skip)
                    {
                        continue;
                    }

                    done++;
                    sessions.Add(Session(day.Date, i, planned, planId, week.Deload, busy, firstLoad));
                }
            }
        }

        return sessions;
    }

    private StrengthSessionRecord Session(DateOnly date, int index, PlanSession planned, long planId, bool deload, bool shortSession, Dictionary<string, DateOnly> firstLoad)
    {
        var session = new StrengthSessionRecord
        {
            OwnerId = _owner,
            Date = date,
            PlanId = planId,
            PlannedSessionKey = RunnerHistory.PlannedSessionKey(date, index),
            SessionRpe = shortSession ? 5 : 6 + Pick(0, 1),
            DurationMinutes = shortSession ? 15 : 35 + _random.Next(0, 16),
            Notes = shortSession ? "Short one: busy week" : null,
            IsDemo = true,
            CreatedAt = Utc(date, 18),
        };
        // A short session: the first two exercises, two sets each.
        var exercises = shortSession ? planned.Exercises.Take(2).ToArray() : planned.Exercises.ToArray();
        var position = 0;
        foreach (var prescribed in exercises)
        {
            var exercise = _catalogue.FirstOrDefault(e => e.Slug == prescribed.Slug);
            var variant = exercise?.Progression.FirstOrDefault(v => v.Slug == prescribed.Variant);
            var sets = shortSession ? Math.Min(2, prescribed.Sets) : prescribed.Sets;
            for (var s = 0; s < sets; s++)
            {
                var reps = prescribed.RepsMin is { } lo && prescribed.RepsMax is { } hi ? _random.Next(lo, hi + 1) : 0;
                var failed = !shortSession && s == sets - 1 && reps > 2 && _random.NextDouble() < 0.03;
                var set = new LoggedSetRecord
                {
                    OwnerId = _owner,
                    Position = position++,
                    ExerciseSlug = prescribed.Slug,
                    VariantSlug = prescribed.Variant,
                    Reps = failed ? reps - 2 : reps,
                    Seconds = prescribed.Seconds,
                    Rpe = failed ? 10 : prescribed.Rpe is { } rpe ? Math.Min(10, rpe + Pick(-1, 0, 0, 1) * 0.5) : null,
                    Pain = _random.NextDouble() < 0.01,
                    Completed = !failed,
                };
                if (prescribed.Seconds is null && reps == 0)
                {
                    set.Reps = 8;
                }

                switch (variant?.Load)
                {
                    case LoadKind.External or LoadKind.ExternalPlusBand:
                        set.LoadValue = LoadFor(prescribed.Slug + "/" + prescribed.Variant, variant, date, deload, firstLoad);
                        set.LoadUnit = "kg";
                        set.Band = variant.Load == LoadKind.ExternalPlusBand ? "medium" : null;
                        break;
                    case LoadKind.Band:
                        set.Band = date.DayNumber - PlanStart.DayNumber > 42 ? "heavy" : "medium";
                        break;
                    default:
                        break;
                }

                session.Sets.Add(set);
            }
        }

        return session;
    }

    /// <summary>Loads rise by a plate every two weeks from where the runner first picked the rung up; deload weeks drop 10 %.</summary>
    private static double LoadFor(string key, ExerciseVariant variant, DateOnly date, bool deload, Dictionary<string, DateOnly> firstLoad)
    {
        if (!firstLoad.TryGetValue(key, out var first))
        {
            first = date;
            firstLoad[key] = date;
        }

        var fortnights = (date.DayNumber - first.DayNumber) / 14;
        var (start, step, plate) = variant.Equipment switch
        {
            var e when e.Contains(Equipment.Barbell) => (40.0, 2.5, 2.5),
            var e when e.Contains(Equipment.Kettlebell) => (12.0, 2.0, 2.0),
            var e when e.Contains(Equipment.Dumbbell) => (8.0, 1.0, 1.0),
            _ => (30.0, 2.5, 2.5),
        };
        var load = (start + (fortnights * step)) * (deload ? 0.9 : 1);
        return Math.Round(load / plate) * plate;
    }

    public List<SorenessRecord> CheckIns(IReadOnlyList<StrengthSessionRecord> sessions)
    {
        var checkIns = new List<SorenessRecord>();
        void Add(DateOnly date, string area, int score, string? notes = null)
        {
            if (date <= _today && date >= First)
            {
                checkIns.Add(new SorenessRecord { OwnerId = _owner, Date = date, Area = area, Score = score, Notes = notes, IsDemo = true, CreatedAt = Utc(date, 20) });
            }
        }

        // Running only, before the plan: calves sore every week or two.
        for (var date = First.AddDays(_random.Next(2, 6)); date < PlanStart; date = date.AddDays(_random.Next(7, 13)))
        {
            Add(date, "calves", 4 + _random.Next(0, 2));
        }

        // The day after a long run: hamstrings or quadriceps a little.
        for (var date = First.AddDays(7); date < BusyFrom; date = date.AddDays(7 * _random.Next(2, 4)))
        {
            Add(date, _random.NextDouble() < 0.5 ? "hamstrings" : "quadriceps", 2 + _random.Next(0, 2));
        }

        // On the plan: glutes the day after a session now and then, calves rarely and mildly.
        foreach (var session in sessions.Where(s => s.Date < BusyFrom && _random.NextDouble() < 0.3))
        {
            Add(session.Date.AddDays(1), "glutes", 2 + _random.Next(0, 2));
        }

        for (var date = PlanStart.AddDays(10); date < BusyFrom; date = date.AddDays(_random.Next(18, 30)))
        {
            Add(date, "calves", 2);
        }

        // The busy spell: calves back, four times in four weeks.
        foreach (var daysAgo in new[] { 25, 17, 10, 3 })
        {
            Add(_today.AddDays(-daysAgo), "calves", 4 + (daysAgo % 2));
        }

        // This week's short session left the glutes sore.
        if (sessions.LastOrDefault(s => s.Date >= _thisWeek) is { } last)
        {
            Add(last.Date < _today ? last.Date.AddDays(1) : last.Date, "glutes", 5, "Sore after the short session");
        }

        return checkIns.OrderBy(c => c.Date).ToList();
    }

    private double Noise(double spread) => ((_random.NextDouble() * 2) - 1) * spread;

    private double Pick(params int[] values) => values[_random.Next(values.Length)];

    private static DateTime Utc(DateOnly date, int hour) => date.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

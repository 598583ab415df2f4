using Microsoft.EntityFrameworkCore;
using RunStrong.Data.Entities;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Domain.Progression;
using RunStrong.Domain.Training;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Training;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Training;

/// <summary>
/// The gym page, <c>runstrong next</c> and the plan read only an exercise's newest sessions, the variants and unit it was
/// logged with, and the check-ins since (<see cref="ExerciseLogs"/>, docs/decisions/0031). On both engines, with two
/// years of random training (loads in kg and lb, bands, failed sets, RPE 10, pain, deload weeks of the plan, a watch
/// session waiting for a choice, sessions on the very day asked about), every prescription they give is the one the whole
/// log gives.
/// </summary>
public class RecentSessionsTests
{
    private static readonly string[] Slugs = ["hip-thrust", "bulgarian-split-squat", "fire-hydrant", "squat", "glute-bridge"];

    private static readonly string[] Areas = ["calves", "hamstrings", "glutes", "lower-back", "knees", "hips"];

    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory, MemberData(nameof(Engines))]
    public async Task PrescriptionsFromRecentSessions_EqualThoseFromTheWholeLog(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        var start = TestClock.ThisMonday.AddDays(-35);
        // A plan for home with a loop band only: what the runner logged at a gym years ago (a barbell) still counts as kit they have.
        var planId = await TrainingPlans.SeedAsync(database, start, "Home", $$"""
            {"experience": "regular", "equipment": ["none", "loop-band"], "locations": ["home"],
             "week": {"mon": "easy", "tue": "quality", "wed": "easy", "thu": "rest", "fri": "easy", "sat": "easy", "sun": "long"},
             "strengthDays": ["mon", "thu"], "weeks": 8, "start": "{{start:yyyy-MM-dd}}"}
            """);
        await using var db = database.CreateContext();
        var catalogue = await new ExerciseCatalogue(db).AllAsync();
        var plan = (await TrainingPlan.NewestAsync(db, LocalRunner.Instance, catalogue, default))!;
        Assert.Contains(plan.Plan.Weeks, w => w.Deload);
        await SeedHistoryAsync(db, catalogue, plan, new Random(31), start.AddDays(-730), start.AddDays(7 * 8));

        var records = await TrainingData.SessionRecordsAsync(db, LocalRunner.Instance, default);
        var checkIns = await TrainingData.CheckInsAsync(db, LocalRunner.Instance, default);
        var isDeload = NextPrescription.IsDeload(plan);
        // Loads in the runner's unit from their settings (kg until they choose), whatever the plan or the sets were in.
        var unit = (await RunStrong.Features.Settings.RunnerPreferences.GetAsync(db, LocalRunner.Instance)).Weight;
        var steps = new HashSet<ProgressionStep>();
        var trimmed = 0;
        for (var day = start.AddDays(-14); day < start.AddDays(7 * 8); day = day.AddDays(2))
        {
            var recent = await ExerciseLogs.ReadAsync(db, LocalRunner.Instance, Slugs, day, isDeload, default);
            var whole = WholeLog(
                [.. records.Where(r => r.Date < day)], [.. checkIns.Where(c => c.Date < day)], r => isDeload(r.Date, r.PlanId));
            trimmed += recent.Records.Count < whole.Records.Count ? 1 : 0;
            var planned = plan.StrengthOn(day).SelectMany(s => s.Session.Exercises).ToArray();
            foreach (var slug in Slugs)
            {
                var exercise = catalogue.Single(e => e.Slug == slug);
                var forDay = planned.FirstOrDefault(p => p.Slug == slug);
                var expected = NextPrescription.Prescribe(exercise, plan, whole, plan.IsDeload(day), unit, forDay);
                Assert.Equal(expected, NextPrescription.Prescribe(exercise, plan, recent, plan.IsDeload(day), unit, forDay));
                // Without a plan: any equipment; in either unit the recent sessions prescribe what the whole log does.
                foreach (var either in new[] { MassUnit.Kilograms, MassUnit.Pounds })
                {
                    Assert.Equal(NextPrescription.Prescribe(exercise, null, whole, false, either), NextPrescription.Prescribe(exercise, null, recent, false, either));
                }

                steps.Add(expected.Step);
            }

            // The plan as the runner follows it, that day.
            var followed = await PlanProgress.ApplyAsync(db, LocalRunner.Instance, plan.Plan, plan.Profile, catalogue, day, planId, default);
            var reference = PlanProgress.Apply(plan.Plan, plan.Profile, catalogue, WholeLog(
                [.. records.Where(r => r.Date <= day)], [.. checkIns.Where(c => c.Date <= day)], r => isDeload(r.Date, r.PlanId)), day,
                await PlanProgress.HillSprintsDoneAsync(db, LocalRunner.Instance, day, default));
            Assert.Equal(PlanJson.Serialize(reference), PlanJson.Serialize(followed));
        }

        // The random log reached the engine's branches, and the recent reads left most of the log unread.
        Assert.Superset(new HashSet<ProgressionStep> { ProgressionStep.Deload, ProgressionStep.BackOffLoad, ProgressionStep.AddReps }, steps);
        Assert.True(trimmed > 20, $"only {trimmed} days read less than the whole log");

        // `runstrong next`: every exercise in the log, in the order first logged, each as the whole log prescribes.
        var clock = TestClock.At(start.AddDays(20));
        var next = await NextPrescription.HandleAsync(db, LocalRunner.Instance, clock, new NextPrescription.Request());
        var all = WholeLog(records, checkIns, r => isDeload(r.Date, r.PlanId));
        // What was logged up to that day: the seeded log runs weeks past it (sessions logged ahead are not "last time").
        var today = start.AddDays(20);
        var upToToday = WholeLog([.. records.Where(r => r.Date <= today)], [.. checkIns.Where(c => c.Date <= today)], r => isDeload(r.Date, r.PlanId));
        var nextSession = plan.NextStrength(today)!;
        var order = nextSession.Session.Exercises.Select(e => e.Slug)
            .Concat(all.History.SelectMany(h => h.Sets).Select(s => s.ExerciseSlug)).Distinct().ToArray();
        Assert.Equal(order, next.Exercises.Select(e => e.Exercise));
        Assert.Equal(
            order.Select(slug => NextPrescription.Prescribe(catalogue.Single(e => e.Slug == slug), plan, upToToday, next.Deload, unit,
                nextSession.Session.Exercises.FirstOrDefault(p => p.Slug == slug))),
            next.Exercises);

        // The progress page of each exercise reads the sessions that hold it, and shows what the whole log's statistics show.
        foreach (var slug in Slugs)
        {
            var whole = (await StrengthStats.HandleAsync(db, LocalRunner.Instance, new StrengthStats.Request(slug))).Exercises.Single();
            var own = await StrengthStats.ExerciseAsync(db, LocalRunner.Instance, slug);
            Assert.NotEmpty(own.Volume);
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(whole), System.Text.Json.JsonSerializer.Serialize(own));
        }
    }

    /// <summary>What the prescriptions read before decision 0031: every session and check-in, the variants from all of them.</summary>
    private static ExerciseLogs WholeLog(
        IReadOnlyList<StrengthSessionRecord> records, IReadOnlyList<Domain.Training.SorenessCheckIn> checkIns, Func<StrengthSessionRecord, bool> isDeload)
    {
        var history = TrainingData.ToDomain(records, isDeload);
        var variants = history
            .SelectMany(h => h.Sets.Select(s => (Slug: s.ExerciseSlug.ToLowerInvariant(), s.VariantSlug, h.Date)))
            .GroupBy(s => s.Slug)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(string, DateOnly)>)g.GroupBy(s => s.VariantSlug).Select(v => (v.Key, v.Min(s => s.Date))).ToArray());
        return new ExerciseLogs(records, history, checkIns, variants);
    }

    private static async Task SeedHistoryAsync(
        Data.RunStrongDbContext db, IReadOnlyList<Exercise> catalogue, TrainingPlan plan, Random random, DateOnly first, DateOnly last)
    {
        var me = LocalRunner.Instance.RunnerId;
        StrengthSessionRecord? previous = null;
        for (var day = first; day < last; day = day.AddDays(random.Next(1, 5)))
        {
            var inPlan = plan.Plan.Weeks.SelectMany(w => w.Days).Any(d => d.Date == day);
            var session = new StrengthSessionRecord
            {
                OwnerId = me, Date = day, CreatedAt = DateTime.UnixEpoch, PlanId = inPlan ? plan.Record.Id : null,
                PlannedSessionKey = inPlan ? $"{day:yyyy-MM-dd}#0" : null,
            };
            var position = 0;
            // Some runners stop logging an exercise for a while, change their unit, or lose the kit for a rung.
            foreach (var slug in Slugs.Where(_ => random.Next(3) > 0))
            {
                var exercise = catalogue.Single(e => e.Slug == slug);
                // The first year at a gym with every rung, then at home with a loop band.
                var rungs = day < first.AddDays(365) ? exercise.Progression
                    : [.. exercise.Progression.Where(v => v.Equipment.All(e => e is Equipment.None or Equipment.LoopBand)).DefaultIfEmpty(exercise.Progression[0])];
                var rung = rungs[Math.Min(rungs.Count - 1, random.Next(rungs.Count + 1))];
                var loaded = rung.Load is LoadKind.External or LoadKind.ExternalPlusBand;
                var unit = day < first.AddDays(300) ? "lb" : random.Next(10) == 0 ? "lb" : "kg";
                var load = 20 + (random.Next(20) * 2.5);
                var sets = random.Next(1, 4);
                // Most sessions are clean, at the top of the range and well within reach, so that the ladder moves on.
                var clean = random.Next(3) > 0;
                for (var i = 0; i < sets; i++)
                {
                    session.Sets.Add(new LoggedSetRecord
                    {
                        OwnerId = me, Position = position++, ExerciseSlug = slug, VariantSlug = rung.Slug,
                        Reps = exercise.Dose.RepsMin is { } min ? clean ? exercise.Dose.RepsMax ?? min : random.Next(min - 2, (exercise.Dose.RepsMax ?? min) + 3) : 0,
                        Seconds = exercise.Dose.RepsMin is null ? exercise.Dose.Seconds : null,
                        LoadValue = loaded ? load : null, LoadUnit = loaded ? unit : null,
                        Band = rung.Load is LoadKind.Band or LoadKind.ExternalPlusBand ? clean ? "heavy" : new[] { "light", "medium", "heavy" }[random.Next(3)] : null,
                        Rpe = clean ? 7 : random.Next(6) == 0 ? null : random.Next(6, 11),
                        Pain = !clean && random.Next(40) == 0, Completed = clean || random.Next(12) > 0,
                    });
                }
            }

            if (session.Sets.Count == 0)
            {
                continue;
            }

            db.StrengthSessions.Add(session);
            await db.SaveChangesAsync();
            // Now and then the watch recorded the same session, waiting for the runner's choice: it counts for nothing but
            // the unit of its loaded sets.
            if (random.Next(15) == 0 && previous is not null)
            {
                db.StrengthSessions.Add(new StrengthSessionRecord
                {
                    OwnerId = me, Date = day, CreatedAt = DateTime.UnixEpoch, MergeWithSessionId = session.Id,
                    Sets =
                    [
                        new LoggedSetRecord { OwnerId = me, ExerciseSlug = "hip-thrust", VariantSlug = "barbell-plus-band", Reps = 8, LoadValue = 135, LoadUnit = "lb", Band = "heavy" },
                        new LoggedSetRecord { OwnerId = me, Position = 1, ExerciseSlug = WatchStrength.Unmapped, VariantSlug = "", Reps = 10, GarminExercise = "unknown/" },
                    ],
                });
            }

            previous = session;
            if (random.Next(3) == 0)
            {
                db.SorenessCheckIns.Add(new SorenessRecord
                {
                    OwnerId = me, Date = day.AddDays(random.Next(0, 3)), Area = Areas[random.Next(Areas.Length)], Score = random.Next(0, 10),
                    CreatedAt = DateTime.UnixEpoch,
                });
            }

            await db.SaveChangesAsync();
        }

        db.ChangeTracker.Clear();
        Assert.True(await db.StrengthSessions.CountAsync() > 200);
    }
}

using System.Globalization;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Insights;
using RunStrong.Domain.Load;
using RunStrong.Domain.Planning;
using RunStrong.Domain.Prediction;
using RunStrong.Domain.Progression;
using RunStrong.Domain.Training;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Features.Dashboard;

/// <summary>The dashboard of the current runner: the last <see cref="Request.Weeks"/> weeks up to a day (today by default).</summary>
public static class GetDashboard
{
    public const int DefaultWeeks = 16;

    public const int MaxWeeks = 104;

    /// <summary>The prediction trend looks back this many months (races are rarer than weeks): the recent window predictions share (StoredPerformances.RecentMonths).</summary>
    public const int PredictionMonths = RunStrong.Features.Predictions.StoredPerformances.RecentMonths;

    /// <summary>How many lifts the 1RM trend follows: the ones done most often with a load.</summary>
    public const int MainLifts = 3;

    public const string ProfessionalNote =
        "These are suggestions from your log, not a diagnosis. If pain lasts more than two weeks, is sharp, or changes how you "
        + "run or walk, see a physiotherapist or doctor.";

    public const string MuscleSetsNote =
        "Each logged set counts 1 for each muscle the exercise mainly trains and 0.5 for each muscle it also trains. "
        + "Hill sprints (3 sets a session) and minutes on hills of 4 % or more (1 set per 5 minutes, up to 4 a run) count as "
        + "hip-extension work for the gluteus maximus.";

    /// <param name="To">The last day shown; null for today.</param>
    /// <param name="Weeks">Weeks shown, 1–104; 16 by default.</param>
    public sealed record Request(DateOnly? To = null, int Weeks = DefaultWeeks);

    /// <summary>Reads the <c>to</c> date as a user typed it (yyyy-MM-dd); null or empty means today.</summary>
    public static DateOnly? ParseTo(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new UserInputException("to", $"to must be a date written yyyy-MM-dd, such as 2026-04-01, got '{text}'");

    public static void Validate(Request request)
    {
        if (request.Weeks is < 1 or > MaxWeeks)
        {
            throw new UserInputException("weeks", string.Create(CultureInfo.InvariantCulture, $"weeks must be between 1 and {MaxWeeks}, got {request.Weeks}"));
        }
    }

    /// <summary>The dashboard from the runner's rollups, after recomputing the weeks changed since they were last read.</summary>
    public static async Task<DashboardView> HandleAsync(
        RunStrongDbContext db, ExerciseCatalogue catalogue, ICurrentRunner runner, TimeProvider clock, Request request,
        CancellationToken cancellationToken = default)
    {
        Validate(request);
        var preferences = await Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken);
        var today = preferences.Today(clock);
        var to = request.To is { } asked ? LoggedDays.CheckShown(asked, today, "to") : today;
        var from = Domain.Load.Weeks.StartOf(to).AddDays(-7 * (request.Weeks - 1));
        var exercises = await catalogue.AllAsync(cancellationToken);
        var heartRate = await Settings.RunnerSettings.GetAsync(db, runner, cancellationToken);
        if (!await Rollups.RunnerRollups.TryRefreshAsync(db, runner.RunnerId, cancellationToken))
        {
            return await RecomputeAsync(db, catalogue, runner, clock, request, cancellationToken);
        }

        var history = await Rollups.RollupHistory.LoadAsync(db, runner, LoadFrom(from, to), to, cancellationToken);
        return BuildFromRollups(history, exercises, today, from, to, heartRate, preferences.Distance);
    }

    /// <summary>The dashboard recomputed from the runner's whole history as stored, without rollups (what they must equal).</summary>
    public static async Task<DashboardView> RecomputeAsync(
        RunStrongDbContext db, ExerciseCatalogue catalogue, ICurrentRunner runner, TimeProvider clock, Request request,
        CancellationToken cancellationToken = default)
    {
        Validate(request);
        var preferences = await Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken);
        var today = preferences.Today(clock);
        var to = request.To is { } asked ? LoggedDays.CheckShown(asked, today, "to") : today;
        var lastWeek = Domain.Load.Weeks.StartOf(to);
        var from = lastWeek.AddDays(-7 * (request.Weeks - 1));
        // Enough history before the first week for the 28-day chronic average, the 30-day long-run window and a year of races.
        var history = await RunnerHistory.LoadAsync(db, runner, LoadFrom(from, to), cancellationToken);
        var exercises = await catalogue.AllAsync(cancellationToken);
        var heartRate = await Settings.RunnerSettings.GetAsync(db, runner, cancellationToken);
        return Build(history, exercises, today, from, to, heartRate, preferences.Distance);
    }

    public const string TrimpNotConfigured =
        "Banister TRIMP weighs each run by how hard your heart worked. Give your resting and maximum heart rate and "
        + "Banister's weighting in Settings to see it.";

    public const string TrimpNote =
        "Banister TRIMP: minutes × heart-rate reserve × a weighting that grows with effort (Banister 1991). Runs without "
        + "heart rate count 0; an average above your maximum counts as your maximum.";

    /// <summary>Banister TRIMP per week from runs with heart rate, when the runner has given their heart rates.</summary>
    public static TrimpView TrimpWeeks(IReadOnlyList<DateOnly> weeks, IReadOnlyList<LoggedRun> runs, Settings.HeartRateSettings heartRate)
    {
        if (!heartRate.IsComplete)
        {
            return new TrimpView(false, [], TrimpNotConfigured);
        }

        double rest = heartRate.RestingHeartRate!.Value, max = heartRate.MaxHeartRate!.Value;
        var weighting = heartRate.TrimpWeighting!.Value;
        return new TrimpView(true, weeks.Select(w =>
        {
            var withHeartRate = runs.Where(r => InWeek(r.Date, w) && r.AverageHeartRate is not null).ToArray();
            var total = withHeartRate.Sum(r => Trimp.Banister(r.Duration.TotalMinutes, Math.Clamp(r.AverageHeartRate!.Value, rest, max), rest, max, weighting));
            return new WeeklyTrimp(w, Math.Round(total, 1), withHeartRate.Length);
        }).ToArray(), TrimpNote);
    }

    /// <summary>The dashboard from history already read (pure: the full recomputation that the rollups must equal).</summary>
    public static DashboardView Build(
        RunnerHistory history, IReadOnlyList<Exercise> catalogue, DateOnly today, DateOnly from, DateOnly to, Settings.HeartRateSettings? heartRate = null,
        Domain.Units.DistanceUnit unit = Domain.Units.DistanceUnit.Kilometres)
    {
        var weeks = WeekList(from, to);
        var runs = history.Runs.Where(r => r.Run.Date <= to).ToArray();
        var loggedRuns = runs.Select(r => r.Run).ToArray();
        var sessions = history.Sessions.Where(s => s.Date <= to).ToArray();
        var checkIns = history.CheckIns.Where(c => c.Date <= to).ToArray();
        var (covering, plan, planNote) = PlanFor(history.Plans, catalogue, to);
        var runLoads = loggedRuns.Select(SessionLoad.From).OfType<SessionLoad>().ToArray();
        var strengthLoads = sessions.Select(SessionLoad.From).OfType<SessionLoad>().ToArray();
        var unratedSessionDays = sessions.Where(s => SessionLoad.From(s) is null).Select(s => s.Date).ToArray();
        var firstMonth = FirstPredictionMonth(to);

        return new DashboardView
        {
            Today = today,
            From = from,
            To = to,
            HasData = !history.IsEmpty,
            HasDemoData = history.HasDemoData,
            Weeks = weeks,
            ThisWeek = plan is null ? null : ThisWeek(covering!, plan, runs.Select(r => new DayRun(r.Id, r.Run, r.PlannedFor, Training.PlanStatuses.Sprints(r.Summary))).ToArray(), sessions, history.SessionLogs ?? [], to, today),
            ThisWeekNote = planNote,
            RunningVolume = weeks.Select(w => Volume(w, loggedRuns)).ToArray(),
            StrengthSessions = weeks.Select(w => new WeeklyCount(w, sessions.Count(s => InWeek(s.Date, w)))).ToArray(),
            MuscleSets = new MuscleSetsView(
                MuscleVolume.Tracked.Select(m => Kebab.Name(m)).ToArray(),
                weeks.Select(w => new WeeklyMuscleSets(w, Sets(MuscleVolume.Sets(sessions, loggedRuns, catalogue, w, Domain.Load.Weeks.EndOf(w))))).ToArray(),
                MuscleSetsNote),
            OneRepMaxTrends = OneRepMaxTrends(sessions, catalogue, from, to),
            PredictionTrend = Predictions(runs.Where(r => r.Run.Date >= firstMonth && r.ForPredictions).SelectMany(DashboardPerformances)),
            Load = weeks.Select(w => WeekLoad(w, runLoads, strengthLoads, Unrated(w, loggedRuns, unratedSessionDays))).ToArray(),
            Trimp = TrimpWeeks(weeks, loggedRuns, heartRate ?? Settings.HeartRateSettings.None),
            AcuteChronic = AcuteChronic(runLoads.Concat(strengthLoads).ToArray(), from, to),
            LongRunWarnings = LongRuns(history.LoggedRuns, from, today, unit),
            Soreness = Soreness(checkIns, weeks),
            Suggestions = Suggestions(to, checkIns, sessions, loggedRuns, plan, catalogue),
            ProfessionalNote = ProfessionalNote,
        };
    }

    /// <summary>
    /// The same dashboard as <see cref="Build"/> from the runner's weekly rollups (RunnerRollups) instead of their whole history:
    /// only the strength sessions of the last five weeks are read in full, for this week's plan, the last week's sets
    /// and lifts and the suggestions (which look back at most four weeks before this one).
    /// </summary>
    public static DashboardView BuildFromRollups(
        Rollups.RollupHistory history, IReadOnlyList<Exercise> catalogue, DateOnly today, DateOnly from, DateOnly to, Settings.HeartRateSettings? heartRate = null,
        Domain.Units.DistanceUnit unit = Domain.Units.DistanceUnit.Kilometres)
    {
        var weeks = WeekList(from, to);
        var lastWeek = Domain.Load.Weeks.StartOf(to);
        var allRuns = history.Runs.Select(r => r.ToRun()).ToArray();
        var runFacts = history.Runs.Where(r => r.Date <= to).ToArray();
        var loggedRuns = runFacts.Select(r => r.ToRun()).ToArray();
        var sessionFacts = history.Sessions.Where(s => s.Date <= to).ToArray();
        var recentSessions = history.RecentSessions.Where(s => s.Date <= to).ToArray();
        var checkIns = history.CheckIns.Where(c => c.Date <= to).Select(c => c.ToCheckIn()).ToArray();
        var (covering, plan, planNote) = PlanFor(history.Plans, catalogue, to);
        var runLoads = loggedRuns.Select(SessionLoad.From).OfType<SessionLoad>().ToArray();
        var strengthLoads = sessionFacts.Select(s => s.Load).OfType<SessionLoad>().ToArray();
        var unratedSessionDays = sessionFacts.Where(s => s.Load is null).Select(s => s.Date).ToArray();
        var firstMonth = FirstPredictionMonth(to);
        var byWeek = history.Weeks;

        return new DashboardView
        {
            Today = today,
            From = from,
            To = to,
            HasData = history.Plans.Count > 0 || history.Runs.Count > 0 || history.Sessions.Count > 0 || history.CheckIns.Count > 0,
            HasDemoData = history.HasDemoData,
            Weeks = weeks,
            ThisWeek = plan is null ? null : ThisWeek(covering!, plan, runFacts.Select(r => new DayRun(r.Id, r.ToRun(), r.PlannedFor, r.Sprints)).ToArray(), recentSessions, history.SessionLogs, to, today),
            ThisWeekNote = planNote,
            RunningVolume = weeks.Select(w => Volume(w, loggedRuns)).ToArray(),
            StrengthSessions = weeks.Select(w => new WeeklyCount(w, sessionFacts.Count(s => InWeek(s.Date, w)))).ToArray(),
            MuscleSets = new MuscleSetsView(
                MuscleVolume.Tracked.Select(m => Kebab.Name(m)).ToArray(),
                weeks.Select(w => new WeeklyMuscleSets(w, Sets(w < lastWeek
                    ? RolledUpMuscleSets(byWeek.GetValueOrDefault(w)?.Sets ?? [], loggedRuns, catalogue, w)
                    : MuscleVolume.Sets(recentSessions, loggedRuns, catalogue, w, Domain.Load.Weeks.EndOf(w))))).ToArray(),
                MuscleSetsNote),
            OneRepMaxTrends = RolledUpOneRepMaxTrends(byWeek, recentSessions, catalogue, from, to),
            PredictionTrend = Predictions(history.Bests.Where(b => b.Date >= firstMonth && b.Date <= to).Select(b => b.ToPerformance())),
            Load = weeks.Select(w => WeekLoad(w, runLoads, strengthLoads, Unrated(w, loggedRuns, unratedSessionDays))).ToArray(),
            Trimp = TrimpWeeks(weeks, loggedRuns, heartRate ?? Settings.HeartRateSettings.None),
            AcuteChronic = AcuteChronic(runLoads.Concat(strengthLoads).ToArray(), from, to),
            LongRunWarnings = LongRuns(allRuns, from, today, unit),
            Soreness = Soreness(checkIns, weeks),
            Suggestions = Suggestions(to, checkIns, recentSessions, loggedRuns, plan, catalogue),
            ProfessionalNote = ProfessionalNote,
        };
    }

    /// <summary>How far back the rollup path reads whole strength sessions: the suggestions look at the four weeks before this one.</summary>
    public static DateOnly RecentSessionsFrom(DateOnly to) => Domain.Load.Weeks.StartOf(to).AddDays(-28);

    /// <summary>The first day whose history the dashboard for <paramref name="to"/> reads.</summary>
    public static DateOnly LoadFrom(DateOnly from, DateOnly to) => new[] { from.AddDays(-84), FirstPredictionMonth(to) }.Min();

    private static DateOnly FirstPredictionMonth(DateOnly to) => RunStrong.Features.Predictions.StoredPerformances.RecentSince(to);

    private static List<DateOnly> WeekList(DateOnly from, DateOnly to)
    {
        var weeks = new List<DateOnly>();
        for (var w = from; w <= to; w = w.AddDays(7))
        {
            weeks.Add(w);
        }

        return weeks;
    }

    // This week is the week of the plan that holds the day shown (the newest such plan): a new plan that starts later
    // leaves this week with the plan that planned it, and the note says when the new one starts.
    private static (PlanRecord? Covering, Plan? Plan, string? Note) PlanFor(IReadOnlyList<PlanRecord> plans, IReadOnlyList<Exercise> catalogue, DateOnly to)
    {
        var covering = Training.PlanSpan.Covering(plans, to);
        var upcoming = Training.PlanSpan.NextAfter(plans, to);
        string? planNote = null;
        Plan? plan = null;
        if (covering is { } c)
        {
            plan = PlanOf(c.Record, catalogue, out planNote);
            if (plan is not null && upcoming is { } next)
            {
                planNote = $"Your new plan '{next.Record.Name}' starts on {Day(next.Span.First)}; until then this week is '{c.Record.Name}'.";
            }
        }
        else
        {
            planNote = plans.Count == 0 ? NoPlanNote
                : upcoming is { } next ? $"Your plan '{next.Record.Name}' starts on {Day(next.Span.First)}: nothing is planned this week yet."
                : Training.PlanSpan.Of(plans[0]) is null ? $"The plan '{plans[0].Name}' could not be read."
                : "Your plan has ended: make a new one on the Plan page.";
        }

        return (covering?.Record, plan, planNote);
    }

    private static SuggestionView[] Suggestions(
        DateOnly to, IReadOnlyList<SorenessCheckIn> checkIns, IReadOnlyList<LoggedStrengthSession> sessions, IReadOnlyList<LoggedRun> runs, Plan? plan,
        IReadOnlyList<Exercise> catalogue) =>
        SorenessInsights.Suggest(new InsightRequest
        {
            Today = to,
            CheckIns = checkIns,
            Sessions = sessions,
            Runs = runs,
            Planned = plan is null ? [] : PlannedStrength(plan),
            Catalogue = catalogue,
        }).Select(SuggestionView.From).ToArray();

    /// <summary>A run as this week's plan sees it: the day it counts for and whether it holds hill sprints.</summary>
    private sealed record DayRun(long Id, LoggedRun Run, DateOnly? PlannedFor, SprintsDone? Sprints)
    {
        public DateOnly CountsFor => PlannedFor ?? Run.Date;

        public bool HillSprints => Sprints is not null;
    }

    /// <summary>Sets per muscle of a rolled-up week: as MuscleVolume.Sets, from its sets per exercise.</summary>
    private static Dictionary<Muscle, double> RolledUpMuscleSets(
        IReadOnlyList<Rollups.SlugSets> slugSets, IReadOnlyList<LoggedRun> runs, IReadOnlyList<Exercise> catalogue, DateOnly week)
    {
        var bySlug = catalogue.DistinctBy(e => e.Slug, StringComparer.OrdinalIgnoreCase).ToDictionary(e => e.Slug, StringComparer.OrdinalIgnoreCase);
        var sets = MuscleVolume.Tracked.ToDictionary(m => m, _ => 0.0);
        foreach (var slug in slugSets)
        {
            if (!bySlug.TryGetValue(slug.Slug, out var exercise))
            {
                continue;
            }

            // Whole and half sets add up exactly in any order, so a count times the credit is the sum set by set.
            var count = exercise.Kind == ExerciseKind.Hill ? slug.HillSessionSets : slug.Sets;
            foreach (var muscle in exercise.PrimaryMuscles)
            {
                sets[muscle] = sets.GetValueOrDefault(muscle) + (count * MuscleVolume.PrimaryCredit);
            }

            foreach (var muscle in exercise.SecondaryMuscles.Except(exercise.PrimaryMuscles))
            {
                sets[muscle] = sets.GetValueOrDefault(muscle) + (count * MuscleVolume.SecondaryCredit);
            }
        }

        sets[Muscle.GluteusMaximus] += runs.Where(r => r.Date >= week && r.Date <= Domain.Load.Weeks.EndOf(week)).Sum(MuscleVolume.HillSets);
        return sets;
    }

    private static LiftTrend[] RolledUpOneRepMaxTrends(
        IReadOnlyDictionary<DateOnly, Rollups.WeekFacts> weeks, IReadOnlyList<LoggedStrengthSession> recent, IReadOnlyList<Exercise> catalogue, DateOnly from, DateOnly to)
    {
        var lastWeek = Domain.Load.Weeks.StartOf(to);
        var rolled = weeks.Where(w => w.Key >= from && w.Key < lastWeek)
            .SelectMany(w => w.Value.Lifts.Select(l => (Week: w.Key, Lift: (l.Exercise, l.Variant), l.Count, l.MaxKilograms)));
        var latest = recent.Where(s => s.Date >= lastWeek && s.Date >= from && s.Date <= to)
            .SelectMany(s => s.Sets.Select(set => (Lift: (set.ExerciseSlug.ToLowerInvariant(), set.VariantSlug.ToLowerInvariant()), Estimate: OneRepMax.Estimate(set))))
            .Where(x => x.Estimate is not null)
            .GroupBy(x => x.Lift)
            .Select(g => (Week: lastWeek, Lift: g.Key, Count: g.Count(), MaxKilograms: g.Max(x => x.Estimate!.Value.Kilograms)));
        return rolled.Concat(latest).GroupBy(x => x.Lift)
            .OrderByDescending(g => g.Sum(x => x.Count)).ThenBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Item2, StringComparer.Ordinal)
            .Take(MainLifts)
            .Select(g => new LiftTrend(
                g.Key.Item1,
                g.Key.Item2,
                LiftName(catalogue, g.Key.Item1, g.Key.Item2),
                g.OrderBy(x => x.Week).Select(x => new LiftPoint(x.Week, Math.Round(x.MaxKilograms, 1))).ToArray()))
            .ToArray();
    }

    private static string Day(DateOnly date) => date.ToString("dddd d MMMM", CultureInfo.InvariantCulture);

    public const string NoPlanNote = "No plan yet: make one on the Plan page to see this week's sessions here.";

    /// <summary>The plan regenerated from the stored profile (the generator is deterministic); null with a note when it cannot be.</summary>
    public static Plan? PlanOf(PlanRecord? record, IReadOnlyList<Exercise> catalogue, out string? note)
    {
        note = null;
        if (record is null)
        {
            note = NoPlanNote;
            return null;
        }

        // Parsed as of the start date, so a race that has since passed still reads as the plan it was.
        var parsed = RunnerProfileJson.Parse(record.ProfileJson, record.StartDate);
        if (!parsed.IsValid)
        {
            note = $"The plan '{record.Name}' could not be read: {string.Join("; ", parsed.Errors)}.";
            return null;
        }

        var profile = parsed.Profile!;
        if (record.Weeks is { } w && profile.Race is null)
        {
            profile = profile with { Weeks = w };
        }

        try
        {
            return PlanGenerator.Generate(profile, catalogue, record.StartDate);
        }
        catch (ArgumentException e)
        {
            note = $"The plan '{record.Name}' could not be written: {e.Message}";
            return null;
        }
    }

    private static ThisWeekView? ThisWeek(
        PlanRecord record, Plan plan, IReadOnlyList<DayRun> runs, IReadOnlyList<LoggedStrengthSession> sessions, IReadOnlyList<SessionLogRecord> logs, DateOnly to,
        DateOnly today)
    {
        var week = plan.Weeks.FirstOrDefault(w => w.Days.Any(d => d.Date == to));
        if (week is null)
        {
            return null;
        }

        var follow = Follow(record, plan, runs, sessions, logs, today);

        var days = week.Days.Select(day =>
        {
            // A run counts for the plan day it was linked to (run a day early or late), else for its own day.
            var dayRuns = runs.Where(r => r.CountsFor == day.Date).ToArray();
            var distance = dayRuns.Sum(r => r.Run.DistanceMetres);
            var planned = day.Run is { Type: not PlannedRunType.Rest } run ? Kebab.Name(run.Type) : null;
            var logged = sessions.Where(x => x.Date == day.Date).ToList();
            var counted = new HashSet<LoggedStrengthSession>(ReferenceEqualityComparer.Instance);
            bool StrengthDone(int index)
            {
                var matches = logged.Where(x => x.PlannedSessionId == RunnerHistory.PlannedSessionId(day.Date, index) || x.PlannedSessionId is null).ToList();
                counted.UnionWith(matches);
                return matches.Count > 0;
            }

            var items = day.Sessions.Select((s, index) =>
            {
                var key = RunnerHistory.PlannedSessionKey(day.Date, index);
                var mark = logs.FirstOrDefault(l => l.Date == day.Date && l.PlannedSessionKey == key);
                var didIt = mark is { Status: "done" or "partly" };
                var followed = follow.Session(key);
                var doneElsewhere = followed?.Status is FollowStatus.Done or FollowStatus.Moved;
                return new PlanItemView(
                    Kebab.Name(s.Kind),
                    s.Reason,
                    string.Join(", ", s.Exercises.Select(Describe)),
                    s.Kind switch
                    {
                        SessionKind.Strength => StrengthDone(index) || didIt || doneElsewhere,
                        SessionKind.HillSprints => didIt || (mark is null && (doneElsewhere || dayRuns.Any(r => r.Run.Type == RunType.Hills || r.HillSprints))),
                        _ => didIt,
                    },
                    mark?.Status,
                    followed is null ? null : Kebab.Name(followed.Status),
                    followed is null ? null : Training.PlanStatuses.Describe(followed));
            }).ToList();

            // A missed strength session offered on this day (the next legal day of its week).
            items.AddRange(follow.OfferedOn(day.Date).Select(o => new PlanItemView(
                Kebab.Name(SessionKind.Strength),
                $"{Training.TodaysSession.Offered(o.Date)}: {o.Offer!.Note}",
                string.Join(", ", plan.Days.First(d => d.Date == o.Date).Sessions[Training.LogPlannedSession.ParseKey(o.Key).Index].Exercises.Select(Describe)),
                false,
                Follow: Kebab.Name(FollowStatus.Planned),
                FollowText: Training.TodaysSession.Offered(o.Date),
                MovedFrom: o.Date)));

            // A session logged this day that no planned item of this plan accounts for (unplanned, or planned by a plan that
            // no longer holds the day) stays on its day, done.
            items.AddRange(logged.Where(x => !counted.Contains(x)).Select(x => new PlanItemView(
                Kebab.Name(SessionKind.Strength),
                x.PlannedSessionId is null ? "Logged: not in a plan." : "Logged for a plan that no longer holds this day.",
                string.Join(", ", x.Sets.Select(set => set.ExerciseSlug).Distinct(StringComparer.OrdinalIgnoreCase).Select(slug => BuiltInCatalogue.Find(slug)?.Name ?? slug)),
                true)));
            var runFollow = follow.RunOn(day.Date);
            return new PlanDayView(
                day.Date,
                planned,
                planned is null && dayRuns.Length == 0 ? null : dayRuns.Length > 0,
                dayRuns.Length > 0 ? Math.Round(distance / 1000, 1) : null,
                items.ToArray(),
                runFollow is null ? null : Kebab.Name(runFollow.Status),
                runFollow is null ? null : Training.PlanStatuses.Describe(runFollow));
        }).ToArray();
        return new ThisWeekView(record.Name, week.Index, Kebab.Name(week.Phase), week.Deload, days);
    }

    /// <summary>The week as followed (docs/decisions/0027), from the history already read.</summary>
    private static PlanFollow Follow(
        PlanRecord record, Plan plan, IReadOnlyList<DayRun> runs, IReadOnlyList<LoggedStrengthSession> sessions, IReadOnlyList<SessionLogRecord> logs,
        DateOnly today)
    {
        // The dashboard's sessions carry the planned session as an id: map the week's keys back.
        var keys = plan.Days.SelectMany(d => d.Sessions.Select((_, i) => (Id: RunnerHistory.PlannedSessionId(d.Date, i), Key: RunnerHistory.PlannedSessionKey(d.Date, i))))
            .ToDictionary(p => p.Id, p => p.Key);
        var log = new PlanLog
        {
            Runs = runs.Select(r => new DoneRun(r.Id, r.Run.Date, r.PlannedFor, r.Sprints)).ToArray(),
            Strength = sessions.Select(s => new DoneStrength(s.Date, s.PlannedSessionId is { } id && keys.TryGetValue(id, out var key) ? key : null)).ToArray(),
            Marks = logs.Where(l => l.PlanId is null || l.PlanId == record.Id)
                .Select(l => new SessionMark(l.PlannedSessionKey, l.Status, l.Reps is { } reps ? new SprintsDone(reps, l.Seconds, l.GradePercent) : null)).ToArray(),
        };
        // The whole plan, so that the race and the next week's Monday are seen from this week's days.
        return PlanFollowing.Follow(plan, log, today);
    }

    private static string Describe(PlannedExercise e)
    {
        var name = BuiltInCatalogue.Find(e.Slug)?.Name ?? e.Slug;
        var dose = e.Seconds is { } s ? $"{s} s"
            : e.RepsMin is { } lo && e.RepsMax is { } hi ? (lo == hi ? $"{lo}" : $"{lo}–{hi}")
            : "";
        return string.Create(CultureInfo.InvariantCulture, $"{name} {e.Sets}×{dose}").TrimEnd('×', ' ');
    }

    private static PlannedSession[] PlannedStrength(Plan plan) =>
        plan.Days.SelectMany(d => d.Sessions.Select((s, i) => (s, i))
            .Where(p => p.s.Kind == SessionKind.Strength)
            .Select(p => new PlannedSession(RunnerHistory.PlannedSessionId(d.Date, p.i), d.Date))).ToArray();

    private static bool InWeek(DateOnly date, DateOnly weekStart) => date >= weekStart && date <= Domain.Load.Weeks.EndOf(weekStart);

    private static WeeklyVolume Volume(DateOnly week, IReadOnlyList<LoggedRun> runs)
    {
        var these = runs.Where(r => InWeek(r.Date, week)).ToArray();
        var metres = these.Sum(r => r.DistanceMetres);
        return new WeeklyVolume(week, metres, Math.Round(metres / 1000, 1), Math.Round(these.Sum(r => r.Duration.TotalMinutes)), these.Length);
    }

    private static double[] Sets(IReadOnlyDictionary<Muscle, double> sets) =>
        MuscleVolume.Tracked.Select(m => sets.GetValueOrDefault(m)).ToArray();

    // By exercise and rung: a dumbbell split squat and a barbell one are different lifts, and mixing them would show a jump
    // that is only a change of equipment.
    private static LiftTrend[] OneRepMaxTrends(IReadOnlyList<LoggedStrengthSession> sessions, IReadOnlyList<Exercise> catalogue, DateOnly from, DateOnly to)
    {
        var estimates = sessions.Where(s => s.Date >= from && s.Date <= to)
            .SelectMany(s => s.Sets.Select(set => (s.Date, Lift: (set.ExerciseSlug.ToLowerInvariant(), set.VariantSlug.ToLowerInvariant()), Estimate: OneRepMax.Estimate(set))))
            .Where(x => x.Estimate is not null)
            .ToArray();
        return estimates.GroupBy(x => x.Lift)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Item2, StringComparer.Ordinal)
            .Take(MainLifts)
            .Select(g => new LiftTrend(
                g.Key.Item1,
                g.Key.Item2,
                LiftName(catalogue, g.Key.Item1, g.Key.Item2),
                g.GroupBy(x => Domain.Load.Weeks.StartOf(x.Date)).OrderBy(w => w.Key)
                    .Select(w => new LiftPoint(w.Key, Math.Round(w.Max(x => x.Estimate!.Value.Kilograms), 1))).ToArray()))
            .ToArray();
    }

    private static string LiftName(IReadOnlyList<Exercise> catalogue, string slug, string variant)
    {
        var exercise = catalogue.FirstOrDefault(e => string.Equals(e.Slug, slug, StringComparison.OrdinalIgnoreCase));
        var rung = exercise?.Progression.FirstOrDefault(v => string.Equals(v.Slug, variant, StringComparison.OrdinalIgnoreCase));
        return rung?.Name ?? $"{exercise?.Name ?? slug} ({variant})";
    }

    /// <summary>
    /// A road run's or race's efforts the dashboard's trend starts from: the same rule as the predictions page's trend
    /// (StoredPerformances.ForTrend: 1500 m and more, not faster than the world record, VDOT in Daniels' 30–85).
    /// </summary>
    internal static IEnumerable<Performance> DashboardPerformances(HistoryRun r) => RunStrong.Features.Predictions.StoredPerformances.ForTrend(r.Run.Date, r.Summary);

    private static MonthlyPrediction[] Predictions(IEnumerable<Performance> performances)
    {
        return RacePredictor.MonthlyTrend(performances).Select(m => new MonthlyPrediction(
            string.Create(CultureInfo.InvariantCulture, $"{m.Year:0000}-{m.Month:00}"),
            Math.Round(m.Vdot, 1),
            Math.Round(m.FiveK.TotalSeconds),
            RacePredictor.Format(m.FiveK, RacePredictor.DisplayPrecision(RaceDistance.FiveK)),
            Math.Round(m.TenK.TotalSeconds),
            RacePredictor.Format(m.TenK, RacePredictor.DisplayPrecision(RaceDistance.TenK)),
            string.Create(CultureInfo.InvariantCulture, $"{m.Best.Distance.Name} in {m.Best.Time} on {m.Best.Date:d MMM yyyy}"),
            Kebab.Name(m.Model))).ToArray();
    }

    /// <summary>The week's runs without an RPE and strength sessions without a duration and an RPE: they add nothing to its load.</summary>
    private static (int Runs, int Sessions) Unrated(DateOnly week, IEnumerable<LoggedRun> runs, IEnumerable<DateOnly> unratedSessions) =>
        (runs.Count(r => r.Rpe is null && InWeek(r.Date, week)), unratedSessions.Count(d => InWeek(d, week)));

    private static WeeklyLoad WeekLoad(DateOnly week, IReadOnlyList<SessionLoad> runLoads, IReadOnlyList<SessionLoad> strengthLoads, (int Runs, int Sessions) unrated)
    {
        var runLoad = runLoads.Where(r => InWeek(r.Date, week)).Sum(s => s.Load);
        var strengthLoad = strengthLoads.Where(s => InWeek(s.Date, week)).Sum(s => s.Load);
        var monotony = Foster.Monotony(runLoads.Concat(strengthLoads), week);

        // A session without an RPE is not a rest: say so rather than show its week lighter than it was.
        var count = unrated.Runs + unrated.Sessions;
        var unratedNote = count == 0 ? null : string.Create(CultureInfo.InvariantCulture,
            $"{Counted(unrated.Runs, "run")}{(unrated.Runs > 0 && unrated.Sessions > 0 ? " and " : "")}{Counted(unrated.Sessions, "strength session")} "
            + $"without an RPE {(count == 1 ? "adds" : "add")} nothing to this week's load, so it is lower than the training was");
        return new WeeklyLoad(week, Math.Round(runLoad), Math.Round(strengthLoad), Math.Round(monotony.WeeklyLoad),
            monotony.Monotony is { } m ? Math.Round(m, 2) : null,
            monotony.Strain is { } s ? Math.Round(s) : null,
            unratedNote is null ? monotony.Note : monotony.Note is null ? unratedNote : $"{unratedNote}; {monotony.Note}",
            count);
    }

    private static string Counted(int n, string what) => n switch
    {
        0 => "",
        1 => $"1 {what}",
        _ => string.Create(CultureInfo.InvariantCulture, $"{n} {what}s"),
    };

    /// <param name="loads">Every run's load, then every session's, as Foster's daily series sums them.</param>
    private static AcuteChronicView AcuteChronic(SessionLoad[] loads, DateOnly from, DateOnly to)
    {
        if (loads.Length == 0)
        {
            return new AcuteChronicView([], AcuteChronicRatio.Caveat);
        }

        // The averages start on the runner's first day of training, not on the chart's first day: weeks of zeros before a
        // new runner's first run would make a 28-day average of one run, and a ratio of 3.6 out of nothing. The ratio
        // comes after 28 days of training (AcuteChronicRatio.Series); the days before the first are empty.
        var first = loads.Min(l => l.Date);
        var series = first <= to ? AcuteChronicRatio.Series(Foster.DailySeries(loads, first, to)) : [];
        var before = Enumerable.Range(0, Math.Max(0, Math.Min(first.DayNumber, to.DayNumber + 1) - from.DayNumber))
            .Select(i => new AcuteChronicDay(from.AddDays(i), 0, 0, 0, null));
        var days = before.Concat(series.Where(p => p.Date >= from)
                .Select(p => new AcuteChronicDay(p.Date, Math.Round(p.Load), Math.Round(p.Acute, 1), Math.Round(p.Chronic, 1), p.Ratio is { } r ? Math.Round(r, 2) : null)))
            .ToArray();
        var waiting = first.AddDays(AcuteChronicRatio.ChronicDays - 1) > to
            ? string.Create(CultureInfo.InvariantCulture,
                $"Your ratio appears after {AcuteChronicRatio.ChronicDays} days of training: your first day here is {first:d MMM yyyy}. ")
            : "";
        return new AcuteChronicView(days, waiting + AcuteChronicRatio.Caveat);
    }

    private static LongRunWarning[] LongRuns(IReadOnlyList<LoggedRun> all, DateOnly from, DateOnly today, Domain.Units.DistanceUnit unit) =>
        all.Where(r => r.Date >= from)
            .Select(r => LongRunSpike.Check(all, r, unit))
            .Where(c => c.Size != SpikeSize.None)
            .OrderByDescending(c => c.Date)
            .Select(c => new LongRunWarning(c.Date, c.Date > today, Math.Round(c.DistanceMetres / 1000, 1), Math.Round(c.LongestPreviousMetres!.Value / 1000, 1),
                Math.Round(c.IncreasePercent!.Value), Kebab.Name(c.Size), c.Message!))
            .ToArray();

    private static SorenessMap Soreness(IReadOnlyList<SorenessCheckIn> checkIns, IReadOnlyList<DateOnly> weeks)
    {
        var areas = Enum.GetValues<BodyArea>();
        return new SorenessMap(
            areas.Select(a => Kebab.Name(a)).ToArray(),
            weeks,
            areas.Select(area => (IReadOnlyList<int?>)weeks
                .Select(w => checkIns.Where(c => c.Area == area && InWeek(c.Date, w)).Select(c => (int?)c.Score).Max())
                .ToArray()).ToArray());
    }
}

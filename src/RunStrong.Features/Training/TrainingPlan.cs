using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Features.Common;

namespace RunStrong.Features.Training;

/// <summary>A planned strength session on a day, with the key a logged session stores to say it fulfils it.</summary>
public sealed record PlannedStrengthSession(long PlanId, string PlanName, string Key, DateOnly Date, bool Deload, PlanSession Session);

/// <summary>
/// The runner's plan for a day, regenerated from its stored profile (plans are not stored, see PlanRecord): which strength
/// session falls on a day, and whether a day lies in a deload week. The plan for a day is the newest plan whose calendar
/// holds it, so a new plan starting next Monday leaves this week with the plan that planned it (issue 12). Training reads
/// plans itself so that the log does not depend on the plans feature's code.
/// </summary>
public sealed class TrainingPlan
{
    private readonly Dictionary<DateOnly, PlanWeek> _weekOf;

    private TrainingPlan(PlanRecord record, Plan plan)
    {
        Record = record;
        Plan = plan;
        _weekOf = plan.Weeks.SelectMany(w => w.Days.Select(d => (d.Date, w))).ToDictionary(p => p.Date, p => p.w);
    }

    public PlanRecord Record { get; }

    public Plan Plan { get; }

    public RunnerProfile Profile { get; private init; } = null!;

    /// <summary>The newest plan, or null when the runner has none (or its stored profile no longer reads).</summary>
    public static async Task<TrainingPlan?> NewestAsync(
        RunStrongDbContext db, ICurrentRunner runner, IReadOnlyList<Exercise> catalogue, CancellationToken cancellationToken)
    {
        var records = await RecordsAsync(db, runner, cancellationToken);
        return records.Select(r => (Record: r, Span: PlanSpan.Of(r))).FirstOrDefault(x => x.Span is not null) is { Span: { } span } newest
            ? Create(newest.Record, span, catalogue)
            : null;
    }

    /// <summary>The plan for <paramref name="day"/>: the newest plan whose calendar holds the day; null when none does.</summary>
    public static async Task<TrainingPlan?> ForDayAsync(
        RunStrongDbContext db, ICurrentRunner runner, IReadOnlyList<Exercise> catalogue, DateOnly day, CancellationToken cancellationToken)
    {
        var records = await RecordsAsync(db, runner, cancellationToken);
        return PlanSpan.Covering(records, day) is { } covering ? Create(covering.Record, covering.Span, catalogue) : null;
    }

    /// <summary>The runner's plans, newest first (the order every "which plan" question is asked in).</summary>
    public static async Task<IReadOnlyList<PlanRecord>> RecordsAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var owner = runner.RunnerId;
        return await db.Plans.AsNoTracking().Where(p => p.OwnerId == owner)
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The plan regenerated from <paramref name="span"/>'s profile; null when the generator refuses it.</summary>
    public static TrainingPlan? Create(PlanRecord record, PlanSpan span, IReadOnlyList<Exercise> catalogue)
    {
        ArgumentNullException.ThrowIfNull(span);
        try
        {
            var plan = PlanGenerator.Generate(span.Profile, catalogue, record.StartDate);
            return new TrainingPlan(record, plan) { Profile = span.Profile };
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The goal race of the runner's current plan (the newest, as <see cref="NewestAsync"/> reads it), with the plan's
    /// name; null when there is no plan, its profile no longer reads, or it names no race.
    /// </summary>
    public static async Task<(GoalRace Race, string PlanName)?> GoalRaceAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        var owner = runner.RunnerId;
        var record = await db.Plans.AsNoTracking().Where(p => p.OwnerId == owner)
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (record is null)
        {
            return null;
        }

        var parsed = RunnerProfileJson.Parse(record.ProfileJson, record.StartDate);
        return parsed.IsValid && parsed.Profile!.Race is { } race ? (race, record.Name) : null;
    }

    /// <summary>True when <paramref name="date"/> lies in a deload week of the plan.</summary>
    public bool IsDeload(DateOnly date) => _weekOf.TryGetValue(date, out var week) && week.Deload;

    /// <summary>The strength sessions planned on <paramref name="date"/> (usually none or one).</summary>
    public IReadOnlyList<PlannedStrengthSession> StrengthOn(DateOnly date)
    {
        var day = Plan.Days.FirstOrDefault(d => d.Date == date);
        if (day is null)
        {
            return [];
        }

        return day.Sessions.Select((s, i) => (s, i))
            .Where(p => p.s.Kind == SessionKind.Strength)
            .Select(p => new PlannedStrengthSession(Record.Id, Record.Name, KeyOf(date, p.i), date, IsDeload(date), p.s))
            .ToArray();
    }

    /// <summary>Every session planned on <paramref name="date"/> (strength, hill sprints, drills) with its key, in the plan's order.</summary>
    public IReadOnlyList<(string Key, PlanSession Session)> SessionsOn(DateOnly date) =>
        Plan.Days.FirstOrDefault(d => d.Date == date) is { } day
            ? day.Sessions.Select((s, i) => (KeyOf(date, i), s)).ToArray()
            : [];

    /// <summary>The run planned on <paramref name="date"/>, null on a rest day or outside the plan.</summary>
    public PlannedRun? RunOn(DateOnly date) =>
        Plan.Days.FirstOrDefault(d => d.Date == date)?.Run is { Type: not PlannedRunType.Rest } run ? run : null;

    /// <summary>The next strength session on or after <paramref name="date"/>, if the plan has one.</summary>
    public PlannedStrengthSession? NextStrength(DateOnly date) =>
        Plan.Days.Where(d => d.Date >= date).SelectMany(d => StrengthOn(d.Date)).FirstOrDefault();

    /// <summary>The key stored in StrengthSessions.PlannedSessionKey: the day and the session's index that day (<c>2026-12-08#0</c>).</summary>
    public static string KeyOf(DateOnly date, int index) => PlanFollowing.KeyOf(date, index);
}

/// <summary>
/// A stored plan's profile and first and last day, read without generating the plan: the last day is race day, or the
/// Sunday of the plan's last week (docs/decisions/0014).
/// </summary>
public sealed record PlanSpan(RunnerProfile Profile, DateOnly First, DateOnly Last)
{
    /// <summary>The span of <paramref name="record"/>; null when its stored profile no longer reads.</summary>
    public static PlanSpan? Of(PlanRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        // Parse as of the plan's start: a plan whose race has passed still tells which sessions were planned.
        var parsed = RunnerProfileJson.Parse(record.ProfileJson, record.StartDate);
        if (!parsed.IsValid)
        {
            return null;
        }

        var profile = parsed.Profile!;
        if (record.Weeks is { } weeks && profile.Race is null)
        {
            profile = profile with { Weeks = weeks };
        }

        var monday = record.StartDate.AddDays(-(((int)record.StartDate.DayOfWeek + 6) % 7));
        var last = profile.Race?.Date ?? monday.AddDays((7 * profile.Weeks) - 1);
        return new PlanSpan(profile, record.StartDate, last);
    }

    public bool Holds(DateOnly day) => day >= First && day <= Last;

    /// <summary>The newest of <paramref name="newestFirst"/> whose calendar holds <paramref name="day"/>.</summary>
    public static (PlanRecord Record, PlanSpan Span)? Covering(IEnumerable<PlanRecord> newestFirst, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        foreach (var record in newestFirst)
        {
            if (Of(record) is { } span && span.Holds(day))
            {
                return (record, span);
            }
        }

        return null;
    }

    /// <summary>The plan of <paramref name="newestFirst"/> that starts soonest after <paramref name="day"/> (newest first on a tie).</summary>
    public static (PlanRecord Record, PlanSpan Span)? NextAfter(IEnumerable<PlanRecord> newestFirst, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        return newestFirst.Select(r => (Record: r, Span: Of(r)))
            .Where(x => x.Span is not null && x.Span.First > day)
            .Select(x => (x.Record, Span: x.Span!))
            .OrderBy(x => x.Span.First)
            .Cast<(PlanRecord, PlanSpan)?>()
            .FirstOrDefault();
    }
}

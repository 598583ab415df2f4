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
/// The runner's newest plan, regenerated from its stored profile (plans are not stored, see PlanRecord): which strength
/// session falls on a day, and whether a day lies in a deload week. Training reads it itself so that the log does not
/// depend on the plans feature's code.
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

        try
        {
            var plan = PlanGenerator.Generate(profile, catalogue, record.StartDate);
            return new TrainingPlan(record, plan) { Profile = profile };
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

    /// <summary>The next strength session on or after <paramref name="date"/>, if the plan has one.</summary>
    public PlannedStrengthSession? NextStrength(DateOnly date) =>
        Plan.Days.Where(d => d.Date >= date).SelectMany(d => StrengthOn(d.Date)).FirstOrDefault();

    /// <summary>The key stored in StrengthSessions.PlannedSessionKey: the day and the session's index that day (<c>2026-12-08#0</c>).</summary>
    public static string KeyOf(DateOnly date, int index) =>
        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "#" + index.ToString(CultureInfo.InvariantCulture);
}

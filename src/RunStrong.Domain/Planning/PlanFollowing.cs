using System.Globalization;

namespace RunStrong.Domain.Planning;

/// <summary>How a planned run or session stands against what was done. Written kebab-case: <c>done</c>, <c>moved</c>, ...</summary>
public enum FollowStatus
{
    /// <summary>Still ahead (today or later), nothing done for it yet.</summary>
    Planned,
    /// <summary>Done on its day.</summary>
    Done,
    /// <summary>Done on another day of its week.</summary>
    Moved,
    /// <summary>Its day is past and nothing was done for it.</summary>
    Missed,
    /// <summary>The runner said they skipped it (hill sprints and drills are marked done, partly or skipped).</summary>
    Skipped,
}

/// <summary>An activity of a running sport: its local day, the plan day it was linked to (if any), and hill sprints detected in it.</summary>
/// <param name="CountsFor">The planned day the runner linked it to (run a day early or late); null: its own day.</param>
public sealed record DoneRun(long Id, DateOnly Day, DateOnly? CountsFor = null, SprintsDone? Sprints = null)
{
    /// <summary>The plan day this run counts for.</summary>
    public DateOnly Counted => CountsFor ?? Day;
}

/// <summary>Hill sprints as done: how many, seconds each, and the grade when known.</summary>
public sealed record SprintsDone(int Reps, int? Seconds, double? GradePercent);

/// <summary>A logged strength session: its day and the planned session it was logged for (null: logged without one).</summary>
public sealed record DoneStrength(DateOnly Date, string? PlannedSessionKey);

/// <summary>A hill-sprint or drills session as the runner marked it: <c>done</c>, <c>partly</c> or <c>skipped</c>, with the sprints they gave.</summary>
public sealed record SessionMark(string PlannedSessionKey, string Status, SprintsDone? Sprints = null);

/// <summary>Everything done that the plan is matched against.</summary>
public sealed record PlanLog
{
    public IReadOnlyList<DoneRun> Runs { get; init; } = [];

    public IReadOnlyList<DoneStrength> Strength { get; init; } = [];

    public IReadOnlyList<SessionMark> Marks { get; init; } = [];
}

/// <summary>A planned run and how it stands; <see cref="DoneOn"/> is the day of the run that counts for it.</summary>
public sealed record FollowedRun(DateOnly Date, PlannedRunType Type, FollowStatus Status, DateOnly? DoneOn, IReadOnlyList<long> ActivityIds);

/// <summary>
/// Where a missed strength session is offered: <see cref="Date"/> the next legal day of its week from today on, or null
/// when none is left; <see cref="Note"/> says it in the runner's words.
/// </summary>
public sealed record SessionOffer(DateOnly? Date, string Note);

/// <summary>A planned session (strength, hill sprints, drills) and how it stands.</summary>
/// <param name="Key">The planned session's key, <c>2026-12-08#0</c> (<see cref="PlanFollowing.KeyOf"/>).</param>
/// <param name="DoneOn">The day it was done (its own, or another of its week when moved).</param>
/// <param name="Sprints">Hill sprints as done: from the runner's mark, or detected in a run.</param>
/// <param name="Detected">True when a run's detected hill sprints ticked it off.</param>
/// <param name="ActivityId">The run whose detected hill sprints ticked it off.</param>
/// <param name="Offer">For a missed strength session: where it is offered later in its week.</param>
public sealed record FollowedSession(
    string Key, DateOnly Date, SessionKind Kind, FollowStatus Status, DateOnly? DoneOn, SprintsDone? Sprints = null, bool Detected = false,
    long? ActivityId = null, SessionOffer? Offer = null);

/// <summary>The plan against what was done, as of <see cref="Today"/>.</summary>
public sealed record PlanFollow(DateOnly Today, IReadOnlyList<FollowedRun> Runs, IReadOnlyList<FollowedSession> Sessions)
{
    public static PlanFollow Empty(DateOnly today) => new(today, [], []);

    public FollowedRun? RunOn(DateOnly date) => Runs.FirstOrDefault(r => r.Date == date);

    public FollowedSession? Session(string key) => Sessions.FirstOrDefault(s => s.Key == key);

    /// <summary>Missed strength sessions offered on <paramref name="date"/>.</summary>
    public IReadOnlyList<FollowedSession> OfferedOn(DateOnly date) =>
        Sessions.Where(s => s.Offer?.Date == date && s.Status == FollowStatus.Missed).ToArray();
}

/// <summary>
/// Matches a plan's days to what was done (docs/decisions/0027): a planned run is done when a run counts for its day,
/// moved when a run on a day of its week with no planned run stands in for it, missed when its day is past without one; a
/// strength session is done when a session is logged for it on its day (or one is logged without a plan that day), moved
/// when logged for it on another day of its week (or an unplanned session on a free day of the week stands in), missed
/// when its day is past without one, and then offered on the next legal day of its week from today on, by the generator's
/// <see cref="PlacementRules"/>; hill sprints are done when marked so or when a run that day has hill sprints detected in
/// it, moved when a run on another day of the week does; drills follow their mark. Pure: the same plan, log and today give
/// the same answer.
/// </summary>
public static class PlanFollowing
{
    /// <summary>The key of a day's session: the day and its index that day (<c>2026-12-08#0</c>).</summary>
    public static string KeyOf(DateOnly date, int index) =>
        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "#" + index.ToString(CultureInfo.InvariantCulture);

    public static PlanFollow Follow(Plan plan, PlanLog log, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(log);
        var days = plan.Days.ToDictionary(d => d.Date);
        var race = plan.Days.LastOrDefault(d => d.Run?.Type == PlannedRunType.Race)?.Date;
        PlannedRunType RunOn(DateOnly date) => days.TryGetValue(date, out var day) && day.Run is { } run ? run.Type : PlannedRunType.Rest;
        bool HasRun(DateOnly date) => RunOn(date) != PlannedRunType.Rest;

        var runs = new List<FollowedRun>();
        var sessions = new List<FollowedSession>();
        foreach (var week in plan.Weeks)
        {
            var first = week.Days[0].Date;
            var last = week.Days[^1].Date;
            bool InWeek(DateOnly d) => d >= first && d <= last;

            // Runs: what counts on the day first, then runs on free days of the week stand in for the days still without one.
            var weekRuns = log.Runs.Where(r => InWeek(r.Counted)).ToList();
            var claimed = new HashSet<long>();
            var runStatus = new Dictionary<DateOnly, FollowedRun>();
            foreach (var day in week.Days.Where(d => HasRun(d.Date)))
            {
                var here = weekRuns.Where(r => r.Counted == day.Date).ToArray();
                if (here.Length > 0)
                {
                    claimed.UnionWith(here.Select(r => r.Id));
                    runStatus[day.Date] = new FollowedRun(day.Date, day.Run!.Type, FollowStatus.Done, here[0].Day, here.Select(r => r.Id).ToArray());
                }
            }

            // Closest pairs first (a Friday run on a rest day stands in for Thursday before Wednesday).
            var open = week.Days.Where(d => HasRun(d.Date) && !runStatus.ContainsKey(d.Date)).ToList();
            var free = weekRuns.Where(r => !claimed.Contains(r.Id) && r.CountsFor is null && !HasRun(r.Day)).ToList();
            while (open.Count > 0 && free.Count > 0)
            {
                var (day, standIn) = open.SelectMany(d => free.Select(r => (Day: d, Run: r)))
                    .OrderBy(p => Math.Abs(p.Run.Day.DayNumber - p.Day.Date.DayNumber)).ThenBy(p => p.Day.Date).ThenBy(p => p.Run.Day).ThenBy(p => p.Run.Id)
                    .First();
                open.Remove(day);
                free.Remove(standIn);
                runStatus[day.Date] = new FollowedRun(day.Date, day.Run!.Type, FollowStatus.Moved, standIn.Day, [standIn.Id]);
            }

            foreach (var day in open)
            {
                runStatus[day.Date] = new FollowedRun(day.Date, day.Run!.Type, day.Date < today ? FollowStatus.Missed : FollowStatus.Planned, null, []);
            }

            runs.AddRange(week.Days.Where(d => runStatus.ContainsKey(d.Date)).Select(d => runStatus[d.Date]));

            // Sessions.
            var planned = week.Days.SelectMany(d => d.Sessions.Select((s, i) => (Day: d.Date, Key: KeyOf(d.Date, i), Session: s))).ToList();
            var plannedStrengthDays = planned.Where(p => p.Session.Kind == SessionKind.Strength).Select(p => p.Day).ToHashSet();
            var hillDays = planned.Where(p => p.Session.Kind == SessionKind.HillSprints).Select(p => p.Day).ToHashSet();
            var weekStrength = log.Strength.Where(s => InWeek(s.Date)).ToList();
            var usedStrength = new HashSet<DoneStrength>(ReferenceEqualityComparer.Instance);
            // One strength session a day: a day where one was logged takes no other.
            var loggedStrengthDays = weekStrength.Select(s => s.Date).ToHashSet();
            var sprintRuns = weekRuns.Where(r => r.Sprints is { Reps: > 0 }).ToList();
            var usedSprintRuns = new HashSet<long>();
            var offeredDays = new HashSet<DateOnly>();
            var result = new Dictionary<string, FollowedSession>();

            // Done on the day first, so that a stand-in from another day never takes what the day itself accounts for.
            foreach (var (day, key, session) in planned)
            {
                var mark = log.Marks.FirstOrDefault(m => m.PlannedSessionKey == key);
                switch (session.Kind)
                {
                    case SessionKind.Strength:
                        var forIt = weekStrength.FirstOrDefault(s => s.PlannedSessionKey == key && !usedStrength.Contains(s))
                            ?? weekStrength.FirstOrDefault(s => s.PlannedSessionKey is null && s.Date == day && !usedStrength.Contains(s));
                        if (forIt is not null)
                        {
                            usedStrength.Add(forIt);
                            result[key] = new FollowedSession(key, day, session.Kind, forIt.Date == day ? FollowStatus.Done : FollowStatus.Moved, forIt.Date);
                        }

                        break;
                    case SessionKind.HillSprints when mark is not null:
                        result[key] = new FollowedSession(key, day, session.Kind, mark.Status == "skipped" ? FollowStatus.Skipped : FollowStatus.Done,
                            mark.Status == "skipped" ? null : day, mark.Status == "skipped" ? null : mark.Sprints);
                        break;
                    case SessionKind.HillSprints:
                        if (sprintRuns.FirstOrDefault(r => r.Day == day && !usedSprintRuns.Contains(r.Id)) is { } sameDay)
                        {
                            usedSprintRuns.Add(sameDay.Id);
                            result[key] = new FollowedSession(key, day, session.Kind, FollowStatus.Done, day, sameDay.Sprints, Detected: true, ActivityId: sameDay.Id);
                        }

                        break;
                    default:
                        if (mark is not null)
                        {
                            result[key] = new FollowedSession(key, day, session.Kind, mark.Status == "skipped" ? FollowStatus.Skipped : FollowStatus.Done,
                                mark.Status == "skipped" ? null : day);
                        }

                        break;
                }
            }

            foreach (var (day, key, session) in planned.Where(p => !result.ContainsKey(p.Key)))
            {
                if (session.Kind == SessionKind.Strength
                    && weekStrength.Where(s => s.PlannedSessionKey is null && !plannedStrengthDays.Contains(s.Date) && !usedStrength.Contains(s))
                        .OrderBy(s => Math.Abs(s.Date.DayNumber - day.DayNumber)).ThenBy(s => s.Date).FirstOrDefault() is { } standIn)
                {
                    usedStrength.Add(standIn);
                    result[key] = new FollowedSession(key, day, session.Kind, FollowStatus.Moved, standIn.Date);
                    continue;
                }

                if (session.Kind == SessionKind.HillSprints
                    && sprintRuns.Where(r => !usedSprintRuns.Contains(r.Id) && !hillDays.Contains(r.Day))
                        .OrderBy(r => Math.Abs(r.Day.DayNumber - day.DayNumber)).ThenBy(r => r.Day).FirstOrDefault() is { } sprintRun)
                {
                    usedSprintRuns.Add(sprintRun.Id);
                    result[key] = new FollowedSession(key, day, session.Kind, FollowStatus.Moved, sprintRun.Day, sprintRun.Sprints, Detected: true, ActivityId: sprintRun.Id);
                    continue;
                }

                if (day >= today)
                {
                    result[key] = new FollowedSession(key, day, session.Kind, FollowStatus.Planned, null);
                    continue;
                }

                SessionOffer? offer = null;
                if (session.Kind == SessionKind.Strength)
                {
                    var from = day.AddDays(1) > today ? day.AddDays(1) : today;
                    var date = week.Days.Select(d => d.Date).Where(d => d >= from).Cast<DateOnly?>().FirstOrDefault(d =>
                        PlacementRules.LegalForMovedStrength(d!.Value, RunOn, race, x => plannedStrengthDays.Contains(x) || offeredDays.Contains(x) || loggedStrengthDays.Contains(x), hillDays.Contains));
                    if (date is { } offered)
                    {
                        offeredDays.Add(offered);
                    }

                    offer = date is { } on
                        ? new SessionOffer(on, $"{day.DayOfWeek}'s strength session, moved to {on.DayOfWeek} (missed {day.DayOfWeek}): the next day this week that is not the day before a long run, quality run or race, nor next to hill sprints.")
                        : new SessionOffer(null, $"{day.DayOfWeek}'s strength session was missed, and no legal day is left this week (each is the day before a long run, quality run or race, next to hill sprints, or already has strength): skip it; the plan carries on.");
                }

                result[key] = new FollowedSession(key, day, session.Kind, FollowStatus.Missed, null, Offer: offer);
            }

            sessions.AddRange(planned.Select(p => result[p.Key]));
        }

        return new PlanFollow(today, runs, sessions);
    }
}

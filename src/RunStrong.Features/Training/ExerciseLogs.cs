using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Domain.Training;
using RunStrong.Features.Common;

namespace RunStrong.Features.Training;

/// <summary>
/// What the progression engine needs of the log for some exercises, read without the whole log
/// (docs/decisions/0031-prescriptions-read-recent-sessions.md). <see cref="Domain.Progression.ProgressionRules"/> looks at
/// an exercise's newest session, its two newest outside deload weeks, and the check-ins since the newest; the
/// prescription adds every variant the runner has ever logged the exercise with (they have that kit). So per exercise
/// this holds its newest sessions, enough of them to include two outside deload weeks (or all there are), the check-ins
/// from the oldest of those on, and the variants read by one grouped query.
/// A test builds the same from every session, as the code read it before, and shows both prescribe alike.
/// </summary>
public sealed class ExerciseLogs
{
    /// <summary>Sessions read per exercise at first; more when fewer than two of them fall outside deload weeks.</summary>
    public const int RecentSessions = 8;

    private readonly IReadOnlyDictionary<string, IReadOnlyList<(string Variant, DateOnly First)>> _variants;

    /// <param name="variants">Per exercise slug (lower case), each variant logged with the first day it was.</param>
    internal ExerciseLogs(
        IReadOnlyList<StrengthSessionRecord> records,
        IReadOnlyList<LoggedStrengthSession> history,
        IReadOnlyList<SorenessCheckIn> checkIns,
        IReadOnlyDictionary<string, IReadOnlyList<(string Variant, DateOnly First)>> variants)
    {
        Records = records;
        History = history;
        CheckIns = checkIns;
        _variants = variants;
    }

    /// <summary>The sessions read, oldest first (as <see cref="TrainingData.SessionRecordsAsync"/> orders them).</summary>
    public IReadOnlyList<StrengthSessionRecord> Records { get; }

    /// <summary><see cref="Records"/> as the domain sees them, deload weeks marked.</summary>
    public IReadOnlyList<LoggedStrengthSession> History { get; }

    /// <summary>Check-ins from the oldest session read on, before the end of the range read (none when no session was read).</summary>
    public IReadOnlyList<SorenessCheckIn> CheckIns { get; }

    /// <summary>Every variant the exercise was logged with (sessions counting for progression), before <paramref name="day"/> when given.</summary>
    public IEnumerable<string> VariantsOf(string slug, DateOnly? day = null) =>
        _variants.TryGetValue(slug, out var variants) ? variants.Where(v => day is null || v.First < day).Select(v => v.Variant) : [];

    /// <summary>
    /// Reads what <paramref name="slugs"/> need from sessions before <paramref name="until"/> (all when null);
    /// <paramref name="isDeload"/> tells a session of a deload week from its day and plan.
    /// </summary>
    public static async Task<ExerciseLogs> ReadAsync(
        RunStrongDbContext db,
        ICurrentRunner runner,
        IEnumerable<string> slugs,
        DateOnly? until,
        Func<DateOnly, long?, bool> isDeload,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(isDeload);
        var owner = runner.RunnerId;
        var wanted = slugs.Select(s => s.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();
        var counting = db.StrengthSessions.AsNoTracking().Where(s => s.OwnerId == owner && s.MergeWithSessionId == null);
        if (until is { } end)
        {
            counting = counting.Where(s => s.Date < end);
        }

        var ids = new HashSet<long>();
        foreach (var slug in wanted)
        {
            for (var take = RecentSessions; ; take *= 4)
            {
                var recent = await counting.Where(s => s.Sets.Any(x => x.ExerciseSlug == slug))
                    .OrderByDescending(s => s.Date).ThenByDescending(s => s.Id)
                    .Select(s => new { s.Id, s.Date, s.PlanId })
                    .Take(take)
                    .ToListAsync(cancellationToken);
                // Two sessions outside deload weeks before the newest day read: the engine's last two, even when the
                // caller leaves that day out (the plan's sessions today follow what was logged before today).
                var newest = recent.Count > 0 ? recent[0].Date : default;
                if (recent.Count < take || recent.Count(r => r.Date < newest && !isDeload(r.Date, r.PlanId)) >= 2)
                {
                    ids.UnionWith(recent.Select(r => r.Id));
                    break;
                }
            }
        }

        var records = ids.Count == 0 ? [] : await TrainingData.ListAsync(
            db.StrengthSessions.AsNoTracking().Include(s => s.Sets).Where(s => s.OwnerId == owner && ids.Contains(s.Id)), cancellationToken);

        var variantRows = await counting
            .SelectMany(s => s.Sets.Where(x => wanted.Contains(x.ExerciseSlug)), (s, x) => new { x.ExerciseSlug, x.VariantSlug, s.Date })
            .GroupBy(x => new { x.ExerciseSlug, x.VariantSlug })
            .Select(g => new { g.Key.ExerciseSlug, g.Key.VariantSlug, First = g.Min(x => x.Date) })
            .ToListAsync(cancellationToken);
        var variants = variantRows.GroupBy(v => v.ExerciseSlug)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(string, DateOnly)>)g.Select(v => (v.VariantSlug, v.First)).ToArray());

        // Check-ins count from the newest session of an exercise on (a back-off for pain since), and none without a session.
        IReadOnlyList<SorenessCheckIn> checkIns = records.Count == 0 ? []
            : [.. (await TrainingData.CheckInsAsync(db, runner, cancellationToken, records[0].Date)).Where(c => until is null || c.Date < until)];
        return new ExerciseLogs(records, TrainingData.ToDomain(records, r => isDeload(r.Date, r.PlanId)), checkIns, variants);
    }
}

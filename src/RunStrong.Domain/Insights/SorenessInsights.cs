using System.Globalization;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Load;
using RunStrong.Domain.Training;

namespace RunStrong.Domain.Insights;

/// <summary>What the insight rules look at. Only entries up to <see cref="Today"/> count.</summary>
public sealed record InsightRequest
{
    /// <summary>The runner's today (from an injected clock, not the system's).</summary>
    public required DateOnly Today { get; init; }

    public IReadOnlyList<SorenessCheckIn> CheckIns { get; init; } = [];

    public IReadOnlyList<LoggedStrengthSession> Sessions { get; init; } = [];

    public IReadOnlyList<LoggedRun> Runs { get; init; } = [];

    public IReadOnlyList<PlannedSession> Planned { get; init; } = [];

    /// <summary>The exercises the sessions refer to (the built-in catalogue and imports).</summary>
    public IReadOnlyList<Exercise> Catalogue { get; init; } = [];
}

/// <summary>
/// Rule-based suggestions from soreness, sessions and adherence (domain.md §6). Worded as suggestions with their reason;
/// the calves-and-glutes link is a plausible hypothesis, not a finding, and the text says so. Thresholds are judgements:
/// <list type="bullet">
/// <item>Calves: <see cref="CalfCheckIns"/> or more calf check-ins at <see cref="CalfScore"/>/10 or more in the last 28 days,
///   with fewer than <see cref="LowHipExtensionSets"/> hip-extension sets in those 28 days (under 3 a week; see
///   <see cref="MuscleVolume.HipExtensionSets"/>, hills included) -> suggest glute and hamstring work.</item>
/// <item>After a session: a check-in at <see cref="SoreAfterScore"/>/10 or more on the day of a strength session or the two
///   days after, within the last 7 days, in an area an exercise of that session loads -> go easier on that exercise next time
///   (the progression engine does this too, see <c>ProgressionRules</c>).</item>
/// <item>Adherence: of the planned sessions in the last 2 full weeks, half or fewer done, and fewer than in the 2 weeks
///   before -> suggest a shorter session.</item>
/// <item>Lasting pain: <see cref="LastingPainCheckIns"/> or more check-ins at <see cref="LastingPainScore"/>/10 or more in one
///   area within the last 6 weeks, the first and last at least 14 days apart, and the latest check-in of that area still at
///   that level -> a plain note to see a professional.</item>
/// </list>
/// </summary>
public static class SorenessInsights
{
    public const int CalfScore = 4;

    public const int CalfCheckIns = 3;

    public const double LowHipExtensionSets = 12;

    public const int SoreAfterScore = ProgressionSorenessScore;

    public const int LastingPainScore = 6;

    public const int LastingPainCheckIns = 3;

    public const int LastingPainDays = 14;

    // Same threshold as the progression engine, so a suggestion and the next prescription agree.
    private const int ProgressionSorenessScore = Progression.ProgressionRules.SorenessBackOffScore;

    public static IReadOnlyList<Suggestion> Suggest(InsightRequest request)
    {
        var suggestions = new List<Suggestion>();
        suggestions.AddRange(LastingPain(request));
        suggestions.AddRange(CalvesWithoutHipExtension(request));
        suggestions.AddRange(SoreAfterSession(request));
        suggestions.AddRange(FallingAdherence(request));
        return suggestions;
    }

    public static IEnumerable<Suggestion> CalvesWithoutHipExtension(InsightRequest request)
    {
        var from = request.Today.AddDays(-27);
        var sore = request.CheckIns.Where(c => c.Area == BodyArea.Calves && c.Score >= CalfScore && c.Date >= from && c.Date <= request.Today).ToArray();
        if (sore.Length < CalfCheckIns)
        {
            yield break;
        }

        var hipSets = MuscleVolume.HipExtensionSets(request.Sessions, request.Runs, request.Catalogue, from, request.Today);
        if (hipSets >= LowHipExtensionSets)
        {
            yield break;
        }

        var work = hipSets == 0 ? "no hip-extension work" : Text($"only {hipSets:0.#} sets of hip-extension work");
        yield return new Suggestion(
            SuggestionKind.AddHipExtensionWork,
            "Try adding glute and hamstring work twice a week, such as hip thrusts, step-ups or Romanian deadlifts, and see whether your calves settle.",
            Text($"Your calves were sore ({CalfScore}/10 or more) {sore.Length} times in the last 4 weeks and you did {work}. ")
            + "Calves may be doing work that glutes and hamstrings could share: a plausible idea, not a diagnosis.",
            "calves");
    }

    public static IEnumerable<Suggestion> SoreAfterSession(InsightRequest request)
    {
        var bySlug = request.Catalogue.DistinctBy(e => e.Slug, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(e => e.Slug, StringComparer.OrdinalIgnoreCase);
        var recent = request.CheckIns
            .Where(c => c.Score >= SoreAfterScore && c.Date <= request.Today && c.Date >= request.Today.AddDays(-6))
            .OrderByDescending(c => c.Date).ThenByDescending(c => c.Score);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var checkIn in recent)
        {
            var session = request.Sessions
                .Where(s => s.Date <= checkIn.Date && s.Date >= checkIn.Date.AddDays(-2))
                .OrderByDescending(s => s.Date)
                .FirstOrDefault();
            if (session is null)
            {
                continue;
            }

            var exercises = session.Sets.Select(s => s.ExerciseSlug).Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(slug => bySlug.GetValueOrDefault(slug))
                .OfType<Exercise>()
                .Where(e => BodyAreas.LoadedBy(e).Contains(checkIn.Area));
            foreach (var exercise in exercises)
            {
                if (!seen.Add(exercise.Slug))
                {
                    continue;
                }

                var when = (checkIn.Date.DayNumber - session.Date.DayNumber) switch
                {
                    0 => "the same day as",
                    1 => "the day after",
                    _ => "two days after",
                };
                yield return new Suggestion(
                    SuggestionKind.BackOffExercise,
                    $"Go easier on {exercise.Name} next time: one rung down or about 10 % less load, and build back up when the soreness has gone.",
                    Text($"Your {AreaName(checkIn.Area)} {Were(checkIn.Area)} {checkIn.Score}/10 sore on {checkIn.Date:d MMMM}, {when} a session with {exercise.Name}, which loads {(checkIn.Area == BodyArea.LowerBack ? "it" : "them")}."),
                    exercise.Slug);
            }
        }
    }

    public static IEnumerable<Suggestion> FallingAdherence(InsightRequest request)
    {
        var thisWeek = Weeks.StartOf(request.Today);
        var recentFrom = thisWeek.AddDays(-14);
        var earlierFrom = thisWeek.AddDays(-28);
        var (recentDone, recentPlanned) = Adherence(request, recentFrom, thisWeek.AddDays(-1));
        var (earlierDone, earlierPlanned) = Adherence(request, earlierFrom, recentFrom.AddDays(-1));
        if (recentPlanned == 0 || earlierPlanned == 0)
        {
            yield break;
        }

        var recentRate = (double)recentDone / recentPlanned;
        var earlierRate = (double)earlierDone / earlierPlanned;
        if (recentRate > 0.5 || recentRate >= earlierRate)
        {
            yield break;
        }

        yield return new Suggestion(
            SuggestionKind.ShorterSession,
            "Try a shorter session: two exercises, two sets each, about 15 minutes. A short session done beats a long one skipped.",
            Text($"You did {recentDone} of {recentPlanned} planned strength sessions in the last 2 weeks, down from {earlierDone} of {earlierPlanned} in the 2 weeks before."),
            "adherence");
    }

    public static IEnumerable<Suggestion> LastingPain(InsightRequest request)
    {
        var from = request.Today.AddDays(-41);
        foreach (var area in request.CheckIns.Where(c => c.Date >= from && c.Date <= request.Today).GroupBy(c => c.Area))
        {
            var painful = area.Where(c => c.Score >= LastingPainScore).OrderBy(c => c.Date).ToArray();
            var latest = area.MaxBy(c => c.Date)!;
            if (painful.Length < LastingPainCheckIns || latest.Score < LastingPainScore)
            {
                continue;
            }

            var days = painful[^1].Date.DayNumber - painful[0].Date.DayNumber;
            if (days < LastingPainDays)
            {
                continue;
            }

            yield return new Suggestion(
                SuggestionKind.SeeAProfessional,
                Text($"Consider seeing a physiotherapist or doctor about your {AreaName(area.Key)}."),
                Text($"Your {AreaName(area.Key)} {Were(area.Key)} at {LastingPainScore}/10 or more on {painful.Length} check-ins over {days} days. ")
                + "Pain that lasts more than two weeks is worth a professional look; RunStrong can't tell soreness from injury.",
                Kebab.Name(area.Key));
        }
    }

    private static (int Done, int Planned) Adherence(InsightRequest request, DateOnly from, DateOnly to)
    {
        var planned = request.Planned.Where(p => p.Date >= from && p.Date <= to).ToArray();
        var done = planned.Count(p => request.Sessions.Any(s =>
            s.PlannedSessionId == p.Id || (s.PlannedSessionId is null && s.Date == p.Date)));
        return (done, planned.Length);
    }

    private static string AreaName(BodyArea area) => Kebab.Name(area).Replace('-', ' ');

    private static string Were(BodyArea area) => area == BodyArea.LowerBack ? "was" : "were";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

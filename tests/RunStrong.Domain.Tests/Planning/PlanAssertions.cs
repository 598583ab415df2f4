using System.Text.RegularExpressions;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;

namespace RunStrong.Domain.Tests.Planning;

/// <summary>Reading a plan the way a runner would: which days hold what.</summary>
internal static partial class PlanAssertions
{
    public static IEnumerable<(PlanWeek Week, PlanDay Day, PlanSession Session)> Sessions(this Plan plan, SessionKind kind) =>
        from w in plan.Weeks from d in w.Days from s in d.Sessions where s.Kind == kind select (w, d, s);

    public static IReadOnlyList<DayOfWeek> StrengthWeekdays(this PlanWeek week) =>
        week.Days.Where(d => d.Sessions.Any(s => s.Kind == SessionKind.Strength)).Select(d => d.Date.DayOfWeek).ToList();

    public static PlanSession? Session(this PlanDay day, SessionKind kind) => day.Sessions.SingleOrDefault(s => s.Kind == kind);

    public static int StrengthSets(this PlanWeek week) =>
        week.Days.SelectMany(d => d.Sessions).Where(s => s.Kind == SessionKind.Strength).SelectMany(s => s.Exercises).Sum(e => e.Sets);

    public static PlannedRunType? RunOn(this Plan plan, DateOnly date) =>
        plan.Days.FirstOrDefault(d => d.Date == date) is { } day ? day.Run?.Type ?? PlannedRunType.Rest : null;

    /// <summary>Week numbers a warning names: "Week 3: ..." or "Weeks 1–4, 6: ...".</summary>
    public static IReadOnlySet<int> WeeksNamedBy(string warning)
    {
        var match = WeekPrefix().Match(warning);
        var weeks = new HashSet<int>();
        if (!match.Success)
        {
            return weeks;
        }

        foreach (var part in match.Groups[1].Value.Split(", "))
        {
            var range = part.Split('–');
            var from = int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture);
            var to = int.Parse(range[^1], System.Globalization.CultureInfo.InvariantCulture);
            for (var i = from; i <= to; i++)
            {
                weeks.Add(i);
            }
        }

        return weeks;
    }

    public static bool WarnsAboutWeek(this Plan plan, int week, string containing) =>
        plan.Warnings.Any(w => w.Contains(containing, StringComparison.Ordinal) && WeeksNamedBy(w).Contains(week));

    public static Exercise Exercise(this IReadOnlyList<Exercise> catalogue, string slug) => catalogue.Single(e => e.Slug == slug);

    [GeneratedRegex(@"^Weeks? ([0-9–, ]+):")]
    private static partial Regex WeekPrefix();
}

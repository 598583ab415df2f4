using System.Globalization;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Features.Plans;

namespace RunStrong.Web.Pages.Plans;

/// <summary>Words and links the plan pages share.</summary>
public static class PlanLabels
{
    public static string Run(PlanDay day) => day.Run is null ? "Rest" : PlanText.RunName(day.Run.Type);

    public static string RunClass(PlanDay day) => "run-" + (day.Run is null ? "rest" : Kebab.Name(day.Run.Type));

    public static string Chip(PlanSession session) => session.Kind switch
    {
        SessionKind.Strength => "Strength",
        SessionKind.HillSprints => "Hill sprints",
        _ => "Drills",
    };

    public static string Phase(PlanWeek week) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(Kebab.Name(week.Phase)) + (week.Deload ? ", deload" : "");

    public static string SessionUrl(long planId, DateOnly date, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"/plans/{planId}/sessions/{date:yyyy-MM-dd}/{index}");

    public static string Dose(PlannedExercise exercise, Domain.Training.MassUnit? unit = null) => PlanText.Dose(exercise, unit: unit);

    /// <summary>The session as a FIT workout for a watch: <c>/api/plans/3/sessions/2026-12-08-0.fit</c>.</summary>
    public static string SessionFitUrl(long planId, DateOnly date, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/plans/{planId}/sessions/{date:yyyy-MM-dd}-{index}.fit");

    /// <summary>A plan week's sessions as FIT workouts in a zip: <c>/api/plans/3/weeks/2.zip</c>.</summary>
    public static string WeekFitUrl(long planId, int week) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/plans/{planId}/weeks/{week}.zip");

    /// <summary>The run's page: its target and "Log this".</summary>
    public static string RunUrl(long planId, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"/plans/{planId}/runs/{date:yyyy-MM-dd}");

    /// <summary>
    /// "Log this": <c>/log?date=2026-12-08&amp;session=2026-12-08%230</c>. The key names the planned session (the day and its
    /// index; <c>DATE#run</c> for the day's run) so /log can open it.
    /// </summary>
    public static string LogUrl(DateOnly date, string key) =>
        string.Create(CultureInfo.InvariantCulture, $"/log?date={date:yyyy-MM-dd}&session={Uri.EscapeDataString(key)}");

    /// <summary>The key of a day's run for "Log this": <c>2026-12-08#run</c>.</summary>
    public static string RunKey(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd}#run");

    /// <summary>A status badge's words: "done", "moved: Sun", "missed", "missed: offered Sun", "missed: no legal day left"; null while planned.</summary>
    public static string? Status(FollowedSession? session) => session switch
    {
        null or { Status: FollowStatus.Planned } => null,
        { Status: FollowStatus.Moved, DoneOn: { } on } => $"moved: done {Date(on, "ddd")}",
        { Status: FollowStatus.Missed, Offer: { Date: { } on } } => $"missed: offered {Date(on, "ddd")}",
        { Status: FollowStatus.Missed, Offer: not null } => "missed: no legal day left this week, skip it",
        { Detected: true, Sprints: { } sprints } => $"done: {sprints.Reps} in your run",
        _ => Kebab.Name(session.Status),
    };

    public static string? Status(FollowedRun? run) => run switch
    {
        null or { Status: FollowStatus.Planned } => null,
        { Status: FollowStatus.Moved, DoneOn: { } on } => $"moved: run {Date(on, "ddd")}",
        _ => Kebab.Name(run.Status),
    };

    /// <summary>The badge's class: <c>status status-missed</c>.</summary>
    public static string StatusClass(FollowStatus status) => "status status-" + Kebab.Name(status);

    public static string Date(DateOnly date, string format) => date.ToString(format, CultureInfo.InvariantCulture);
}

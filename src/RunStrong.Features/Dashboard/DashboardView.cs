using RunStrong.Domain.Insights;

namespace RunStrong.Features.Dashboard;

/// <summary>
/// Everything the dashboard shows for one runner, as numbers (the page draws the charts, the API returns this as JSON).
/// Weeks run Monday to Sunday; <see cref="Weeks"/> lists their Mondays, oldest first, and every weekly series has one entry
/// per week in that order.
/// </summary>
public sealed record DashboardView
{
    public required DateOnly Today { get; init; }

    /// <summary>The Monday of the first week shown.</summary>
    public required DateOnly From { get; init; }

    /// <summary>The last day shown (today unless asked otherwise).</summary>
    public required DateOnly To { get; init; }

    /// <summary>False for a runner with no runs, sessions, check-ins or plan: the page shows its welcome instead.</summary>
    public required bool HasData { get; init; }

    /// <summary>True when rows written by the demo filler exist (the page offers to remove them).</summary>
    public required bool HasDemoData { get; init; }

    public required IReadOnlyList<DateOnly> Weeks { get; init; }

    public required ThisWeekView? ThisWeek { get; init; }

    /// <summary>Why <see cref="ThisWeek"/> is missing, in words; null when it is there.</summary>
    public string? ThisWeekNote { get; init; }

    public required IReadOnlyList<WeeklyVolume> RunningVolume { get; init; }

    public required IReadOnlyList<WeeklyCount> StrengthSessions { get; init; }

    public required MuscleSetsView MuscleSets { get; init; }

    public required IReadOnlyList<LiftTrend> OneRepMaxTrends { get; init; }

    public required IReadOnlyList<MonthlyPrediction> PredictionTrend { get; init; }

    public required IReadOnlyList<WeeklyLoad> Load { get; init; }

    public required AcuteChronicView AcuteChronic { get; init; }

    /// <summary>Banister TRIMP per week; empty with a note until the runner gives their heart rates (Settings).</summary>
    public required TrimpView Trimp { get; init; }

    public required IReadOnlyList<LongRunWarning> LongRunWarnings { get; init; }

    public required SorenessMap Soreness { get; init; }

    public required IReadOnlyList<SuggestionView> Suggestions { get; init; }

    /// <summary>The plain note shown with the suggestions.</summary>
    public required string ProfessionalNote { get; init; }
}

/// <summary>This week of the newest plan, day by day, with what is done.</summary>
public sealed record ThisWeekView(string PlanName, int WeekIndex, string Phase, bool Deload, IReadOnlyList<PlanDayView> Days);

/// <param name="PlannedRun">The run type planned (easy, quality, long, race), null on a rest day.</param>
/// <param name="RunDone">True when a run is stored on the day; null on a rest day with no run.</param>
/// <param name="RunKm">The distance run that day, km, when there was a run.</param>
/// <param name="RunFollow">How the planned run stands (done, moved, missed, planned); null on a rest day.</param>
/// <param name="RunFollowText">The same in words: "Moved: run Friday".</param>
public sealed record PlanDayView(DateOnly Date, string? PlannedRun, bool? RunDone, double? RunKm, IReadOnlyList<PlanItemView> Sessions, string? RunFollow = null, string? RunFollowText = null);

/// <param name="Kind">strength, hill-sprints or drills.</param>
/// <param name="Summary">The exercises in short: "Hip thrust 3×8–12".</param>
/// <param name="Done">True or false for what RunStrong can see logged (strength sessions, hill sprints); null for drills, which are not logged.</param>
/// <param name="Status">done, partly or skipped as the runner logged a hill-sprint or drills session; null otherwise.</param>
/// <param name="Follow">How it stands against what was done (docs/decisions/0027): done, moved, missed, planned or skipped; null for a session logged outside the plan.</param>
/// <param name="FollowText">The same in words: "Moved: done Sunday", "Missed: offered on Sunday", "Done: 6 x 10 s at 7.5 %, detected in your run".</param>
/// <param name="MovedFrom">For a missed strength session offered on this day: the day it was planned on ("Tuesday's strength session, moved here").</param>
public sealed record PlanItemView(string Kind, string Reason, string Summary, bool? Done, string? Status = null, string? Follow = null, string? FollowText = null, DateOnly? MovedFrom = null);

/// <summary>One week's running.</summary>
public sealed record WeeklyVolume(DateOnly WeekStart, double DistanceMetres, double DistanceKm, double Minutes, int Runs);

public sealed record WeeklyCount(DateOnly WeekStart, int Count);

/// <summary>Sets per muscle per week; <see cref="Muscles"/> names the order of each week's <see cref="WeeklyMuscleSets.Sets"/>.</summary>
/// <param name="Note">How sets are counted.</param>
public sealed record MuscleSetsView(IReadOnlyList<string> Muscles, IReadOnlyList<WeeklyMuscleSets> Weeks, string Note);

public sealed record WeeklyMuscleSets(DateOnly WeekStart, IReadOnlyList<double> Sets);

/// <summary>The best estimated 1RM (Epley, kg; per hand for dumbbells) of one lift (exercise and rung) in each week it was done with a load.</summary>
public sealed record LiftTrend(string ExerciseSlug, string VariantSlug, string Name, IReadOnlyList<LiftPoint> Points);

public sealed record LiftPoint(DateOnly WeekStart, double Kilograms);

/// <summary>A month's best performance (a mile or longer) and the 5 km and 10 km times predicted from it.</summary>
/// <param name="Model">"daniels-gilbert" from a VDOT in Daniels' tables (30–85); "riegel" below them, where the month is flagged.</param>
public sealed record MonthlyPrediction(
    string Month, double Vdot, double FiveKSeconds, string FiveK, double TenKSeconds, string TenK, string From, string Model = "daniels-gilbert");

/// <summary>One week's session-RPE load (Foster 2001), AU, with monotony and strain.</summary>
/// <param name="Unrated">Runs without an RPE and strength sessions without a duration and an RPE that week: they add nothing to its load (said in <paramref name="Note"/>).</param>
public sealed record WeeklyLoad(DateOnly WeekStart, double RunLoad, double StrengthLoad, double Total, double? Monotony, double? Strain, string? Note, int Unrated = 0);

/// <summary>The EWMA acute:chronic ratio by day, with the caveat to show beside it.</summary>
public sealed record AcuteChronicView(IReadOnlyList<AcuteChronicDay> Days, string Caveat);

public sealed record AcuteChronicDay(DateOnly Date, double Load, double Acute, double Chronic, double? Ratio);

/// <summary>A run more than 10 % longer than the longest of the previous 30 days (Frandsen 2025).</summary>
/// <param name="Planned">True for a run dated after today.</param>
public sealed record LongRunWarning(DateOnly Date, bool Planned, double DistanceKm, double LongestPreviousKm, double IncreasePercent, string Size, string Message);

/// <summary>Soreness by body area and week: the highest score checked in, null when there was no check-in.</summary>
public sealed record SorenessMap(IReadOnlyList<string> Areas, IReadOnlyList<DateOnly> Weeks, IReadOnlyList<IReadOnlyList<int?>> Scores);

/// <summary>A suggestion with its reason (never a diagnosis).</summary>
public sealed record SuggestionView(string Kind, string Text, string Reason, string Subject)
{
    public static SuggestionView From(Suggestion s) => new(Domain.Catalogue.Kebab.Name(s.Kind), s.Text, s.Reason, s.Subject);
}

/// <summary>Weekly Banister TRIMP; <see cref="Configured"/> false (and no weeks) until the runner's heart rates are known.</summary>
public sealed record TrimpView(bool Configured, IReadOnlyList<WeeklyTrimp> Weeks, string Note);

/// <summary>One week's TRIMP, summed over <see cref="Runs"/> runs with heart rate.</summary>
public sealed record WeeklyTrimp(DateOnly WeekStart, double Trimp, int Runs);

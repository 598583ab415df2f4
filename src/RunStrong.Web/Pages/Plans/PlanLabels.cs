using System.Globalization;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Planning;
using RunStrong.Features.Plans;

namespace RunStrong.Web.Pages.Plans;

/// <summary>Words and links the plan pages share.</summary>
public static class PlanLabels
{
    public static string Run(PlanDay day) => day.Run is null ? "Rest" : day.Run.Type switch
    {
        PlannedRunType.Quality => "Quality run",
        PlannedRunType.Long => "Long run",
        PlannedRunType.Easy => "Easy run",
        PlannedRunType.Race => "Race",
        _ => "Rest",
    };

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

    public static string Dose(PlannedExercise exercise) => PlanText.Dose(exercise);

    public static string Date(DateOnly date, string format) => date.ToString(format, CultureInfo.InvariantCulture);
}

using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Training;
using RunStrong.Web.Charts;

namespace RunStrong.Web.Pages.History;

/// <summary>/history: the log by day, newest first, and weekly sets per muscle (hill work credited to the gluteus maximus).</summary>
public sealed class IndexModel(RunStrongDbContext db, ICurrentRunner runner) : PageModel
{
    public Features.Training.History.Response Log { get; private set; } = null!;

    public StrengthStats.Response Stats { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Log = await Features.Training.History.HandleAsync(db, runner, new Features.Training.History.Request(), cancellationToken);
        Stats = await StrengthStats.HandleAsync(db, runner, new StrengthStats.Request(), cancellationToken);
    }

    /// <summary>Sets per muscle for the last eight weeks with training, stacked by muscle.</summary>
    public BarChart MuscleChart()
    {
        var weeks = Stats.WeeklySetsPerMuscle.TakeLast(8).ToArray();
        var muscles = new[] { "gluteus-maximus", "gluteus-medius", "gluteus-minimus", "hamstrings", "quadriceps", "calves" };
        return new BarChart("muscle-sets", "Sets per muscle per week", muscles.Select(m => m.Replace('-', ' ')).ToArray(),
            weeks.Select(w => new ChartBar(w.WeekStart.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture),
                muscles.Select(m => w.Sets.GetValueOrDefault(m)).ToArray())).ToArray())
        {
            YLabel = "sets",
            Summary = "Hard sets per muscle each week; hill sprints and hilly running count as gluteus maximus work.",
        };
    }
}

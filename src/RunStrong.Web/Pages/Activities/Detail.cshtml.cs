using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;
using RunStrong.Web.Charts;

namespace RunStrong.Web.Pages.Activities;

public sealed class DetailModel(RunStrongDbContext db, ICurrentRunner runner) : PageModel
{
    public GetActivity.Response Activity { get; private set; } = null!;

    public IReadOnlyList<SvgChart> Charts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            Activity = await GetActivity.HandleAsync(db, runner, new GetActivity.Request(id, IncludeSeries: true), cancellationToken);
        }
        catch (UserInputException e) when (e.NotFound)
        {
            return NotFound();
        }

        Charts = BuildCharts(Activity.Series!);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            await DeleteActivity.HandleAsync(db, runner, id, cancellationToken);
        }
        catch (UserInputException e) when (e.NotFound)
        {
            return NotFound();
        }

        return Redirect("/activities");
    }

    /// <summary>Pace (faster drawn higher), heart rate, and elevation as a filled area, against km (or minutes).</summary>
    private static List<SvgChart> BuildCharts(GetActivity.ChartSeries series)
    {
        var byDistance = series.Axis == "distance";
        var xLabel = byDistance ? "Distance (km)" : "Time (min)";
        (double, double) P(GetActivity.ChartPoint p) => (byDistance ? p.X / 1000 : p.X / 60, p.Value);
        string FormatX(double x) => x.ToString(byDistance ? "0.#" : "0", CultureInfo.InvariantCulture);
        return
        [
            new LineChart("pace", "Pace", [new ChartSeries("Pace", series.Pace.Select(P).ToList(), SvgChart.Palette[1])])
            {
                InvertY = true, XLabel = xLabel, YLabel = "min/km", FormatX = FormatX, FormatY = v => Show.Duration(v),
                Summary = series.Pace.Count > 0 ? $"From {Show.Pace(series.Pace.Min(p => p.Value))} at the fastest to {Show.Pace(series.Pace.Max(p => p.Value))} at the slowest" : "No pace recorded",
            },
            new LineChart("heart-rate", "Heart rate", [new ChartSeries("Heart rate", series.HeartRate.Select(P).ToList(), SvgChart.Palette[0])])
            {
                XLabel = xLabel, YLabel = "bpm", FormatX = FormatX,
                Summary = series.HeartRate.Count > 0 ? $"Between {Show.Number(series.HeartRate.Min(p => p.Value))} and {Show.Number(series.HeartRate.Max(p => p.Value))} beats per minute" : "No heart rate recorded",
            },
            new LineChart("elevation", "Elevation", [new ChartSeries("Elevation", series.Elevation.Select(P).ToList(), SvgChart.Palette[2])])
            {
                Area = true, XLabel = xLabel, YLabel = "m", FormatX = FormatX,
                Summary = series.Elevation.Count > 0 ? $"Between {Show.Number(series.Elevation.Min(p => p.Value))} and {Show.Number(series.Elevation.Max(p => p.Value))} metres" : "No altitude recorded",
            },
        ];
    }
}

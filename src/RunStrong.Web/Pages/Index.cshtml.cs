using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;
using RunStrong.Features.Dashboard;
using RunStrong.Features.Demo;
using RunStrong.Web.Charts;

namespace RunStrong.Web.Pages;

/// <summary>The home page: the runner's dashboard, or a welcome (with demo data on offer) for an empty install.</summary>
public sealed class IndexModel(
    RunStrongDbContext db, ExerciseCatalogue catalogue, ICurrentRunner runner, TimeProvider clock, Hosting.RunnerPreferencesAccessor preferences) : PageModel
{
    public DashboardView View { get; private set; } = null!;

    /// <summary>The runner's units: the dashboard's distances and loads are shown in them.</summary>
    public Features.Settings.RunnerPreferences Units { get; private set; } = Features.Settings.RunnerPreferences.Default;

    private bool Miles => Units.Distance == Domain.Units.DistanceUnit.Miles;

    private bool Pounds => Units.Weight == Domain.Training.MassUnit.Pounds;

    /// <summary>Kilometres in the runner's unit, one decimal.</summary>
    public double Distance(double km) => Math.Round(Miles ? km * 1000 / Domain.Units.Measure.MetresPerMile : km, 1);

    /// <summary>Kilograms in the runner's unit, one decimal.</summary>
    public double Load(double kg) => Math.Round(Pounds ? kg / Domain.Training.Mass.KilogramsPerPound : kg, 1);

    /// <summary>What the last demo action did, shown once after the redirect.</summary>
    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Units = await preferences.GetAsync(cancellationToken);
        View = await GetDashboard.HandleAsync(db, catalogue, runner, clock, new GetDashboard.Request(), cancellationToken);
    }

    public async Task<IActionResult> OnPostFillDemoAsync(CancellationToken cancellationToken)
    {
        try
        {
            var added = await DemoData.FillAsync(db, runner, await Features.Training.TrainingData.TodayAsync(db, runner, clock, cancellationToken), DemoData.DefaultSeed, cancellationToken);
            Message = string.Create(CultureInfo.InvariantCulture,
                $"Demo data added: {added.Runs} runs, {added.StrengthSessions} strength sessions, {added.CheckIns} soreness check-ins and a plan.");
        }
        catch (UserInputException e)
        {
            Message = e.Message;
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveDemoAsync(CancellationToken cancellationToken)
    {
        var removed = await DemoData.RemoveAsync(db, runner, cancellationToken);
        Message = string.Create(CultureInfo.InvariantCulture,
            $"Demo data removed: {removed.Runs} runs, {removed.StrengthSessions} strength sessions, {removed.CheckIns} check-ins, {removed.Plans} plan. Your own data is untouched.");
        return RedirectToPage();
    }

    public static string Week(DateOnly monday) => monday.ToString("d MMM", CultureInfo.InvariantCulture);

    public static string Day(DateOnly date) => date.ToString("ddd d MMM", CultureInfo.InvariantCulture);

    public static string Label(string kebab) => kebab.Length == 0 ? kebab : char.ToUpperInvariant(kebab[0]) + kebab[1..].Replace('-', ' ');

    private static string Minutes(double seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)(seconds / 60)}:{(int)Math.Round(seconds % 60):00}");

    public SvgChart VolumeChart => new BarChart("running-volume", "Running distance per week",
        [$"Distance ({Units.DistanceName})"], View.RunningVolume.Select(w => new ChartBar(Week(w.WeekStart), [Distance(w.DistanceKm)], w.WeekStart)).ToArray())
    {
        YLabel = Units.DistanceName,
        Summary = Summed(View.RunningVolume.Select(w => Distance(w.DistanceKm)), $"{Units.DistanceName} a week"),
    };

    public SvgChart TimeChart => new BarChart("running-time", "Running time per week",
        ["Time (hours)"], View.RunningVolume.Select(w => new ChartBar(Week(w.WeekStart), [Math.Round(w.Minutes / 60, 1)])).ToArray())
    {
        YLabel = "hours",
        Summary = Summed(View.RunningVolume.Select(w => Math.Round(w.Minutes / 60, 1)), "hours a week"),
    };

    public SvgChart StrengthChart => new BarChart("strength-sessions", "Strength sessions per week",
        ["Sessions"], View.StrengthSessions.Select(w => new ChartBar(Week(w.WeekStart), [w.Count])).ToArray())
    {
        YLabel = "sessions",
        YIsCount = true,
        Summary = Summed(View.StrengthSessions.Select(w => (double)w.Count), "sessions a week"),
    };

    public SvgChart MuscleChart => new BarChart("muscle-sets", "Sets per week by muscle",
        View.MuscleSets.Muscles.Select(Label).ToArray(),
        View.MuscleSets.Weeks.Select(w => new ChartBar(Week(w.WeekStart), w.Sets, w.WeekStart)).ToArray())
    {
        YLabel = "sets",
        YIsCount = true,
        Summary = "Stacked bars: gluteus maximus, medius and minimus, hamstrings, quadriceps and calves; hill running counts for the gluteus maximus.",
    };

    public SvgChart TrimpChart => new BarChart("trimp", "Banister TRIMP per week (runs with heart rate)",
        ["TRIMP"], View.Trimp.Weeks.Select(w => new ChartBar(Week(w.WeekStart), [w.Trimp])).ToArray())
    {
        YLabel = "TRIMP",
        Summary = "Heart-rate weighted running load, week by week.",
    };

    public SvgChart LoadChart => new BarChart("load", "Training load per week (session RPE × minutes)",
        ["Runs", "Strength"], View.Load.Select(w => new ChartBar(Week(w.WeekStart), [w.RunLoad, w.StrengthLoad])).ToArray())
    {
        YLabel = "AU",
        Summary = Summed(View.Load.Select(w => w.Total), "arbitrary units a week"),
    };

    public SvgChart OneRepMaxChart => new LineChart("one-rep-max", "Estimated 1RM (Epley), best set each week",
        View.OneRepMaxTrends.Select(t => new ChartSeries(t.Name, t.Points.Select(p => ((double)p.WeekStart.DayNumber, Load(p.Kilograms))).ToArray())).ToArray())
    {
        YLabel = Units.WeightName,
        XIsDayNumber = true,
        FormatX = x => DateOnly.FromDayNumber((int)x).ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        Summary = string.Join("; ", View.OneRepMaxTrends.Where(t => t.Points.Count > 0)
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name} from {Load(t.Points[0].Kilograms):0.#} to {Load(t.Points[^1].Kilograms):0.#} {Units.WeightName}"))),
    };

    // One chart per distance: on a shared axis the 5 km and 10 km lines sit far apart and both look flat.
    public SvgChart FiveKChart => PredictionChart("prediction-5k", "Predicted 5 km by month", "5 km", m => m.FiveKSeconds, m => m.FiveK);

    public SvgChart TenKChart => PredictionChart("prediction-10k", "Predicted 10 km by month", "10 km", m => m.TenKSeconds, m => m.TenK);

    private LineChart PredictionChart(string id, string title, string series, Func<MonthlyPrediction, double> seconds, Func<MonthlyPrediction, string> shown) =>
        new(id, title, [new ChartSeries(series, View.PredictionTrend.Select(m => ((double)MonthNumber(m.Month), seconds(m))).ToArray())])
        {
            YLabel = "time (faster is higher)",
            InvertY = true,
            FormatY = Minutes,
            FormatX = x => new DateOnly((int)x / 12, ((int)x % 12) + 1, 1).ToString("MMM yy", CultureInfo.InvariantCulture),
            Summary = View.PredictionTrend.Count == 0 ? null
                : $"{series} from {shown(View.PredictionTrend[0])} in {View.PredictionTrend[0].Month} to {shown(View.PredictionTrend[^1])} in {View.PredictionTrend[^1].Month}.",
        };

    public SvgChart AcuteChronicChart => new LineChart("acute-chronic", "Acute:chronic load ratio (7-day ÷ 28-day EWMA)",
    [
        new ChartSeries("Ratio", View.AcuteChronic.Days.Where(d => d.Ratio is not null).Select(d => ((double)d.Date.DayNumber, d.Ratio!.Value)).ToArray()),
    ])
    {
        YLabel = "ratio",
        XIsDayNumber = true,
        FormatX = x => DateOnly.FromDayNumber((int)x).ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        Summary = View.AcuteChronic.Days.LastOrDefault(d => d.Ratio is not null) is { } last
            ? string.Create(CultureInfo.InvariantCulture, $"Latest ratio {last.Ratio:0.00} on {Day(last.Date)}.")
            : null,
    };

    private static int MonthNumber(string month) =>
        (int.Parse(month[..4], CultureInfo.InvariantCulture) * 12) + int.Parse(month[5..], CultureInfo.InvariantCulture) - 1;

    private static string Summed(IEnumerable<double> values, string unit)
    {
        var list = values.ToArray();
        return list.Length == 0 ? "No data."
            : string.Create(CultureInfo.InvariantCulture, $"Latest week {list[^1]:0.#} {unit}; average {list.Average():0.#}; highest {list.Max():0.#}.");
    }

    /// <summary>A CSS class for a soreness score: none, mild (1–3), moderate (4–5), strong (6+).</summary>
    public static string HeatClass(int? score) => score switch
    {
        null => "heat-none",
        0 => "heat-0",
        <= 3 => "heat-mild",
        <= 5 => "heat-moderate",
        _ => "heat-strong",
    };
}

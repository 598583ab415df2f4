using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Features.Activities;
using RunStrong.Features.Common;
using RunStrong.Domain.Units;
using RunStrong.Web.Api;
using RunStrong.Web.Charts;

namespace RunStrong.Web.Pages.Activities;

public sealed class DetailModel(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, Hosting.RunnerPreferencesAccessor preferences) : PageModel
{
    /// <summary>The runner's units and zone: times are shown in their zone, distances in their unit unless <c>?unit=</c> says.</summary>
    public Features.Settings.RunnerPreferences Preferences { get; private set; } = Features.Settings.RunnerPreferences.Default;

    /// <summary>Why a correction (name, sport, type, RPE, day) was refused; the form keeps what was typed.</summary>
    public string? EditError { get; private set; }

    /// <summary>The field the correction was refused for (<c>rpe</c>, <c>date</c>, <c>distance</c>...), marked on the form.</summary>
    public string? EditErrorField { get; private set; }

    /// <summary>What was typed into the correction form when it was refused.</summary>
    public EditActivity.Change? Typed { get; private set; }

    /// <summary>The <c>?unit=</c> to keep on links: empty for the runner's own unit.</summary>
    public string UnitQueryString => Unit == Preferences.Distance ? "" : $"?unit={Measure.Symbol(Unit)}";

    public GetActivity.Response Activity { get; private set; } = null!;

    public IReadOnlyList<SvgChart> Charts { get; private set; } = [];

    /// <summary>The route drawn from the file's positions (no tiles), or null when it has none.</summary>
    public RouteMap? Map { get; private set; }

    /// <summary>The unit splits, distances and paces are shown in (<c>?unit=km|mi</c>, km when left out).</summary>
    public DistanceUnit Unit { get; private set; } = DistanceUnit.Kilometres;

    /// <summary>Why the day given for an activity without times was refused.</summary>
    public string? DateError { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? unit, CancellationToken cancellationToken)
    {
        try
        {
            await ReadUnitAsync(unit, cancellationToken);
            await LoadAsync(id, cancellationToken);
        }
        catch (UserInputException e) when (e.NotFound)
        {
            return NotFound();
        }
        catch (UserInputException e)
        {
            return BadRequest(e.Message);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDateAsync(long id, string? unit, DateOnly? date, CancellationToken cancellationToken)
    {
        try
        {
            await ReadUnitAsync(unit, cancellationToken);
            await SetActivityDate.HandleAsync(db, runner, clock, new SetActivityDate.Request(id, date), cancellationToken);
            return Redirect($"/activities/{id}{UnitQueryString}");
        }
        catch (UserInputException e) when (e.NotFound)
        {
            return NotFound();
        }
        catch (UserInputException e)
        {
            DateError = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    /// <summary>The correction form: name, sport, run type, RPE and day (and distance and time for a run entered by hand).</summary>
    public async Task<IActionResult> OnPostEditAsync(
        long id, string? unit, string? name, string? sport, string? runType, string? rpe, DateOnly? date, string? distance, string? time,
        CancellationToken cancellationToken)
    {
        try
        {
            await ReadUnitAsync(unit, cancellationToken);
        }
        catch (UserInputException e)
        {
            return BadRequest(e.Message);
        }

        double? rpeValue = null;
        Typed = new EditActivity.Change(name ?? "", sport, runType ?? "", null, date, string.IsNullOrWhiteSpace(distance) ? null : distance, string.IsNullOrWhiteSpace(time) ? null : time);
        try
        {
            if (!string.IsNullOrWhiteSpace(rpe))
            {
                rpeValue = double.TryParse(rpe, NumberStyles.Float, CultureInfo.InvariantCulture, out var r)
                    ? r
                    : throw new UserInputException("rpe", $"rpe: '{rpe.Trim()}' is not a number; RPE is 1 to 10");
            }

            await EditActivity.HandleAsync(db, runner, clock, id, Typed with { Rpe = rpeValue }, cancellationToken);
            return Redirect($"/activities/{id}{UnitQueryString}");
        }
        catch (UserInputException e) when (e.NotFound)
        {
            return NotFound();
        }
        catch (UserInputException e)
        {
            // The refused field is marked on the form, so the message need not name it as the API does.
            EditError = FieldMessage.Beside(e);
            EditErrorField = e.Field;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(id, cancellationToken);
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

    /// <summary>The runner's preferences, and the unit to show: <c>?unit=</c>, else the runner's own (a bad unit throws, naming <c>unit</c>).</summary>
    private async Task ReadUnitAsync(string? unit, CancellationToken cancellationToken)
    {
        Preferences = await preferences.GetAsync(cancellationToken);
        Unit = UnitQuery.Parse(unit, Preferences.Distance);
    }

    private async Task LoadAsync(long id, CancellationToken cancellationToken)
    {
        Activity = await GetActivity.HandleAsync(db, runner, new GetActivity.Request(id, IncludeSeries: true, Unit), cancellationToken);
        // A run logged by hand has nothing to chart: no empty charts for it.
        Charts = Activity.LoggedByHand ? [] : BuildCharts(Activity.Series!, Unit);
        var map = new RouteMap(Activity.Route ?? [], Activity.Climbs, Unit);
        Map = map.HasRoute ? map : null;
    }

    /// <summary>Pace (faster drawn higher), heart rate, and elevation as a filled area, against km (or minutes).</summary>
    private static List<SvgChart> BuildCharts(GetActivity.ChartSeries series, DistanceUnit unit)
    {
        var byDistance = series.Axis == "distance";
        var symbol = Measure.Symbol(unit);
        var xLabel = byDistance ? $"Distance ({symbol})" : "Time (min)";
        (double, double) P(GetActivity.ChartPoint p) => (byDistance ? Measure.In(p.X, unit) : p.X / 60, p.Value);
        (double, double) HeightP(GetActivity.ChartPoint p) => (P(p).Item1, Measure.HeightIn(p.Value, unit));
        (double, double) PaceP(GetActivity.ChartPoint p) => (P(p).Item1, Measure.PaceIn(p.Value, unit));
        string FormatX(double x) => x.ToString(byDistance ? "0.#" : "0", CultureInfo.InvariantCulture);
        return
        [
            new LineChart("pace", "Pace", [new ChartSeries("Pace", series.Pace.Select(PaceP).ToList(), SvgChart.Palette[1])])
            {
                InvertY = true, YIsSeconds = true, XLabel = xLabel, YLabel = $"min/{symbol}", FormatX = FormatX, FormatY = v => Measure.Duration(v),
                Summary = series.Pace.Count > 0 ? $"From {Measure.Pace(series.Pace.Min(p => p.Value), unit)} at the fastest to {Measure.Pace(series.Pace.Max(p => p.Value), unit)} at the slowest" : "No pace recorded",
            },
            new LineChart("heart-rate", "Heart rate", [new ChartSeries("Heart rate", series.HeartRate.Select(P).ToList(), SvgChart.Palette[0])])
            {
                XLabel = xLabel, YLabel = "bpm", FormatX = FormatX,
                Summary = series.HeartRate.Count > 0 ? $"Between {Show.Number(series.HeartRate.Min(p => p.Value))} and {Show.Number(series.HeartRate.Max(p => p.Value))} beats per minute" : "No heart rate recorded",
            },
            new LineChart("elevation", "Elevation", [new ChartSeries("Elevation", series.Elevation.Select(HeightP).ToList(), SvgChart.Palette[2])])
            {
                Area = true, XLabel = xLabel, YLabel = Measure.HeightSymbol(unit), FormatX = FormatX,
                Summary = series.Elevation.Count > 0 ? $"Between {Measure.Height(series.Elevation.Min(p => p.Value), unit)} and {Measure.Height(series.Elevation.Max(p => p.Value), unit)}" : "No altitude recorded",
            },
        ];
    }
}

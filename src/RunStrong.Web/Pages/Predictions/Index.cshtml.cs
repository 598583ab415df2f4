using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Domain.Prediction;
using RunStrong.Features.Common;
using RunStrong.Features.Predictions;
using RunStrong.Web.Charts;

namespace RunStrong.Web.Pages.Predictions;

/// <summary>
/// /predictions: a result in, the three models side by side for the standard distances out, with the marathon caveat, a
/// what-if ("if your 5 km drops to 19:30 ...") and the trend of predicted 5 km and 10 km times by month from stored runs.
/// </summary>
public sealed class IndexModel(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, Hosting.RunnerPreferencesAccessor preferences) : PageModel
{
    /// <summary>The runner's today, in their zone.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>The runner's units and zone.</summary>
    public Features.Settings.RunnerPreferences Preferences { get; private set; } = null!;

    /// <summary>The results offered: the models start from 1500 m (RacePredictor.ShortestStartMetres), so a mile is the shortest.</summary>
    public static readonly string[] Distances = ["1mi", "5k", "10k", "15k", "half", "marathon"];

    public string Distance { get; private set; } = "5k";

    public string? Time { get; private set; }

    public string? WhatIf { get; private set; }

    public double? Exponent { get; private set; }

    public Predict.Response? Result { get; private set; }

    public Predict.Response? WhatIfResult { get; private set; }

    public IReadOnlyList<PredictionTrend.MonthForm> Trend { get; private set; } = [];

    public string? Error { get; private set; }

    /// <summary>Why no prediction starts from stored runs when they are all older than the recent window; null otherwise.</summary>
    public string? NothingRecent { get; private set; }

    /// <summary>Where the result shown came from, as the runner reads it: "best effort of a stored run, 2026-03-01" (with its age when older than 90 days).</summary>
    public string? SourceWords => Result is not { } r || r.Source == "entered"
        ? null
        : r.SourceDate is { } d
            ? string.Create(CultureInfo.InvariantCulture, $"{r.Source}, {d:yyyy-MM-dd}{(d < Today.AddDays(-90) ? $", {Predict.Age(d, Today)} ago" : "")}")
            : r.Source;

    /// <summary>"the three models", "two of the three models" (one left out for its range), "one of the three models".</summary>
    public static string ModelsWords(int models) => models switch
    {
        3 => "the three models",
        2 => "two of the three models",
        _ => "one of the three models",
    };

    /// <summary>The current plan's goal race, predicted from the result shown; null without a plan naming a race.</summary>
    public Predict.GoalRaceView? Goal { get; private set; }

    /// <summary>The current plan's goal race when there is no result to predict it from yet.</summary>
    public (Domain.Planning.GoalRace Race, string PlanName)? GoalWithoutResult { get; private set; }

    public async Task OnGetAsync(string? distance, string? time, string? whatIf, double? exponent, CancellationToken cancellationToken)
    {
        Distance = string.IsNullOrWhiteSpace(distance) ? "5k" : distance.Trim();
        Time = time?.Trim();
        WhatIf = whatIf?.Trim();
        Exponent = exponent;
        Preferences = await preferences.GetAsync(cancellationToken);
        Today = Preferences.Today(clock);
        Trend = await PredictionTrend.HandleAsync(db, runner, cancellationToken);
        try
        {
            if (!string.IsNullOrWhiteSpace(Time))
            {
                Result = Predict.Compute(new Predict.Request($"{Distance}={Time}", null, exponent));
            }
            else
            {
                // The one rule of the API and the CLI (docs/decisions/0039): a recent stored effort, else a recent result in the
                // plan; an older one is named with its age, never shown as today's prediction.
                var starting = await Predict.StartAsync(db, runner, clock, cancellationToken);
                if (starting.Start is not null)
                {
                    Result = Predict.From(new Predict.Request(null, null, exponent), starting);
                }
                else if (starting.Newest is not null)
                {
                    NothingRecent = char.ToUpperInvariant(starting.Missing![0]) + starting.Missing[1..];
                }
            }

            if (Result is not null)
            {
                Goal = await Predict.GoalAsync(db, runner, Result, cancellationToken);
            }
            else
            {
                GoalWithoutResult = await Features.Training.TrainingPlan.GoalRaceAsync(db, runner, cancellationToken);
            }

            if (Result is not null && !string.IsNullOrWhiteSpace(WhatIf))
            {
                WhatIfResult = Predict.Compute(new Predict.Request($"{Result.FromName}={WhatIf}", null, exponent));
            }
        }
        catch (UserInputException e)
        {
            Error = e.Message.Replace("from: ", "", StringComparison.Ordinal);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>Days from today to the goal race (negative once it is past).</summary>
    public int DaysTo(DateOnly date) => date.DayNumber - Today.DayNumber;

    public bool HasMarathonCaveat => Result?.Rows.Any(r => r.Notes.Contains(RacePredictor.MarathonCaveat)) == true;

    /// <summary>The rows' notes but the marathon caveat (shown once on its own): why a model is left out, far extrapolation.</summary>
    public IReadOnlyList<string> ModelNotes =>
        Result?.Rows.SelectMany(r => r.Notes).Where(n => n != RacePredictor.MarathonCaveat).Distinct().ToArray() ?? [];

    public LineChart TrendChart() =>
        new("prediction-trend", "Predicted 5 km and 10 km by month",
        [
            new ChartSeries("5 km", Trend.Select(m => ((double)m.Start.DayNumber, m.FiveKSeconds)).ToArray()),
            new ChartSeries("10 km", Trend.Select(m => ((double)m.Start.DayNumber, m.TenKSeconds)).ToArray()),
        ])
        {
            XIsDayNumber = true,
            ThisYear = Today.Year,
            FormatX = v => DateOnly.FromDayNumber((int)Math.Round(v)).ToString("MMM yyyy", CultureInfo.InvariantCulture),
            FormatY = v => v > 0 ? RaceTime.FromSeconds(v).ToString() : "0:00",
            InvertY = true,
            YIsSeconds = true,
            YLabel = "time",
            Summary = "Each month's best stored performance turned into 5 km and 10 km times with VDOT (Riegel for a VDOT below "
                + string.Create(CultureInfo.InvariantCulture, $"Daniels' tables, 30–85: rougher); faster is higher. Efforts of a mile or more with a VDOT from {RacePredictor.TrendFloorVdot:0} to 85 count, as on the dashboard."),
        };
}

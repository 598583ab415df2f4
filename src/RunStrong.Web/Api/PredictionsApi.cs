using Microsoft.AspNetCore.Http.HttpResults;
using RunStrong.Data;
using RunStrong.Domain.Prediction;
using RunStrong.Features.Common;
using RunStrong.Features.Predictions;

namespace RunStrong.Web.Api;

/// <summary>Race predictions over JSON: <c>/api/predictions?from=5k=20:00&amp;to=10k</c> and <c>/api/predictions/trend</c>.</summary>
public static class PredictionsApi
{
    /// <summary>The CLI's JSON shape plus the rounded times people read, the notes and where the result came from.</summary>
    public sealed record PredictionView(
        Predict.FromView From,
        double Vdot,
        IReadOnlyList<Predict.ModelPrediction> Predictions,
        IReadOnlyList<Predict.Row> Table,
        double RiegelExponent,
        string Source,
        DateOnly? SourceDate,
        string MarathonCaveat)
    {
        /// <summary>The goal race of the current plan and what this result predicts for it; null without a plan naming one.</summary>
        public Predict.GoalRaceView? Goal { get; init; }

        /// <summary>Stored runs with best efforts left out (trail, treadmill, hilly, impossible figures), counted by why.</summary>
        public IReadOnlyDictionary<string, int> LeftOut { get; init; } = new Dictionary<string, int>();
    }

    public static IEndpointRouteBuilder MapPredictionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/predictions").WithTags("Predictions");
        group.MapGet("/", PredictAsync)
            .WithName("PredictRaceTimes")
            .WithSummary("Riegel, Daniels–Gilbert (VDOT) and Cameron side by side")
            .WithDescription("from: DISTANCE=TIME (5k=20:00; distances 400m, 1k, 1mi, 5k, 10k, 15k, half, marathon or metres); left out, the best recent effort in stored road runs and races (of the last 90 days, else of the newest month in the last 12; trail, treadmill and hilly runs and runs with impossible figures are left out and counted in leftOut), else the best result of the last 12 months entered in the current plan (source says which); with neither, a problem naming from that says how old the newest stored effort is. goal: the current plan's race, predicted (goal.models: how many of the three models gave a figure). to: one distance (default 1k, 1mi, 5k, 10k, half, marathon). riegelExponent: 1.0–1.3 (1.06).")
            .ProducesValidationProblem();
        group.MapGet("/trend", TrendAsync)
            .WithName("GetPredictionTrend")
            .WithSummary("Each month's best stored performance and the 5 km and 10 km times its VDOT predicts")
            .KeptPerRunner();
        return routes;
    }

    private static async Task<Ok<PredictionView>> PredictAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, string? from, string? to, double? riegelExponent, CancellationToken cancellationToken)
    {
        var response = await Predict.HandleAsync(db, runner, clock, new Predict.Request(from, to, riegelExponent), cancellationToken);
        return TypedResults.Ok(new PredictionView(response.Result.From, response.Result.Vdot, response.Result.Predictions, response.Rows,
            response.RiegelExponent, response.Source, response.SourceDate, RacePredictor.MarathonCaveat)
        {
            Goal = await Predict.GoalAsync(db, runner, response, cancellationToken),
            LeftOut = response.LeftOut,
        });
    }

    private static async Task<Ok<PredictionTrend.MonthForm[]>> TrendAsync(RunStrongDbContext db, ICurrentRunner runner, CancellationToken cancellationToken) =>
        TypedResults.Ok((await PredictionTrend.HandleAsync(db, runner, cancellationToken)).ToArray());
}

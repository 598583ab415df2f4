using System.CommandLine;
using System.Globalization;
using RunStrong.Cli.Remote;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Predictions;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary>
/// <c>runstrong predict --from 5k=20:00 [--to 10k] [--riegel-exponent 1.06] [--json]</c>: Riegel, Daniels–Gilbert (VDOT)
/// and Cameron side by side. Without <c>--from</c>, from the best recent effort in the stored runs, else a recent result in the
/// current plan (on the server the user is logged in to, if any); never from an effort older than 12 months (docs/decisions/0039).
/// </summary>
public static class PredictCommand
{
    public static Command Create()
    {
        var from = new Option<string?>("--from")
        {
            Description = "A result, DISTANCE=TIME: distance 400m, 1k, 1mi, 5k, 10k, 15k, half, marathon or metres; time [h:]mm:ss (5k=20:00). Left out: the best recent effort in your stored runs (last 12 months), else a recent result in your plan.",
        };
        var to = new Option<string?>("--to") { Description = "One distance to predict; without it 1k, 1mi, 5k, 10k, half and marathon." };
        var exponent = new Option<double?>("--riegel-exponent") { Description = "Riegel's fatigue exponent, 1.0–1.3 (default 1.06; 1.15 fits half to marathon)." };
        var command = new Command("predict", "Predict race times from a result with three models side by side.") { from, to, exponent, CliApp.Json };
        command.SetAction((parse, ct) => CliApp.Guard(async () =>
        {
            var request = new Predict.Request(parse.GetValue(from), parse.GetValue(to), parse.GetValue(exponent));
            Predict.Response response;
            if (!string.IsNullOrWhiteSpace(request.From))
            {
                response = Predict.Compute(request);
            }
            else if (RemoteMode.Connect(parse) is { } api)
            {
                // From the best effort in the runs stored on the server the user is logged in to.
                using (api)
                {
                    response = await PredictRemotelyAsync(api, request, ct);
                }
            }
            else
            {
                var target = await CliApp.OpenDatabaseAsync(parse, ct);
                await using var db = DataServices.CreateContext(target);
                response = await Predict.HandleAsync(db, LocalRunner.Instance, CliApp.Clock, request, ct);
            }

            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(response.Result);
                return CliApp.Ok;
            }

            var source = response.Source == "entered" ? "" : response.SourceDate is { } date ? $" ({response.Source}, {date:yyyy-MM-dd})" : $" ({response.Source})";
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"From [bold]{Output.Esc(response.FromName)}[/] in [bold]{Output.Esc(response.FromTime)}[/]{Output.Esc(source)}: VDOT {response.Result.Vdot:0.0}{(response.VdotIsCovered ? "" : " (outside Daniels' tables, 30–85)")}"));
            var table = new Table().Border(TableBorder.Simple)
                .AddColumn("Distance")
                .AddColumn(new TableColumn(string.Create(CultureInfo.InvariantCulture, $"Riegel ({response.RiegelExponent:0.00})")).RightAligned())
                .AddColumn(new TableColumn("VDOT (Daniels)").RightAligned())
                .AddColumn(new TableColumn("Cameron").RightAligned());
            foreach (var row in response.Rows)
            {
                table.AddRow(Output.Esc(row.Distance), Output.Esc(row.Riegel), Output.Esc(row.Vdot), Output.Esc(row.Cameron));
            }

            AnsiConsole.Write(table);
            foreach (var note in response.Rows.SelectMany(r => r.Notes).Distinct())
            {
                AnsiConsole.MarkupLine($"[yellow]Note:[/] {Output.Esc(note)}");
            }

            return CliApp.Ok;
        }));
        return command;
    }

    /// <summary>GET api/predictions, shaped as the local handler's answer so both print the same way.</summary>
    private static async Task<Predict.Response> PredictRemotelyAsync(ApiClient api, Predict.Request request, CancellationToken ct)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(request.To))
        {
            query.Add("to=" + Uri.EscapeDataString(request.To));
        }

        if (request.RiegelExponent is { } exponent)
        {
            query.Add("riegelExponent=" + exponent.ToString(CultureInfo.InvariantCulture));
        }

        var view = await api.GetJsonAsync<RemotePrediction>("api/predictions" + (query.Count > 0 ? "?" + string.Join('&', query) : ""), ct);
        return new Predict.Response(
            new Predict.Result(view.From, view.Vdot, view.Predictions), view.Table, Units.EffortName(view.From.DistanceMeters),
            Units.Duration(view.From.Seconds), view.RiegelExponent, view.Source, view.SourceDate, []);
    }

    /// <summary>What GET api/predictions answers (the web's PredictionView).</summary>
    private sealed record RemotePrediction(
        Predict.FromView From, double Vdot, IReadOnlyList<Predict.ModelPrediction> Predictions, IReadOnlyList<Predict.Row> Table,
        double RiegelExponent, string Source, DateOnly? SourceDate);
}

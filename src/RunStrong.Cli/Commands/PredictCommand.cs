using System.CommandLine;
using System.Globalization;
using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Predictions;
using Spectre.Console;

namespace RunStrong.Cli.Commands;

/// <summary>
/// <c>runstrong predict --from 5k=20:00 [--to 10k] [--riegel-exponent 1.06] [--json]</c>: Riegel, Daniels–Gilbert (VDOT)
/// and Cameron side by side. Without <c>--from</c>, from the best effort in the stored runs.
/// </summary>
public static class PredictCommand
{
    public static Command Create()
    {
        var from = new Option<string?>("--from")
        {
            Description = "A result, DISTANCE=TIME: distance 400m, 1k, 1mi, 5k, 10k, 15k, half, marathon or metres; time [h:]mm:ss (5k=20:00). Left out: the best effort in your stored runs.",
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
            else
            {
                var target = await CliApp.OpenDatabaseAsync(parse, ct);
                await using var db = DataServices.CreateContext(target);
                response = await Predict.HandleAsync(db, LocalRunner.Instance, TimeProvider.System, request, ct);
            }

            if (parse.GetValue(CliApp.Json))
            {
                Output.WriteJson(response.Result);
                return CliApp.Ok;
            }

            var source = response.SourceDate is { } date ? $" ({response.Source}, {date:yyyy-MM-dd})" : "";
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"From [bold]{Output.Esc(response.FromName)}[/] in [bold]{Output.Esc(response.FromTime)}[/]{Output.Esc(source)}: VDOT {response.Result.Vdot:0.0}"));
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
}

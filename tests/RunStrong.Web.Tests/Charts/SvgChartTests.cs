using System.Text.RegularExpressions;
using RunStrong.Web.Charts;

namespace RunStrong.Web.Tests.Charts;

/// <summary>Axis ticks a runner can read: a pace or a race time falls on whole minutes or half minutes, not 200 s steps.</summary>
public partial class SvgChartTests
{
    [Theory]
    [InlineData(240, 660)]  // 4:00 to 11:00 /km, the fenix run's range
    [InlineData(1140, 1330)] // a 5k trend from 19:00 to 22:10
    [InlineData(2700, 6900)] // 45 min to 1:55 h
    public void SecondsOnY_TicksFallOnAClocksSteps(double fastest, double slowest)
    {
        var chart = new LineChart("pace", "Pace", [new ChartSeries("Pace", [(0, fastest), (1, (fastest + slowest) / 2), (2, slowest)])])
        {
            InvertY = true,
            YIsSeconds = true,
            FormatY = v => TimeSpan.FromSeconds(v).ToString(v >= 3600 ? @"h\:mm\:ss" : @"m\:ss", System.Globalization.CultureInfo.InvariantCulture),
        };
        using var writer = new StringWriter();
        chart.Render().WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        var grid = GridGroup().Match(writer.ToString()).Value;
        var labels = TickLabel().Matches(grid).Select(m => m.Groups[1].Value).ToArray();

        Assert.True(labels.Length >= 2, $"at least two ticks: {string.Join(", ", labels)}");
        var seconds = labels.Select(l => TimeSpan.ParseExact(l, l.Count(c => c == ':') == 2 ? @"h\:mm\:ss" : @"m\:ss", System.Globalization.CultureInfo.InvariantCulture).TotalSeconds).ToArray();
        var step = seconds[1] - seconds[0];
        Assert.Contains(step, new double[] { 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800 });
        Assert.All(seconds, s => Assert.Equal(0, s % step));
    }

    [Fact]
    public void ThePredictionTrend_RunsFromATickBelowItsFastestToATickAboveItsSlowest()
    {
        // 5 km from 26:10 to 23:05 and 10 km from 54:20 to 48:00: before, the only labels were 30:00, 40:00 and 50:00,
        // and the 5 km line ran above the top one, its newest point on the picture's edge.
        double[] fiveK = [1570, 1500, 1440, 1385], tenK = [3260, 3120, 2990, 2880];
        var chart = new LineChart("trend", "Trend",
        [
            new ChartSeries("5 km", [.. fiveK.Select((y, i) => ((double)i, y))]),
            new ChartSeries("10 km", [.. tenK.Select((y, i) => ((double)i, y))]),
        ])
        {
            InvertY = true,
            YIsSeconds = true,
            FormatY = v => v.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
        };
        using var writer = new StringWriter();
        chart.Render().WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        var grid = GridGroup().Match(writer.ToString()).Value;
        var ticks = TickLabel().Matches(grid).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        Assert.True(ticks.Min() <= fiveK.Min(), $"lowest tick {ticks.Min()} s above the fastest 5 km, {fiveK.Min()} s");
        Assert.True(ticks.Max() >= tenK.Max(), $"highest tick {ticks.Max()} s below the slowest 10 km, {tenK.Max()} s");
        Assert.True(ticks.Length is >= 3 and <= 8, string.Join(", ", ticks));
    }

    [GeneratedRegex("<g class=\"grid\">.*?</g>", RegexOptions.Singleline)]
    private static partial Regex GridGroup();

    [GeneratedRegex("text-anchor=\"end\">([^<]+)</text>")]
    private static partial Regex TickLabel();
}

using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace RunStrong.Web.Charts;

/// <summary>One named line of a <see cref="LineChart"/>: points in data units, x ascending.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<(double X, double Y)> Points, string? Colour = null);

/// <summary>
/// One bar group of a <see cref="BarChart"/>: a label and a value per series (stacked). With <see cref="Date"/> (a
/// week's Monday, a day) the chart writes the axis labels itself, with the year wherever the axis crosses one.
/// </summary>
public sealed record ChartBar(string Label, IReadOnlyList<double> Values, DateOnly? Date = null);

/// <summary>
/// Charts drawn on the server as inline SVG: no JavaScript, no build step, readable on a phone (the SVG scales to
/// its container), each with a text alternative (an aria label and a data table in a details element).
/// docs/decisions/0011-server-rendered-svg-charts.md says why.
/// </summary>
public abstract record SvgChart(string Id, string Title)
{
    /// <summary>
    /// Series colours, each far from the others in hue and lightness (after Okabe and Ito's colour-blind-safe set), in
    /// the order the muscle chart uses them: gluteus maximus, medius, minimus, hamstrings, quadriceps, calves.
    /// </summary>
    public static readonly string[] Palette = ["#d55e00", "#0072b2", "#009e73", "#cc79a7", "#56b4e9", "#4b5563"];

    // Drawn for a phone first: 360 units wide, so the 12.5-unit text is at least 11 px on a 390 px screen (the chart
    // is about 335 px wide there) and grows with the chart on a wider one.
    protected const int Width = 360;
    protected const int Height = 230;
    protected const int Left = 52;
    protected const int Right = 10;
    protected const int Top = 12;
    protected const int Bottom = 34;

    /// <summary>Units an axis label may take, about 7 characters of the 12.5-unit text, with a gap.</summary>
    protected const int LabelRoom = 58;

    /// <summary>About the width of one character of the 12.5-unit text.</summary>
    protected const double CharacterWidth = 7.2;

    /// <summary>X values are day numbers (<see cref="DateOnly.DayNumber"/>): ticks are dates, with the year where the axis crosses one.</summary>
    public bool XIsDayNumber { get; init; }

    /// <summary>The y values are seconds (a pace, a race time): ticks fall on whole seconds, minutes or hours (4:00, 4:30, 5:00), not 200 s steps.</summary>
    public bool YIsSeconds { get; init; }

    /// <summary>The y values count things (sessions, sets): ticks fall on whole numbers, never on half a session.</summary>
    public bool YIsCount { get; init; }

    /// <summary>How x values print on the axis and in the table (default: a number).</summary>
    public Func<double, string> FormatX { get; init; } = v => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>How y values print on the axis and in the table (default: a number).</summary>
    public Func<double, string> FormatY { get; init; } = v => v.ToString("0.##", CultureInfo.InvariantCulture);

    public string? XLabel { get; init; }

    public string? YLabel { get; init; }

    /// <summary>One sentence summing the chart up for screen readers (the table holds the numbers).</summary>
    public string? Summary { get; init; }

    public IHtmlContent Render()
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<figure class=\"chart\" id=\"{E(Id)}\" data-testid=\"chart-{E(Id)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<figcaption>{E(Title)}</figcaption>");
        svg.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{E(Title + (Summary is null ? "" : ". " + Summary))}\" preserveAspectRatio=\"xMidYMid meet\">");
        DrawBody(svg);
        svg.Append("</svg>");
        DrawLegend(svg);
        svg.Append("<details class=\"chart-data\"><summary>Data</summary><table>");
        DrawTable(svg);
        svg.Append("</table></details></figure>");
        return new HtmlString(svg.ToString());
    }

    protected abstract void DrawBody(StringBuilder svg);

    protected abstract void DrawTable(StringBuilder svg);

    protected virtual void DrawLegend(StringBuilder svg)
    {
    }

    protected static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A legend's colour key, coloured by an SVG attribute: the Content-Security-Policy allows no style attributes.</summary>
    protected static string Swatch(string colour) =>
        $"<svg class=\"swatch\" viewBox=\"0 0 10 10\" aria-hidden=\"true\"><rect width=\"10\" height=\"10\" rx=\"2\" fill=\"{E(colour)}\"/></svg>";

    protected static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// The runner's year, when known: date labels of another year carry it (<see cref="DateLabels"/>), so a chart of 2018's
    /// runs is not read as this year's. Null: only an axis that crosses a year says which.
    /// </summary>
    public int? ThisYear { get; init; }

    /// <summary>
    /// Date labels for an axis: "3 Nov", and "3 Nov 26" on the first label and the first of each new year when the
    /// labels span more than one year, so an axis that crosses New Year says which year each part is in; on the first
    /// label too when every label lies in one year other than <paramref name="thisYear"/>.
    /// </summary>
    protected static IReadOnlyList<string> DateLabels(IReadOnlyList<DateOnly> dates, int? thisYear = null)
    {
        var crosses = dates.Count > 1 && dates[0].Year != dates[^1].Year;
        var otherYear = dates.Count > 0 && thisYear is { } year && dates[0].Year != year;
        var labels = new string[dates.Count];
        for (var i = 0; i < dates.Count; i++)
        {
            var withYear = (crosses || otherYear) && (i == 0 || dates[i].Year != dates[i - 1].Year);
            labels[i] = dates[i].ToString(withYear ? "d MMM yy" : "d MMM", CultureInfo.InvariantCulture);
        }

        return labels;
    }

    /// <summary>Steps a clock reads well on: seconds, then minutes, then hours.</summary>
    private static readonly double[] ClockSteps = [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 18000, 36000];

    /// <summary>About <paramref name="count"/> round tick values covering [min, max] (five by default); clock steps when <paramref name="seconds"/>.</summary>

    protected static IReadOnlyList<double> Ticks(double min, double max, int count = 5, bool seconds = false)
    {
        if (!(max > min))
        {
            return [min];
        }

        var step = TickStep(min, max, count, seconds);
        var ticks = new List<double>();
        for (var t = Math.Ceiling(min / step) * step; t <= max + step * 1e-9; t += step)
        {
            ticks.Add(t);
        }

        return ticks;
    }

    /// <summary>
    /// Ticks of a time axis (day numbers) over [min, max]: whole days a whole number of days apart, so no two read the
    /// same date ("1 Mar 1 Mar 1 Mar 2 Mar" over a single day); fewer than <paramref name="count"/> over a few days.
    /// </summary>
    protected static IReadOnlyList<double> DayTicks(double min, double max, int count = 5)
    {
        var step = max > min ? Math.Max(1, Math.Ceiling(TickStep(min, max, count))) : 1;
        var ticks = new List<double>();
        for (var t = Math.Ceiling(min / step) * step; t <= max + 1e-9; t += step)
        {
            ticks.Add(t);
        }

        return ticks;
    }

    /// <summary>The round step between the ticks <see cref="Ticks"/> draws over [min, max] (max above min).</summary>
    protected static double TickStep(double min, double max, int count = 5, bool seconds = false)
    {
        var raw = (max - min) / Math.Max(1, count - 1);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        return seconds && raw <= ClockSteps[^1]
            ? ClockSteps.First(s => s >= raw)
            : new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
    }

    protected void DrawAxisLabels(StringBuilder svg)
    {
        if (XLabel is not null)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-label\" x=\"{Left + (Width - Left - Right) / 2}\" y=\"{Height - 2}\" text-anchor=\"middle\">{E(XLabel)}</text>");
        }

        if (YLabel is not null)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-label\" x=\"9\" y=\"{Top + (Height - Top - Bottom) / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 9 {Top + (Height - Top - Bottom) / 2})\">{E(YLabel)}</text>");
        }
    }
}

/// <summary>A line chart of one or more series sharing x and y axes.</summary>
public sealed record LineChart(string Id, string Title, IReadOnlyList<ChartSeries> Series) : SvgChart(Id, Title)
{
    /// <summary>Draw larger y values lower (for pace, where a smaller number is faster).</summary>
    public bool InvertY { get; init; }

    /// <summary>Fill the area under a single series (elevation).</summary>
    public bool Area { get; init; }

    protected override void DrawBody(StringBuilder svg)
    {
        var points = Series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        if (points.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\">No data</text>");
            return;
        }

        double xMin = points.Min(p => p.X), xMax = points.Max(p => p.X), yMin = points.Min(p => p.Y), yMax = points.Max(p => p.Y);
        if (yMax - yMin < 1e-9)
        {
            yMin -= 1;
            yMax += 1;
        }

        if (xMax - xMin < 1e-9)
        {
            // One day on a time axis: its point in the middle, under its one label (a day wide, not ticks at fifths of it).
            (xMin, xMax) = XIsDayNumber ? (xMin - 0.5, xMax + 0.5) : (xMin, xMin + 1);
        }

        // The y axis runs from a tick to a tick: every line has a label above and below it to be read against, and no
        // point sits on the picture's edge (a 5 km trend of 23–26 min drew above its top label, 30:00, and was cut).
        var yPad = (yMax - yMin) * 0.05;
        var step = TickStep(yMin - yPad, yMax + yPad, 5, YIsSeconds);
        var nonNegative = yMin >= 0;
        yMin = Math.Floor((yMin - yPad) / step) * step;
        yMax = Math.Ceiling((yMax + yPad) / step) * step;
        if (nonNegative)
        {
            yMin = Math.Max(0, yMin);
        }

        double X(double x) => Left + (x - xMin) / (xMax - xMin) * (Width - Left - Right);
        double Y(double y) => InvertY
            ? Top + (y - yMin) / (yMax - yMin) * (Height - Top - Bottom)
            : Height - Bottom - (y - yMin) / (yMax - yMin) * (Height - Top - Bottom);

        svg.Append("<g class=\"grid\">");
        for (var t = yMin; t <= yMax + (step * 1e-9); t += step)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{N(Y(t))}\" y2=\"{N(Y(t))}\"/><text x=\"{Left - 4}\" y=\"{N(Y(t) + 4)}\" text-anchor=\"end\">{E(FormatY(t))}</text>");
        }

        var xTicks = XIsDayNumber ? DayTicks(xMin, xMax, Math.Max(2, (Width - Left - Right) / LabelRoom)) : Ticks(xMin, xMax, Math.Max(2, (Width - Left - Right) / LabelRoom));
        if (XIsDayNumber)
        {
            var dates = xTicks.Select(t => DateOnly.FromDayNumber((int)Math.Round(t))).ToArray();
            var labels = DateLabels(dates, ThisYear);
            for (var i = 0; i < xTicks.Count; i++)
            {
                XLabel(X(xTicks[i]), labels[i]);
            }
        }
        else
        {
            foreach (var t in xTicks)
            {
                XLabel(X(t), FormatX(t));
            }
        }

        // A label that would run off the picture's edge is left out rather than cut ("Nov 20").
        void XLabel(double x, string text)
        {
            if (x + (text.Length * CharacterWidth / 2) <= Width && x - (text.Length * CharacterWidth / 2) >= 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{E(text)}</text>");
            }
        }

        svg.Append("</g>");
        for (var i = 0; i < Series.Count; i++)
        {
            var series = Series[i];
            var colour = series.Colour ?? Palette[i % Palette.Length];
            var path = string.Join(' ', series.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).Select(p => $"{N(X(p.X))},{N(Y(p.Y))}"));
            if (path.Length == 0)
            {
                continue;
            }

            if (Area && Series.Count == 1)
            {
                var first = series.Points[0];
                var last = series.Points[^1];
                svg.Append(CultureInfo.InvariantCulture, $"<polygon class=\"area\" fill=\"{colour}\" fill-opacity=\"0.18\" points=\"{N(X(first.X))},{Height - Bottom} {path} {N(X(last.X))},{Height - Bottom}\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"series\" data-series=\"{E(series.Name)}\" data-points=\"{series.Points.Count}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"{path}\"/>");
            if (series.Points.Count <= 60)
            {
                foreach (var p in series.Points)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(X(p.X))}\" cy=\"{N(Y(p.Y))}\" r=\"3\" fill=\"{colour}\"><title>{E(series.Name)}: {E(FormatX(p.X))}, {E(FormatY(p.Y))}</title></circle>");
                }
            }
        }

        DrawAxisLabels(svg);
    }

    protected override void DrawLegend(StringBuilder svg)
    {
        if (Series.Count < 2)
        {
            return;
        }

        svg.Append("<ul class=\"legend\">");
        for (var i = 0; i < Series.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<li>{Swatch(Series[i].Colour ?? Palette[i % Palette.Length])}{E(Series[i].Name)}</li>");
        }

        svg.Append("</ul>");
    }

    protected override void DrawTable(StringBuilder svg)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<thead><tr><th>Series</th><th>{E(XLabel ?? "x")}</th><th>{E(YLabel ?? "y")}</th></tr></thead><tbody>");
        foreach (var series in Series)
        {
            // A record stream can hold thousands of points: the table samples at most 200 per series.
            var stride = Math.Max(1, series.Points.Count / 200);
            for (var i = 0; i < series.Points.Count; i += stride)
            {
                var p = series.Points[i];
                svg.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(series.Name)}</td><td>{E(FormatX(p.X))}</td><td>{E(FormatY(p.Y))}</td></tr>");
            }
        }

        svg.Append("</tbody>");
    }
}

/// <summary>A bar chart: one bar per label, stacked when there are several series.</summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<string> SeriesNames, IReadOnlyList<ChartBar> Bars) : SvgChart(Id, Title)
{
    protected override void DrawBody(StringBuilder svg)
    {
        if (Bars.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\">No data</text>");
            return;
        }

        // Bars of nothing but zeros still get an axis that reads (0 to 1), not three ticks all printed "0".
        var highest = Bars.Max(b => b.Values.Where(double.IsFinite).Sum());
        var yMax = (highest > 0 ? highest : 1) * 1.05;
        double Y(double y) => Height - Bottom - y / yMax * (Height - Top - Bottom);
        var slot = (double)(Width - Left - Right) / Bars.Count;
        var barWidth = Math.Max(2, slot * 0.7);

        svg.Append("<g class=\"grid\">");
        foreach (var t in Ticks(0, yMax).Where(t => !YIsCount || Math.Abs(t - Math.Round(t)) < 1e-9))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{N(Y(t))}\" y2=\"{N(Y(t))}\"/><text x=\"{Left - 4}\" y=\"{N(Y(t) + 4)}\" text-anchor=\"end\">{E(FormatY(t))}</text>");
        }

        // As many labels as fit without touching; dated bars get their year wherever the shown labels cross one.
        var labelEvery = Math.Max(1, (int)Math.Ceiling(LabelRoom / slot));
        var shown = Enumerable.Range(0, Bars.Count).Where(i => i % labelEvery == 0).ToArray();
        var texts = Bars.All(b => b.Date is not null)
            ? DateLabels(shown.Select(i => Bars[i].Date!.Value).ToArray(), ThisYear)
            : shown.Select(i => Bars[i].Label).ToArray();
        for (var k = 0; k < shown.Length; k++)
        {
            // A label that would run off the right edge (the last bar's, often) is left out rather than cut.
            var x = Left + slot * (shown[k] + 0.5);
            if (x + texts[k].Length * CharacterWidth / 2 > Width)
            {
                continue;
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{E(texts[k])}</text>");
        }

        svg.Append("</g>");
        for (var i = 0; i < Bars.Count; i++)
        {
            var bar = Bars[i];
            var x = Left + slot * i + (slot - barWidth) / 2;
            var bottom = 0.0;
            for (var s = 0; s < bar.Values.Count; s++)
            {
                var value = double.IsFinite(bar.Values[s]) ? bar.Values[s] : 0;
                if (value <= 0)
                {
                    continue;
                }

                var name = s < SeriesNames.Count ? SeriesNames[s] : "";
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" data-label=\"{E(bar.Label)}\" data-series=\"{E(name)}\" data-value=\"{N(value)}\" x=\"{N(x)}\" y=\"{N(Y(bottom + value))}\" width=\"{N(barWidth)}\" height=\"{N(Y(bottom) - Y(bottom + value))}\" fill=\"{Palette[s % Palette.Length]}\"><title>{E(bar.Label)} {E(name)}: {E(FormatY(value))}</title></rect>");
                bottom += value;
            }
        }

        DrawAxisLabels(svg);
    }

    protected override void DrawLegend(StringBuilder svg)
    {
        if (SeriesNames.Count < 2)
        {
            return;
        }

        svg.Append("<ul class=\"legend\">");
        for (var i = 0; i < SeriesNames.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<li>{Swatch(Palette[i % Palette.Length])}{E(SeriesNames[i])}</li>");
        }

        svg.Append("</ul>");
    }

    protected override void DrawTable(StringBuilder svg)
    {
        svg.Append("<thead><tr><th></th>");
        foreach (var name in SeriesNames)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<th>{E(name)}</th>");
        }

        svg.Append("</tr></thead><tbody>");
        foreach (var bar in Bars)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(bar.Date is { } d ? d.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : bar.Label)}</td>");
            foreach (var value in bar.Values)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<td>{E(FormatY(value))}</td>");
            }

            svg.Append("</tr>");
        }

        svg.Append("</tbody>");
    }
}

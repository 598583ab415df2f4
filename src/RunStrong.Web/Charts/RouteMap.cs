using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using RunStrong.Domain.Activities.Metrics;
using RunStrong.Domain.Units;

namespace RunStrong.Web.Charts;

/// <summary>
/// The route of an activity drawn as inline SVG on the server, from its recorded positions alone: no map tiles, no
/// request to anyone (RunStrong makes no outside calls), styled by classes in site.css (the Content-Security-Policy
/// allows no style attributes). Each stretch recorded without a break is one line (the way between two GPX tracks is
/// not drawn), climbs are drawn over it in another colour, the start and finish are marked, and a marker stands at
/// every kilometre or mile. A data table of the markers is the text alternative. Positions are projected
/// equirectangularly about the route's middle latitude: over the few kilometres of a run that is within a fraction of a
/// percent of true shape. docs/decisions/0021-activity-numbers-with-stated-validity.md says why there is no tile layer.
/// </summary>
public sealed class RouteMap(IReadOnlyList<IReadOnlyList<RoutePoint>> stretches, IReadOnlyList<Climb> climbs, DistanceUnit unit)
{
    private const double Width = 640;
    private const double Padding = 18;
    private const double MaxHeight = 520;
    private const double MinHeight = 220;
    private const int MostLabelledMarkers = 24;

    private double _lat0;
    private double _lon0;
    private double _cos;
    private double _scale;
    private double _minX;
    private double _maxY;
    private double _height;

    /// <summary>True when there is a route to draw (at least one stretch of two points).</summary>
    public bool HasRoute => stretches.Any(s => s.Count >= 2);

    /// <summary>Kilometre or mile markers along the route: the number and where it stands.</summary>
    public IReadOnlyList<(int Number, RoutePoint At)> Markers()
    {
        var markers = new List<(int, RoutePoint)>();
        var length = Measure.MetresPer(unit);
        var points = stretches.SelectMany(s => s).ToList();
        if (points.Count < 2)
        {
            return markers;
        }

        var start = points[0].Meters;
        var next = 1;
        foreach (var stretch in stretches)
        {
            for (var i = 1; i < stretch.Count; i++)
            {
                var a = stretch[i - 1];
                var b = stretch[i];
                while (b.Meters > a.Meters && start + next * length <= b.Meters)
                {
                    var target = start + next * length;
                    if (target >= a.Meters)
                    {
                        var f = (target - a.Meters) / (b.Meters - a.Meters);
                        markers.Add((next, new RoutePoint(a.Latitude + (b.Latitude - a.Latitude) * f, a.Longitude + (b.Longitude - a.Longitude) * f, target)));
                    }

                    next++;
                }
            }
        }

        return markers;
    }

    public IHtmlContent Render()
    {
        if (!HasRoute)
        {
            return HtmlString.Empty;
        }

        Project();
        var markers = Markers();
        var every = Math.Max(1, (int)Math.Ceiling(markers.Count / (double)MostLabelledMarkers));
        var symbol = Measure.Symbol(unit);
        var total = stretches.Last(s => s.Count > 0)[^1].Meters - stretches.First(s => s.Count > 0)[0].Meters;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Route of {Measure.Distance(total, unit)}{(stretches.Count > 1 ? $" in {stretches.Count} stretches (the way between them was not recorded)" : "")}, from the start (green dot) to the finish (black square), with a marker at every {(unit == DistanceUnit.Miles ? "mile" : "kilometre")}{(climbs.Count > 0 ? $" and {climbs.Count} climb(s) drawn in orange" : "")}.");

        var svg = new StringBuilder();
        svg.Append("<figure class=\"map\" data-testid=\"route-map\">");
        svg.Append("<figcaption>Route</figcaption>");
        svg.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {N(Width)} {N(_height)}\" role=\"img\" aria-label=\"{E(summary)}\" preserveAspectRatio=\"xMidYMid meet\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"map-ground\" width=\"{N(Width)}\" height=\"{N(_height)}\"/>");
        foreach (var stretch in stretches.Where(s => s.Count >= 2))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"map-route\" data-stretch=\"\" points=\"{Points(stretch)}\"/>");
        }

        foreach (var climb in climbs)
        {
            foreach (var stretch in stretches)
            {
                var part = Between(stretch, climb.StartMeters, climb.StartMeters + climb.LengthMeters);
                if (part.Count >= 2)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"map-climb\" data-climb=\"\" points=\"{Points(part)}\"><title>{E(string.Create(CultureInfo.InvariantCulture, $"Climb: {Measure.HeightChange(climb.GainMeters, unit)} over {Measure.Distance(climb.LengthMeters, unit)} at {climb.AverageGrade * 100:0.0} %"))}</title></polyline>");
                }
            }
        }

        foreach (var (number, at) in markers)
        {
            var (x, y) = Xy(at);
            var labelled = number % every == 0;
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"map-marker{(labelled ? "" : " map-marker-small")}\" data-marker=\"{number}\"><title>{number} {symbol}</title>");
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{(labelled ? 10 : 3)}\"/>");
            if (labelled)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y + 4)}\" text-anchor=\"middle\">{number}</text>");
            }

            svg.Append("</g>");
        }

        var first = stretches.First(s => s.Count > 0)[0];
        var last = stretches.Last(s => s.Count > 0)[^1];
        var (fx, fy) = Xy(last);
        var (sx, sy) = Xy(first);
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"map-finish\" data-testid=\"map-finish\" x=\"{N(fx - 6)}\" y=\"{N(fy - 6)}\" width=\"12\" height=\"12\"><title>Finish</title></rect>");
        svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"map-start\" data-testid=\"map-start\" cx=\"{N(sx)}\" cy=\"{N(sy)}\" r=\"7\"><title>Start</title></circle>");
        DrawScale(svg);
        svg.Append("</svg>");
        svg.Append("<ul class=\"map-key\"><li><span class=\"key-start\"></span>Start</li><li><span class=\"key-finish\"></span>Finish</li>");
        if (climbs.Count > 0)
        {
            svg.Append("<li><span class=\"key-climb\"></span>Climb</li>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<li><span class=\"key-marker\"></span>Each {(unit == DistanceUnit.Miles ? "mile" : "km")}</li></ul>");
        svg.Append("<details class=\"chart-data\"><summary>Markers</summary><table><thead><tr><th>")
            .Append(E(symbol)).Append("</th><th>Latitude</th><th>Longitude</th></tr></thead><tbody>");
        foreach (var (number, at) in markers)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<tr><td>{number}</td><td>{at.Latitude:0.00000}</td><td>{at.Longitude:0.00000}</td></tr>");
        }

        svg.Append("</tbody></table></details></figure>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>Fits the route's bounding box (in metres, about its middle latitude) into the drawing, keeping its shape.</summary>
    private void Project()
    {
        var points = stretches.SelectMany(s => s).ToList();
        var minLat = points.Min(p => p.Latitude);
        var maxLat = points.Max(p => p.Latitude);
        var minLon = points.Min(p => p.Longitude);
        var maxLon = points.Max(p => p.Longitude);
        _lat0 = (minLat + maxLat) / 2;
        _lon0 = (minLon + maxLon) / 2;
        _cos = Math.Cos(_lat0 * Math.PI / 180);
        var (x1, y1) = Metres(minLat, minLon);
        var (x2, y2) = Metres(maxLat, maxLon);
        var spanX = Math.Max(1, x2 - x1);
        var spanY = Math.Max(1, y2 - y1);
        _scale = Math.Min((Width - 2 * Padding) / spanX, (MaxHeight - 2 * Padding) / spanY);
        _height = Math.Clamp(spanY * _scale + 2 * Padding, MinHeight, MaxHeight);
        _minX = x1 - ((Width - 2 * Padding) / _scale - spanX) / 2;
        _maxY = y2 + ((_height - 2 * Padding) / _scale - spanY) / 2;
    }

    private (double X, double Y) Metres(double latitude, double longitude) =>
        ((longitude - _lon0) * _cos * Geodesy.EarthRadiusMeters * Math.PI / 180, (latitude - _lat0) * Geodesy.EarthRadiusMeters * Math.PI / 180);

    private (double X, double Y) Xy(RoutePoint p)
    {
        var (x, y) = Metres(p.Latitude, p.Longitude);
        return (Padding + (x - _minX) * _scale, Padding + (_maxY - y) * _scale);
    }

    private string Points(IEnumerable<RoutePoint> points) =>
        string.Join(' ', points.Select(p =>
        {
            var (x, y) = Xy(p);
            return string.Create(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#}");
        }));

    /// <summary>The part of a stretch between two distances, with interpolated ends.</summary>
    private static List<RoutePoint> Between(IReadOnlyList<RoutePoint> stretch, double from, double to)
    {
        var part = new List<RoutePoint>();
        for (var i = 1; i < stretch.Count; i++)
        {
            var a = stretch[i - 1];
            var b = stretch[i];
            if (b.Meters < from || a.Meters > to)
            {
                if (part.Count > 0)
                {
                    break;
                }

                continue;
            }

            if (part.Count == 0)
            {
                part.Add(a.Meters < from ? Along(a, b, from) : a);
            }

            part.Add(b.Meters > to ? Along(a, b, to) : b);
        }

        return part;
    }

    private static RoutePoint Along(RoutePoint a, RoutePoint b, double meters)
    {
        var f = b.Meters > a.Meters ? Math.Clamp((meters - a.Meters) / (b.Meters - a.Meters), 0, 1) : 0;
        return new RoutePoint(a.Latitude + (b.Latitude - a.Latitude) * f, a.Longitude + (b.Longitude - a.Longitude) * f, meters);
    }

    /// <summary>A scale bar of a round length (about a fifth of the drawing's width).</summary>
    private void DrawScale(StringBuilder svg)
    {
        var unitMetres = Measure.MetresPer(unit);
        var target = (Width / 5) / _scale;
        var candidates = new[] { 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100 }.Select(k => k * unitMetres).ToList();
        var metres = candidates.LastOrDefault(c => c <= target, candidates[0]);
        var length = metres * _scale;
        var y = _height - 10;
        var label = metres < unitMetres && unit == DistanceUnit.Kilometres
            ? string.Create(CultureInfo.InvariantCulture, $"{metres:0} m")
            : string.Create(CultureInfo.InvariantCulture, $"{metres / unitMetres:0.##} {Measure.Symbol(unit)}");
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"map-scale\"><line x1=\"{N(Padding)}\" y1=\"{N(y)}\" x2=\"{N(Padding + length)}\" y2=\"{N(y)}\"/><text x=\"{N(Padding + length + 4)}\" y=\"{N(y + 4)}\">{E(label)}</text></g>");
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

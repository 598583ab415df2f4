using System.Xml;
using RunStrong.Domain.Activities;
using static RunStrong.ActivityFiles.ActivityXml;

namespace RunStrong.ActivityFiles.Gpx;

/// <summary>
/// Reads GPX 1.0 and 1.1 with a streaming <see cref="XmlReader"/>. Tracks and their segments become the record
/// stream (all tracks, in file order, each segment's start noted in <see cref="Activity.SegmentStarts"/> so the way
/// between them is never counted); a file with no track points falls back to its routes; waypoints are ignored.
/// Elements are matched by local name, so files without the GPX namespace (or with the 1.0 one) read the same.
/// Heart rate, cadence, power and speed are taken from any extension element with a known local name
/// (<c>hr</c>, <c>heartrate</c>, <c>cad</c>, <c>cadence</c>, <c>power</c>, <c>watts</c>, <c>speed</c>): this
/// covers Garmin TrackPointExtension v1 and v2, Cluetrust gpxdata and Strava's own.
/// </summary>
internal static class GpxReader
{
    /// <summary>Reads the document whose root &lt;gpx&gt; the reader is positioned on.</summary>
    public static void Read(XmlReader reader, ActivityBuilder builder)
    {
        builder.Format = ActivityFormat.Gpx;
        var routePoints = new List<RecordPoint>();
        var waypoints = 0;
        var routeName = (string?)null;
        var version = reader.GetAttribute("version");
        if (version is not null && version != "1.0" && version != "1.1")
        {
            builder.Warnings.Add($"{builder.FileName}: GPX version {version} is not 1.0 or 1.1; read it as 1.1");
        }

        if (reader.IsEmptyElement)
        {
            builder.EmptyReason = "an empty GPX file (no tracks, no routes)";
            return;
        }

        var depth = reader.Depth;
        while (NextChild(reader, depth))
        {
            switch (reader.LocalName)
            {
                case "metadata":
                    ReadMetadata(reader, builder);
                    break;
                case "time":
                    // GPX 1.0 keeps the file time directly under <gpx>.
                    builder.FallbackStart ??= Time(Text(reader));
                    break;
                case "name":
                    builder.Name ??= Text(reader);
                    break;
                case "desc":
                    builder.Description ??= Text(reader);
                    break;
                case "trk":
                    ReadTrack(reader, builder);
                    break;
                case "rte":
                    routeName ??= ReadRoute(reader, builder, routePoints);
                    break;
                case "wpt":
                    waypoints++;
                    break;
            }
        }

        if (builder.Points.Count == 0 && routePoints.Count > 0)
        {
            builder.Points.AddRange(routePoints);
            builder.Name ??= routeName;
            builder.Warnings.Add($"{builder.FileName}: no track in the file, so its route (a planned course, {routePoints.Count} points) was read instead");
        }
        else if (builder.Points.Count > 0 && routePoints.Count > 0)
        {
            builder.Warnings.Add($"{builder.FileName}: the file also holds a route (a planned course); ignored it and kept the track");
        }

        if (builder.Points.Count == 0)
        {
            builder.EmptyReason = waypoints > 0
                ? $"the GPX file holds only waypoints ({waypoints}), no track or route to import"
                : "the GPX file holds no track or route points, nothing to import";
        }
    }

    private static void ReadMetadata(XmlReader reader, ActivityBuilder builder)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        while (NextChild(reader, depth))
        {
            switch (reader.LocalName)
            {
                case "name":
                    builder.Name ??= NullIfEmpty(Text(reader));
                    break;
                case "desc":
                    builder.Description ??= NullIfEmpty(Text(reader));
                    break;
                case "time":
                    builder.FallbackStart ??= Time(Text(reader));
                    break;
            }
        }
    }

    private static void ReadTrack(XmlReader reader, ActivityBuilder builder)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        while (NextChild(reader, depth))
        {
            switch (reader.LocalName)
            {
                // The first track's name, description and type win: the metadata name is often the app's.
                case "name":
                    var name = NullIfEmpty(Text(reader));
                    if (name is not null && builder.Points.Count == 0)
                    {
                        builder.Name = name;
                    }

                    break;
                case "desc":
                    builder.Description ??= NullIfEmpty(Text(reader));
                    break;
                case "type":
                    if (builder.Sport == Sport.Unknown)
                    {
                        (builder.Sport, builder.SubSport) = ParseSport(Text(reader));
                    }

                    break;
                case "trkseg":
                    if (!reader.IsEmptyElement)
                    {
                        builder.StartSegment();
                        var segmentDepth = reader.Depth;
                        while (NextChild(reader, segmentDepth))
                        {
                            if (reader.LocalName == "trkpt")
                            {
                                builder.Points.Add(ReadPoint(reader, builder));
                            }
                        }
                    }

                    break;
            }
        }
    }

    private static string? ReadRoute(XmlReader reader, ActivityBuilder builder, List<RecordPoint> points)
    {
        string? name = null;
        if (reader.IsEmptyElement)
        {
            return null;
        }

        var depth = reader.Depth;
        while (NextChild(reader, depth))
        {
            switch (reader.LocalName)
            {
                case "name":
                    name = NullIfEmpty(Text(reader));
                    break;
                case "rtept":
                    points.Add(ReadPoint(reader, builder));
                    break;
            }
        }

        return name;
    }

    /// <summary>Reads one trkpt/rtept, leaving the reader on its end tag.</summary>
    private static RecordPoint ReadPoint(XmlReader reader, ActivityBuilder builder)
    {
        var lat = Number(reader.GetAttribute("lat") ?? string.Empty);
        var lon = Number(reader.GetAttribute("lon") ?? string.Empty);
        if (!(lat is >= -90 and <= 90) || !(lon is >= -180 and <= 180))
        {
            builder.BadPositions++;
            lat = double.NaN;
            lon = double.NaN;
        }

        var point = RecordPoint.At(ActivityTimes.None) with { Latitude = lat, Longitude = lon };
        if (reader.IsEmptyElement)
        {
            return point;
        }

        var depth = reader.Depth;
        while (NextChild(reader, depth))
        {
            switch (reader.LocalName)
            {
                case "ele":
                    point = point with { AltitudeMeters = Number(Text(reader)) };
                    break;
                case "time":
                    if (Time(Text(reader)) is { } time)
                    {
                        point = point with { Time = time };
                    }

                    break;
                case "speed":
                    point = point with { SpeedMetersPerSecond = NonNegative(Number(Text(reader))) };
                    break;
                case "extensions":
                    point = ReadExtensions(reader, point);
                    break;
            }
        }

        return point;
    }

    /// <summary>Any depth below &lt;extensions&gt;: takes values by local name, whatever the namespace.</summary>
    private static RecordPoint ReadExtensions(XmlReader reader, RecordPoint point)
    {
        if (reader.IsEmptyElement)
        {
            return point;
        }

        var depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName.ToLowerInvariant())
            {
                case "hr" or "heartrate":
                    point = point with { HeartRate = Positive(Number(Text(reader))) };
                    break;
                case "cad" or "cadence" when double.IsNaN(point.Cadence):
                    point = point with { Cadence = NonNegative(Number(Text(reader))) };
                    break;
                case "power" or "watts":
                    point = point with { PowerWatts = NonNegative(Number(Text(reader))) };
                    break;
                case "speed" when double.IsNaN(point.SpeedMetersPerSecond):
                    point = point with { SpeedMetersPerSecond = NonNegative(Number(Text(reader))) };
                    break;
            }
        }

        return point;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static double Positive(double value) => value > 0 ? value : double.NaN;

    private static double NonNegative(double value) => value >= 0 ? value : double.NaN;
}

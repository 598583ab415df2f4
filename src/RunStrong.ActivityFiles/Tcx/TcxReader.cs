using System.Xml;
using RunStrong.Domain.Activities;
using static RunStrong.ActivityFiles.ActivityXml;

namespace RunStrong.ActivityFiles.Tcx;

/// <summary>
/// Reads Garmin Training Center (TCX v2) files with a streaming <see cref="XmlReader"/>: every Activity (plain, or
/// inside a MultiSportSession) becomes an <see cref="ActivitySession"/> with its laps; all trackpoints form one
/// record stream. Cumulative distance restarts at zero in each activity of a multisport file, so later activities
/// are offset to keep the stream's distance cumulative from the start. Transitions become Transition sessions.
/// Heart rate from HeartRateBpm/Value; cadence from Cadence, else the ActivityExtension RunCadence; speed and
/// power from the ActivityExtension (matched by local name).
/// </summary>
internal static class TcxReader
{
    private sealed class LapDraft
    {
        public DateTime Start { get; set; }

        public double? TotalTimeSeconds { get; set; }

        public double? DistanceMeters { get; set; }

        public double? AverageHeartRate { get; set; }

        public double? MaxHeartRate { get; set; }

        public DateTime? LastPointTime { get; set; }
    }

    private sealed class State(ActivityBuilder builder)
    {
        public ActivityBuilder Builder { get; } = builder;

        /// <summary>Added to raw trackpoint distances of the current activity.</summary>
        public double DistanceOffset { get; set; }

        /// <summary>Largest cumulative distance so far (after offsetting).</summary>
        public double MaxDistance { get; set; }

        public bool FirstDistanceInActivity { get; set; }

        public int Activities { get; set; }

        public bool Multisport { get; set; }

        public bool HasDistance { get; set; }

        public bool HasTimer { get; set; }

        public double Distance { get; set; }

        public double Timer { get; set; }
    }

    /// <summary>Reads the document whose root &lt;TrainingCenterDatabase&gt; the reader is positioned on.</summary>
    public static void Read(XmlReader reader, ActivityBuilder builder)
    {
        builder.Format = ActivityFormat.Tcx;
        var state = new State(builder);
        var courses = false;
        var workouts = false;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            while (NextChild(reader, depth))
            {
                switch (reader.LocalName)
                {
                    case "Activities":
                        ReadActivities(reader, state);
                        break;
                    case "Courses":
                        courses = true;
                        break;
                    case "Workouts":
                        workouts = true;
                        break;
                }
            }
        }

        if (state.Activities == 0)
        {
            builder.EmptyReason = courses ? "a TCX course (a planned route), not a recorded activity"
                : workouts ? "a TCX workout plan, not a recorded activity"
                : "the TCX file holds no activities, nothing to import";
            return;
        }

        var sports = builder.Sessions.Where(s => s.Sport != Sport.Transition).Select(s => s.Sport).Distinct().ToList();
        var first = builder.Sessions.FirstOrDefault(s => s.Sport != Sport.Transition);
        builder.Sport = state.Multisport || sports.Count > 1 ? Sport.Multisport : first?.Sport ?? Sport.Unknown;
        builder.SubSport = builder.Sport == Sport.Multisport ? null : first?.SubSport;
        if (!state.Multisport && state.Activities > 1)
        {
            builder.Warnings.Add($"{builder.FileName}: the file holds {state.Activities} activities; read them as sessions of one activity");
        }

        builder.DeviceDistanceMeters = state.HasDistance ? state.Distance : null;
        builder.DeviceTimerSeconds = state.HasTimer ? state.Timer : null;
    }

    private static void ReadActivities(XmlReader reader, State state)
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
                case "Activity":
                    ReadActivity(reader, state);
                    break;
                case "MultiSportSession":
                    state.Multisport = true;
                    ReadMultiSport(reader, state);
                    break;
            }
        }
    }

    private static void ReadMultiSport(XmlReader reader, State state)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        while (NextChild(reader, depth))
        {
            if (reader.LocalName is not ("FirstSport" or "NextSport") || reader.IsEmptyElement)
            {
                continue;
            }

            var sportDepth = reader.Depth;
            while (NextChild(reader, sportDepth))
            {
                switch (reader.LocalName)
                {
                    case "Activity":
                        ReadActivity(reader, state);
                        break;
                    case "Transition":
                        var lap = ReadLap(reader, state, recordPoints: false);
                        state.Builder.Sessions.Add(new ActivitySession(
                            Sport.Transition, null, lap.Start, lap.TotalTimeSeconds, lap.TotalTimeSeconds, lap.DistanceMeters, null, null, lap.AverageHeartRate, lap.MaxHeartRate));
                        break;
                }
            }
        }
    }

    private static void ReadActivity(XmlReader reader, State state)
    {
        var builder = state.Builder;
        state.Activities++;
        var (sport, subSport) = ParseSport(reader.GetAttribute("Sport"));
        state.FirstDistanceInActivity = true;
        var firstPoint = builder.Points.Count;
        DateTime? id = null;
        var laps = new List<LapDraft>();
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            while (NextChild(reader, depth))
            {
                switch (reader.LocalName)
                {
                    case "Id":
                        id = Time(Text(reader));
                        break;
                    case "Lap":
                        laps.Add(ReadLap(reader, state, recordPoints: true));
                        break;
                    case "Notes":
                        var notes = Text(reader);
                        builder.Description ??= notes.Length > 0 ? notes : null;
                        break;
                }
            }
        }

        builder.FallbackStart ??= id;
        for (var i = 0; i < laps.Count; i++)
        {
            var lap = laps[i];
            double? elapsed = i + 1 < laps.Count
                ? (laps[i + 1].Start - lap.Start).TotalSeconds
                : lap.LastPointTime is { } last ? (last - lap.Start).TotalSeconds : lap.TotalTimeSeconds;
            if (elapsed < 0)
            {
                elapsed = lap.TotalTimeSeconds;
            }

            builder.Laps.Add(new Lap(lap.Start, elapsed, lap.TotalTimeSeconds, lap.DistanceMeters, lap.AverageHeartRate, lap.MaxHeartRate));
        }

        var start = laps.Count > 0 ? laps[0].Start : id ?? ActivityTimes.None;
        var points = builder.Points.Count - firstPoint;
        double? sessionElapsed = points >= 2
            ? (builder.Points[^1].Time - builder.Points[firstPoint].Time).TotalSeconds
            : null;
        var timer = Sum(laps.Select(l => l.TotalTimeSeconds));
        var distance = Sum(laps.Select(l => l.DistanceMeters));
        var weighted = laps.Where(l => l.AverageHeartRate is not null && l.TotalTimeSeconds > 0).ToList();
        double? averageHeartRate = weighted.Count > 0
            ? weighted.Sum(l => l.AverageHeartRate!.Value * l.TotalTimeSeconds!.Value) / weighted.Sum(l => l.TotalTimeSeconds!.Value)
            : null;
        var maxHeartRate = laps.Max(l => l.MaxHeartRate);
        builder.Sessions.Add(new ActivitySession(sport, subSport, start, sessionElapsed ?? timer, timer, distance, null, null, averageHeartRate, maxHeartRate));
        state.DistanceOffset = state.MaxDistance;
    }

    private static LapDraft ReadLap(XmlReader reader, State state, bool recordPoints)
    {
        var lap = new LapDraft { Start = Time(reader.GetAttribute("StartTime") ?? string.Empty) ?? ActivityTimes.None };
        var tracks = 0;
        if (reader.IsEmptyElement)
        {
            return lap;
        }

        var depth = reader.Depth;
        while (NextChild(reader, depth))
        {
            switch (reader.LocalName)
            {
                case "TotalTimeSeconds":
                    lap.TotalTimeSeconds = NonNegative(Number(Text(reader)));
                    if (recordPoints && lap.TotalTimeSeconds is { } t)
                    {
                        state.HasTimer = true;
                        state.Timer += t;
                    }

                    break;
                case "DistanceMeters":
                    lap.DistanceMeters = NonNegative(Number(Text(reader)));
                    if (recordPoints && lap.DistanceMeters is { } d)
                    {
                        state.HasDistance = true;
                        state.Distance += d;
                    }

                    break;
                case "AverageHeartRateBpm":
                    lap.AverageHeartRate = Positive(ValueChild(reader));
                    break;
                case "MaximumHeartRateBpm":
                    lap.MaxHeartRate = Positive(ValueChild(reader));
                    break;
                case "Track" when recordPoints && !reader.IsEmptyElement:
                    // A lap's first Track carries on from the lap before; a second one in the same lap follows a pause.
                    if (tracks++ > 0)
                    {
                        state.Builder.StartSegment();
                    }

                    var trackDepth = reader.Depth;
                    while (NextChild(reader, trackDepth))
                    {
                        if (reader.LocalName == "Trackpoint")
                        {
                            var point = ReadTrackpoint(reader, state);
                            state.Builder.Points.Add(point);
                            if (point.Time != ActivityTimes.None)
                            {
                                lap.LastPointTime = point.Time;
                            }
                        }
                    }

                    break;
            }
        }

        return lap;
    }

    private static RecordPoint ReadTrackpoint(XmlReader reader, State state)
    {
        var point = RecordPoint.At(ActivityTimes.None);
        if (reader.IsEmptyElement)
        {
            return point;
        }

        var depth = reader.Depth;
        while (NextChild(reader, depth))
        {
            switch (reader.LocalName)
            {
                case "Time":
                    if (Time(Text(reader)) is { } time)
                    {
                        point = point with { Time = time };
                    }

                    break;
                case "Position":
                    point = ReadPosition(reader, point, state.Builder);
                    break;
                case "AltitudeMeters":
                    point = point with { AltitudeMeters = Number(Text(reader)) };
                    break;
                case "DistanceMeters":
                    point = point with { DistanceMeters = OffsetDistance(NonNegativeOrNaN(Number(Text(reader))), state) };
                    break;
                case "HeartRateBpm":
                    point = point with { HeartRate = PositiveOrNaN(ValueChild(reader) ?? double.NaN) };
                    break;
                case "Cadence":
                    point = point with { Cadence = NonNegativeOrNaN(Number(Text(reader))) };
                    break;
                case "Extensions":
                    point = ReadExtensions(reader, point);
                    break;
            }
        }

        return point;
    }

    private static double OffsetDistance(double raw, State state)
    {
        if (double.IsNaN(raw))
        {
            return raw;
        }

        if (state.FirstDistanceInActivity)
        {
            // A later activity that carries on counting from the previous one needs no offset.
            state.FirstDistanceInActivity = false;
            if (raw + 1 >= state.MaxDistance)
            {
                state.DistanceOffset = 0;
            }
        }

        var value = raw + state.DistanceOffset;
        state.MaxDistance = Math.Max(state.MaxDistance, value);
        return value;
    }

    private static RecordPoint ReadPosition(XmlReader reader, RecordPoint point, ActivityBuilder builder)
    {
        var lat = double.NaN;
        var lon = double.NaN;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            while (NextChild(reader, depth))
            {
                switch (reader.LocalName)
                {
                    case "LatitudeDegrees":
                        lat = Number(Text(reader));
                        break;
                    case "LongitudeDegrees":
                        lon = Number(Text(reader));
                        break;
                }
            }
        }

        if (!(lat is >= -90 and <= 90) || !(lon is >= -180 and <= 180))
        {
            builder.BadPositions++;
            return point;
        }

        return point with { Latitude = lat, Longitude = lon };
    }

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

            switch (reader.LocalName)
            {
                case "Speed":
                    point = point with { SpeedMetersPerSecond = NonNegativeOrNaN(Number(Text(reader))) };
                    break;
                case "RunCadence" when double.IsNaN(point.Cadence):
                    point = point with { Cadence = NonNegativeOrNaN(Number(Text(reader))) };
                    break;
                case "Watts":
                    point = point with { PowerWatts = NonNegativeOrNaN(Number(Text(reader))) };
                    break;
            }
        }

        return point;
    }

    /// <summary>The number in a &lt;Value&gt; child (TCX heart rate), leaving the reader on the parent's end tag.</summary>
    private static double? ValueChild(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return null;
        }

        double? value = null;
        var depth = reader.Depth;
        while (NextChild(reader, depth))
        {
            if (reader.LocalName == "Value")
            {
                var number = Number(Text(reader));
                value = double.IsNaN(number) ? null : number;
            }
        }

        return value;
    }

    private static double? Sum(IEnumerable<double?> values)
    {
        double? total = null;
        foreach (var v in values)
        {
            if (v is { } x)
            {
                total = (total ?? 0) + x;
            }
        }

        return total;
    }

    private static double? NonNegative(double value) => value >= 0 ? value : null;

    private static double? Positive(double? value) => value > 0 ? value : null;

    private static double NonNegativeOrNaN(double value) => value >= 0 ? value : double.NaN;

    private static double PositiveOrNaN(double value) => value > 0 ? value : double.NaN;
}

using System.Globalization;
using RunStrong.Domain.Units;

namespace RunStrong.Domain.Activities.Metrics;

/// <summary>
/// One activity's record stream turned, once, into the per-record streams every figure is read from (time, distance,
/// moving or not, altitude), and the figures themselves: the <see cref="Summary"/>, per-km or per-mile
/// <see cref="Splits"/>, the device's <see cref="Laps"/> with what the records add to them, and the <see cref="Route"/>
/// for a map. Pure, O(n log n) in the number of records. The rules, and where each comes from, are in the XML docs
/// of the constants below and in docs/decisions/0021-activity-numbers-with-stated-validity.md.
/// </summary>
public sealed class ActivityAnalysis
{
    /// <summary>An activity needs at least a minute of recording or 100 m of distance; anything less is refused.</summary>
    public const double ShortestActivitySeconds = 60;

    /// <summary>See <see cref="ShortestActivitySeconds"/>.</summary>
    public const double ShortestActivityMeters = 100;

    /// <summary>
    /// The longest stop a best effort may contain, seconds. Like Strava, a best effort is elapsed time (a traffic
    /// light or a shoelace stays in); unlike a plain sliding window, no best effort spans a longer stop, so a café
    /// stop never sits inside a "fastest 5 km".
    /// </summary>
    public const double LongestPauseInBestEffortSeconds = 60;

    /// <summary>A record more than a day after the one before is a clock jump (or two outings in one file): that time is not counted.</summary>
    public const double ClockJumpSeconds = 24 * 3600;

    /// <summary>Whether the runner moves is judged over about this many seconds around each recording interval (GPS and 1 m distance steps are noisy).</summary>
    public const double MovingWindowSeconds = 8;

    /// <summary>Fastest anyone moves on foot, m/s (45 km/h; Bolt's top speed was 12.4 m/s): a faster step in a run or walk is a GPS jump.</summary>
    public const double FastestOnFootMetersPerSecond = 12.5;

    /// <summary>Fastest step believed in any other activity, m/s (126 km/h, beyond any descent on a bike): a faster one is a GPS jump.</summary>
    public const double FastestOtherwiseMetersPerSecond = 35;

    /// <summary>
    /// What a GPS fix may be off by without it being a jump, metres: a step counts as impossible only when it is longer
    /// than the sport's fastest speed times the time taken plus this (a few metres of error on each fix, more under
    /// trees and between buildings).
    /// </summary>
    public const double GpsNoiseMeters = 25;

    /// <summary>A hill sprint is run, not walked: at least this fast, m/s (6:40 /km; brisk walking is about 2 m/s).</summary>
    public const double HillSprintSlowestMetersPerSecond = 2.5;

    /// <summary>A hill sprint climbs at this average grade or steeper: 6 %, the gentlest hill Hudson's programme starts on (domain.md §4).</summary>
    public const double HillSprintSteepestGrade = 0.06;

    /// <summary>
    /// Hill sprints come as repeats (domain.md §4: 8–12 s all-out, walk back down 2–3 min, again): a surge counts only
    /// when another starts within this many seconds of it, after going back down. A lone surge up a rise is not a
    /// hill-sprint session.
    /// </summary>
    public const double HillSprintRepeatWithinSeconds = 360;

    private readonly Activity _activity;
    private readonly int _n;
    private readonly bool _hasTime;
    private readonly bool _hasDistanceStream;
    private readonly DistanceSource _streamSource;
    private readonly double[] _t;
    private readonly double[] _d;
    private readonly double[] _altitudes;
    private readonly bool[] _gap;
    private readonly bool[] _clockBreak;
    private readonly bool[] _moving;
    private readonly double[] _movingSeconds;
    private readonly double[] _heartWeighted;
    private readonly double[] _heartWeights;
    private readonly AltitudeProfile? _profile;
    private readonly bool _footSport;
    private readonly bool _altitudeTrusted;

    private ActivityAnalysis(Activity activity)
    {
        _activity = activity;
        var records = activity.Records;
        _n = records.Count;
        _t = new double[_n];
        _d = new double[_n];
        _gap = new bool[_n];
        _clockBreak = new bool[_n];
        _moving = new bool[_n];
        _altitudes = new double[_n];
        _footSport = IsOnFoot(activity.Sport);
        var notes = new List<MetricNote>();

        _hasTime = activity.TimesRecorded && _n >= 2 && records[0].Time != DateTime.MinValue && records[^1].Time != DateTime.MinValue;
        var (reversals, clockJumps) = TimeStream(records);
        _hasTime &= _n >= 2 && _t[_n - 1] > 0;
        MarkSegments(activity.SegmentStarts, out var segmentStarts);
        var distance = DistanceStream(records, activity.Sport);
        _streamSource = distance.Source;
        _hasDistanceStream = _streamSource != DistanceSource.None && _n > 0 && _d[_n - 1] > 0;
        var computedMoving = MovingStream();
        _movingSeconds = Cumulative(i => _moving[i] ? _t[i] - _t[i - 1] : 0);

        for (var i = 0; i < _n; i++)
        {
            _altitudes[i] = ActivityMetrics.IsPossibleAltitude(records[i].AltitudeMeters) ? records[i].AltitudeMeters : double.NaN;
        }

        var hasAltitude = _altitudes.Count(double.IsFinite) >= 2;
        _profile = hasAltitude && _hasDistanceStream ? AltitudeProfile.Build(_d, _altitudes) : null;
        var (heartWeighted, heartWeights, heartMax, heartOverLimit, heartHighest) = HeartStream(records);
        _heartWeighted = heartWeighted;
        _heartWeights = heartWeights;

        // Totals: the device's when they make sense, else the streams'.
        var streamMoved = _hasDistanceStream;
        var (total, source) = activity.DeviceDistanceMeters is { } device && (device > 0 || (device == 0 && !streamMoved))
            ? (device, DistanceSource.Device)
            : _n > 0 && _streamSource != DistanceSource.None ? (_d[_n - 1], _streamSource) : (0.0, DistanceSource.None);
        var elapsed = Elapsed(activity, notes);
        var movingSeconds = Moving(activity, computedMoving, elapsed, notes);

        if (!_hasTime && _n > 0 && !(activity.DeviceTimerSeconds > 0) && !(activity.DeviceElapsedSeconds > 0))
        {
            notes.Add(new MetricNote("no-times", "No times in this file: only distance and climbing can be worked out (no moving time, pace, best efforts or split times)."));
        }

        if (segmentStarts > 0)
        {
            notes.Add(new MetricNote("segments-not-joined", string.Create(CultureInfo.InvariantCulture,
                $"The file holds {segmentStarts + 1} separate tracks or segments; the {Measure.Distance(distance.SegmentGapMeters, DistanceUnit.Kilometres)} between the end of one and the start of the next was not recorded and is not counted.")));
        }

        if (distance.Jumps > 0)
        {
            notes.Add(new MetricNote("jumps-not-counted", string.Create(CultureInfo.InvariantCulture,
                $"{distance.Jumps} jump(s) between points ({Measure.Distance(distance.JumpMeters, DistanceUnit.Kilometres)} in all) would need more than {distance.CeilingMetersPerSecond * 3.6:0} km/h: GPS errors, left out of the distance.")));
        }

        if (reversals + clockJumps > 0)
        {
            notes.Add(new MetricNote("clock-jumps-not-counted",
                $"The recording's clock jumps {(reversals > 0 ? "back" : "")}{(reversals > 0 && clockJumps > 0 ? " and " : "")}{(clockJumps > 0 ? "forward by more than a day" : "")} ({reversals + clockJumps} time(s)); that time is not counted."));
        }

        // Elevation: 3 m hysteresis (GoldenCheetah, domain.md §7), piece by piece so a gap between tracks is no climb.
        ElevationChange? elevation = null;
        if (hasAltitude)
        {
            double up = 0, down = 0;
            foreach (var (a, b) in Pieces(stopsSplit: false))
            {
                var change = Elevation.GainWithHysteresis(new ArraySegment<double>(_altitudes, a, b - a + 1));
                up += change.AscentMeters;
                down += change.DescentMeters;
            }

            elevation = new ElevationChange(up, down);
        }

        var ascentRate = _hasTime && hasAltitude ? FastestSustainedAscent() : 0;
        _altitudeTrusted = ascentRate <= Plausibility.MaxAscentMetersPerSecond;
        if (!_altitudeTrusted)
        {
            notes.Add(new MetricNote("ascent-faster-than-vertical-km-record", string.Create(CultureInfo.InvariantCulture,
                $"The altitude climbs at {ascentRate * 3600:#,0} m an hour for five minutes or more, faster than the vertical-kilometre record (1,000 m in 27:21, about 2,190 m an hour): the altitude data is wrong (or a lift carried you). Climbing is shown as recorded but not trusted; grade-adjusted pace and hill sprints are not worked out, and the activity feeds no best efforts or predictions."),
                Implausible: true));
        }

        double? averagePace = _hasTime && total > 0 && movingSeconds > 0 ? movingSeconds / (total / 1000) : null;

        // Grade-adjusted pace (Minetti 2002) for activities on foot, over the moving intervals.
        double? averageGap = null;
        double hillySeconds = 0;
        if (_profile is not null && _hasTime)
        {
            double plain = 0, adjusted = 0, clamped = 0;
            for (var i = 1; i < _n; i++)
            {
                if (!_moving[i])
                {
                    continue;
                }

                var step = _d[i] - _d[i - 1];
                var grade = _profile.GradeAt((_d[i] + _d[i - 1]) / 2);
                plain += step;
                adjusted += step * GradeAdjustedPace.Factor(grade);
                if (Math.Abs(grade) > GradeAdjustedPace.MaxGrade)
                {
                    clamped += step;
                }

                if (grade >= ActivityMetrics.HillyGrade && step > 0)
                {
                    hillySeconds += _t[i] - _t[i - 1];
                }
            }

            if (_footSport && _altitudeTrusted && averagePace is { } pace && plain > 0 && adjusted > 0)
            {
                averageGap = pace * plain / adjusted;
                if (clamped > 0)
                {
                    notes.Add(new MetricNote("grade-clamped", string.Create(CultureInfo.InvariantCulture,
                        $"{100 * clamped / plain:0.#} % of the distance is steeper than ±45 %, the steepest grade Minetti et al. (2002) measured: grade-adjusted pace counts it as ±45 %.")));
                }
            }
        }

        var bestEfforts = new List<BestEffort>();
        if (_hasTime && _hasDistanceStream && activity.Sport is Sport.Running or Sport.Unknown)
        {
            var pieces = Pieces(stopsSplit: true);
            foreach (var target in BestEfforts.StandardDistancesMeters)
            {
                double? fastest = null;
                foreach (var (a, b) in pieces)
                {
                    if (b > a && BestEfforts.Fastest(new ArraySegment<double>(_t, a, b - a + 1), new ArraySegment<double>(_d, a, b - a + 1), target) is { } seconds)
                    {
                        fastest = Math.Min(fastest ?? double.MaxValue, seconds);
                    }
                }

                if (fastest is { } best)
                {
                    bestEfforts.Add(new BestEffort(target, best));
                }
            }
        }

        if (_footSport && WorldRecordBroken(total, movingSeconds, bestEfforts) is { } broken)
        {
            averageGap = null;
            notes.Add(new MetricNote("pace-faster-than-world-record",
                $"{broken} is faster than anyone has run it: the activity was not on foot, or its distance or times are wrong (a GPS jump). It feeds no best efforts or predictions.",
                Implausible: true));
        }

        if (heartOverLimit > 0)
        {
            notes.Add(new MetricNote("heart-rate-above-250", string.Create(CultureInfo.InvariantCulture,
                $"Heart rate above {Plausibility.MaxHeartRate:0} bpm recorded ({heartOverLimit} sample(s), up to {heartHighest:0}): a sensor error. Those samples are left out of the heart-rate figures, and the activity feeds no best efforts or predictions."),
                Implausible: true));
        }

        var hillSprints = activity.Sport == Sport.Running && _profile is not null && _hasTime && _altitudeTrusted
            ? HillSprints()
            : [];
        var (averageHeartRate, maxHeartRate) = heartWeights.Length > 0 && heartWeights[^1] > 0
            ? (heartWeighted[^1] / heartWeights[^1], heartMax)
            : SummaryHeartRate(activity);
        var plausible = notes.All(n => !n.Implausible);
        Summary = new ActivitySummary(
            total,
            source,
            elapsed,
            movingSeconds,
            elevation?.AscentMeters,
            elevation?.DescentMeters,
            averagePace,
            averageGap,
            _profile?.Climbs() ?? [],
            hillSprints,
            plausible ? bestEfforts : [],
            averageHeartRate,
            maxHeartRate,
            _altitudeTrusted ? hillySeconds / 60 : 0)
        {
            HasTimes = _hasTime,
            Notes = notes,
        };
    }

    /// <summary>The activity this analysis is of.</summary>
    public Activity Activity => _activity;

    /// <summary>Seconds from the first record, per record (0 throughout without times; clock jumps add nothing).</summary>
    public IReadOnlyList<double> Seconds => _t;

    /// <summary>Cumulative distance per record, metres, as every figure counts it (gaps and jumps not counted).</summary>
    public IReadOnlyList<double> Meters => _d;

    /// <summary>The activity's figures (see <see cref="ActivityMetrics.Summarise"/>).</summary>
    public ActivitySummary Summary { get; }

    /// <summary>Analyses an activity's record stream.</summary>
    public static ActivityAnalysis Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new ActivityAnalysis(activity);
    }

    /// <summary>Running, walking and hiking, and activities whose sport the file does not say (most bare GPX tracks).</summary>
    public static bool IsOnFoot(Sport sport) => sport is Sport.Running or Sport.Walking or Sport.Hiking or Sport.Unknown;

    /// <summary>
    /// Why this is not an activity, or null when it is: a file with fewer than two points and no lap or session
    /// totals, or one that lasts under a minute and covers under 100 m (a truncated file, a watch started by mistake).
    /// </summary>
    public string? WhyNotAnActivity()
    {
        var summary = Summary;
        var totals = _activity.Sessions.Any(s => s.ElapsedSeconds > 0 || s.DistanceMeters > 0) || _activity.Laps.Any(l => l.ElapsedSeconds > 0 || l.DistanceMeters > 0);
        if (_n < 2 && !totals && _activity.StrengthSets.Count == 0)
        {
            return _n == 1 ? "it holds a single point, not an activity" : "it holds no points, laps or sessions, not an activity";
        }

        if (summary.ElapsedSeconds < ShortestActivitySeconds && summary.DistanceMeters < ShortestActivityMeters && _activity.StrengthSets.Count == 0)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"too short to be an activity: {(summary.ElapsedSeconds > 0 ? $"{summary.ElapsedSeconds:0} s" : "no time")} and {summary.DistanceMeters:0} m (RunStrong keeps activities of at least a minute or {ShortestActivityMeters:0} m)");
        }

        return null;
    }

    /// <summary>
    /// Splits of one kilometre or one mile along the distance stream, the last one partial (under 10 m left over go
    /// into the split before):
    /// moving time, pace, grade-adjusted pace (on foot), time-weighted heart rate and the change of the smoothed
    /// altitude from the split's start to its end. Empty when the activity has no distance stream.
    /// </summary>
    public IReadOnlyList<Split> Splits(DistanceUnit unit)
    {
        if (!_hasDistanceStream)
        {
            return [];
        }

        var length = Measure.MetresPer(unit);
        var start = _d[0];
        var end = _d[_n - 1];
        var (plain, adjusted) = GradeStreams();
        var splits = new List<Split>();
        for (var k = 0; start + k * length < end - 10 || (k == 0 && end > start); k++)
        {
            var from = start + k * length;
            var to = Math.Min(end, from + length);
            if (end - to < 10)
            {
                // A few metres left over belong to the last split, not a split of their own.
                to = end;
            }

            double? moving = _hasTime ? At(_movingSeconds, to) - At(_movingSeconds, from) : null;
            double? elapsed = _hasTime ? At(_t, to) - At(_t, from) : null;
            var meters = to - from;
            double? pace = moving > 0 ? moving / (meters / 1000) : null;
            double? gap = null;
            if (pace is { } p && _footSport && _altitudeTrusted && _profile is not null && Summary.Notes.All(n => n.Code != "pace-faster-than-world-record"))
            {
                var plainMeters = At(plain, to) - At(plain, from);
                var adjustedMeters = At(adjusted, to) - At(adjusted, from);
                gap = plainMeters > 0 && adjustedMeters > 0 ? p * plainMeters / adjustedMeters : null;
            }

            var weights = At(_heartWeights, to) - At(_heartWeights, from);
            double? heart = weights > 0 ? (At(_heartWeighted, to) - At(_heartWeighted, from)) / weights : null;
            double? climb = _profile is not null ? _profile.AltitudeAt(to) - _profile.AltitudeAt(from) : null;
            splits.Add(new Split(k + 1, from - start, meters, moving, elapsed, pace, gap, heart, climb));
        }

        return splits;
    }

    /// <summary>
    /// The laps the device recorded (FIT lap messages, TCX Lap elements; GPX has none), each with the device's time,
    /// distance and heart rate where it gave them, and from the records in the lap: grade-adjusted pace (on foot) and
    /// the change of the smoothed altitude.
    /// </summary>
    public IReadOnlyList<LapView> Laps()
    {
        var laps = _activity.Laps;
        var views = new List<LapView>(laps.Count);
        var start = _n > 0 && _hasTime ? _activity.Records[0].Time : _activity.StartTime;
        var (plain, adjusted) = GradeStreams();
        for (var k = 0; k < laps.Count; k++)
        {
            var lap = laps[k];
            var lapEnd = lap.ElapsedSeconds is > 0 and var e ? lap.StartTime.AddSeconds(e)
                : k + 1 < laps.Count ? laps[k + 1].StartTime : DateTime.MaxValue;
            var (a, b) = _hasTime ? RecordRange(lap.StartTime, lapEnd) : (-1, -1);
            var inRecords = a >= 0 && b > a;
            double? distance = lap.DistanceMeters ?? (inRecords && _hasDistanceStream ? _d[b] - _d[a] : null);
            double? moving = lap.TimerSeconds ?? (inRecords ? _movingSeconds[b] - _movingSeconds[a] : null);
            double? pace = distance > 0 && moving > 0 ? moving / (distance.Value / 1000) : null;
            double? gap = null;
            if (pace is { } p && inRecords && _footSport && _altitudeTrusted && _profile is not null && Summary.Notes.All(n => n.Code != "pace-faster-than-world-record"))
            {
                var plainMeters = plain[b] - plain[a];
                var adjustedMeters = adjusted[b] - adjusted[a];
                gap = plainMeters > 0 && adjustedMeters > 0 ? p * plainMeters / adjustedMeters : null;
            }

            double? heart = lap.AverageHeartRate;
            double? maxHeart = lap.MaxHeartRate;
            if (inRecords && heart is null && _heartWeights[b] - _heartWeights[a] > 0)
            {
                heart = (_heartWeighted[b] - _heartWeighted[a]) / (_heartWeights[b] - _heartWeights[a]);
            }

            if (heart > Plausibility.MaxHeartRate)
            {
                heart = null;
            }

            if (maxHeart > Plausibility.MaxHeartRate)
            {
                maxHeart = null;
            }

            double? climb = inRecords && _profile is not null ? _profile.AltitudeAt(_d[b]) - _profile.AltitudeAt(_d[a]) : null;
            var offset = _hasTime && lap.StartTime != DateTime.MinValue ? Math.Max(0, (lap.StartTime - start).TotalSeconds) : (double?)null;
            views.Add(new LapView(k + 1, offset, lap.ElapsedSeconds, moving, distance, pace, gap, heart, maxHeart, climb));
        }

        return views;
    }

    /// <summary>
    /// The route as the runner covered it: one list of points per stretch that was recorded without a break (a gap
    /// between tracks, a GPS jump or a clock jump starts a new stretch), thinned to about <paramref name="maxPoints"/>
    /// points in all by distance, each with its distance from the start (metres, on the activity's distance stream).
    /// Empty without positions.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<RoutePoint>> Route(int maxPoints = 1200)
    {
        var records = _activity.Records;
        var positioned = 0;
        foreach (var r in records)
        {
            if (r.HasPosition)
            {
                positioned++;
            }
        }

        if (positioned < 2)
        {
            return [];
        }

        var step = _hasDistanceStream ? (_d[_n - 1] - _d[0]) / Math.Max(10, maxPoints) : 0;
        var every = _hasDistanceStream ? 1 : Math.Max(1, positioned / Math.Max(10, maxPoints));
        var stretches = new List<IReadOnlyList<RoutePoint>>();
        List<RoutePoint>? current = null;
        var seen = 0;
        for (var i = 0; i < _n; i++)
        {
            if (_gap[i] && current is { Count: > 0 })
            {
                stretches.Add(current);
                current = null;
            }

            var r = records[i];
            if (!r.HasPosition)
            {
                continue;
            }

            current ??= [];
            var isLast = i == _n - 1 || (i + 1 < _n && _gap[i + 1]);
            var keep = current.Count == 0 || isLast
                || (_hasDistanceStream ? _d[i] - current[^1].Meters >= step : seen % every == 0);
            seen++;
            if (keep)
            {
                current.Add(new RoutePoint(r.Latitude, r.Longitude, _d[i]));
            }
        }

        if (current is { Count: > 0 })
        {
            stretches.Add(current);
        }

        return stretches.Where(s => s.Count >= 2).ToList();
    }

    // ---- Streams ---------------------------------------------------------------------------------------------------

    /// <summary>Seconds from the first record; a step back in time or forward by more than a day adds nothing and breaks the stream.</summary>
    private (int Reversals, int ClockJumps) TimeStream(IReadOnlyList<RecordPoint> records)
    {
        int reversals = 0, jumps = 0;
        if (!_hasTime)
        {
            return (0, 0);
        }

        for (var i = 1; i < _n; i++)
        {
            var dt = (records[i].Time - records[i - 1].Time).TotalSeconds;
            if (dt < 0)
            {
                reversals++;
                _gap[i] = _clockBreak[i] = true;
                dt = 0;
            }
            else if (dt > ClockJumpSeconds)
            {
                jumps++;
                _gap[i] = _clockBreak[i] = true;
                dt = 0;
            }

            _t[i] = _t[i - 1] + dt;
        }

        return (reversals, jumps);
    }

    private void MarkSegments(IReadOnlyList<int> starts, out int count)
    {
        count = 0;
        foreach (var s in starts)
        {
            if (s > 0 && s < _n && !_gap[s])
            {
                _gap[s] = true;
                count++;
            }
        }
    }

    private sealed record DistanceResult(DistanceSource Source, int Jumps, double JumpMeters, double SegmentGapMeters, double CeilingMetersPerSecond);

    /// <summary>
    /// Cumulative distance per record: the device's distance stream when at least two records carry one (gaps filled
    /// by interpolation, kept non-decreasing), else the haversine sum over positions that never crosses a break
    /// (segment boundary, clock jump) and leaves out steps faster than the sport allows.
    /// </summary>
    private DistanceResult DistanceStream(IReadOnlyList<RecordPoint> records, Sport sport)
    {
        var ceiling = IsOnFoot(sport) && sport != Sport.Unknown ? FastestOnFootMetersPerSecond : FastestOtherwiseMetersPerSecond;
        var withDistance = 0;
        var withPosition = 0;
        foreach (var r in records)
        {
            if (double.IsFinite(r.DistanceMeters))
            {
                withDistance++;
            }

            if (r.HasPosition)
            {
                withPosition++;
            }
        }

        if (withDistance >= 2)
        {
            for (var i = 0; i < _n; i++)
            {
                _d[i] = records[i].DistanceMeters;
            }

            FillGaps(_d);
            for (var i = 1; i < _n; i++)
            {
                _d[i] = Math.Max(_d[i], _d[i - 1]);
            }

            return new DistanceResult(DistanceSource.Device, 0, 0, 0, ceiling);
        }

        if (withPosition < 2)
        {
            return new DistanceResult(DistanceSource.None, 0, 0, 0, ceiling);
        }

        int jumps = 0, last = -1, beforeLast = -1;
        double jumpMeters = 0, gapMeters = 0;
        var crossing = false;
        bool Impossible(int from, int to, double meters) =>
            _hasTime && meters > ceiling * Math.Max(0, _t[to] - _t[from]) + GpsNoiseMeters;
        double Step(int from, int to) =>
            Geodesy.HaversineMeters(records[from].Latitude, records[from].Longitude, records[to].Latitude, records[to].Longitude);
        for (var i = 0; i < _n; i++)
        {
            _d[i] = i > 0 ? _d[i - 1] : 0;
            crossing |= _gap[i];
            if (!records[i].HasPosition)
            {
                continue;
            }

            if (last >= 0)
            {
                var step = Step(last, i);
                if (crossing)
                {
                    gapMeters += step;
                    beforeLast = -1;
                }
                else if (Impossible(last, i, step))
                {
                    // A spike (one point off the track, the way from the point before it to this one possible) loses
                    // only that point; otherwise the runner teleported: the step is not counted and a new stretch starts.
                    var bridge = beforeLast >= 0 ? Step(beforeLast, i) : double.NaN;
                    if (beforeLast >= 0 && !Impossible(beforeLast, i, bridge))
                    {
                        // The spike point gets the share of the bridge its time gives it, so no step is faster than the bridge.
                        var spike = _d[last] - _d[beforeLast];
                        var span = _t[i] - _t[beforeLast];
                        var share = span > 0 ? (_t[last] - _t[beforeLast]) / span : 0;
                        for (var k = last; k < i; k++)
                        {
                            _d[k] = _d[beforeLast] + bridge * share;
                        }

                        _d[i] = _d[beforeLast] + bridge;
                        jumps++;
                        jumpMeters += spike + step - bridge;
                        last = i;
                        continue;
                    }

                    jumps++;
                    jumpMeters += step;
                    _gap[i] = true;
                    beforeLast = -1;
                    last = i;
                    crossing = false;
                    continue;
                }
                else
                {
                    _d[i] += step;
                }
            }

            beforeLast = crossing ? -1 : last;
            last = i;
            crossing = false;
        }

        return new DistanceResult(DistanceSource.Geodesic, jumps, jumpMeters, gapMeters, ceiling);
    }

    /// <summary>
    /// Which intervals (i−1 → i) count as moving: not a break, and at <see cref="ActivityMetrics.MovingSpeedThresholdMetersPerSecond"/>
    /// or faster over about half of <see cref="MovingWindowSeconds"/> on each side of the interval (all unbroken intervals when there is
    /// no distance at all, e.g. an indoor session with heart rate only). Returns the moving seconds.
    /// </summary>
    private double MovingStream()
    {
        if (!_hasTime)
        {
            return 0;
        }

        var pieceStart = new int[_n];
        var pieceEnd = new int[_n];
        for (var i = 0; i < _n; i++)
        {
            pieceStart[i] = i == 0 || _gap[i] ? i : pieceStart[i - 1];
        }

        for (var i = _n - 1; i >= 0; i--)
        {
            pieceEnd[i] = i == _n - 1 || _gap[i + 1] ? i : pieceEnd[i + 1];
        }

        double total = 0;
        var half = MovingWindowSeconds / 2;
        for (var i = 1; i < _n; i++)
        {
            var dt = _t[i] - _t[i - 1];
            if (_gap[i] || dt <= 0)
            {
                continue;
            }

            if (!_hasDistanceStream)
            {
                _moving[i] = true;
            }
            else
            {
                var lo = i - 1;
                while (lo > pieceStart[i] && _t[i - 1] - _t[lo - 1] <= half)
                {
                    lo--;
                }

                var hi = i;
                while (hi < pieceEnd[i] && _t[hi + 1] - _t[i] <= half)
                {
                    hi++;
                }

                // Moving on both sides: the half window up to the interval's end and the half window from its start.
                // An isolated zero step in a slow walk (1 m distance steps) moves on both sides; the first second of a
                // stop does not.
                var threshold = ActivityMetrics.MovingSpeedThresholdMetersPerSecond;
                var back = _t[i] - _t[lo];
                var ahead = _t[hi] - _t[i - 1];
                _moving[i] = back > 0 && ahead > 0
                    && (_d[i] - _d[lo]) / back >= threshold
                    && (_d[hi] - _d[i - 1]) / ahead >= threshold;
            }

            if (_moving[i])
            {
                total += dt;
            }
        }

        return total;
    }

    private double Elapsed(Activity activity, List<MetricNote> notes)
    {
        var device = activity.DeviceElapsedSeconds is { } e && e >= 0 ? e : (double?)null;
        if (!_hasTime)
        {
            return device ?? 0;
        }

        // The device's figure wins unless the records contradict it: shorter than they last, or longer by more than a
        // day (a clock jump inside the session). Longer by less is fine: a file cut short keeps its device totals.
        var span = _t[_n - 1];
        var tolerance = Math.Max(60, 0.05 * span);
        if (device is { } d && d >= span - tolerance && d <= span + ClockJumpSeconds)
        {
            return d;
        }

        if (device is { } implausible)
        {
            notes.Add(new MetricNote("device-elapsed-not-used",
                $"The device says the activity lasted {Measure.Duration(implausible)}, which its records do not bear out ({Measure.Duration(span)} from the first to the last, without clock jumps): elapsed time is taken from the records."));
        }

        return span;
    }

    private static double Moving(Activity activity, double computed, double elapsed, List<MetricNote> notes)
    {
        if (activity.DeviceTimerSeconds is not { } timer)
        {
            return computed;
        }

        // A timer longer than the elapsed time (the device's own, or the records') is not a timer anyone can trust.
        var tolerance = Math.Max(5, 0.01 * elapsed);
        if ((timer > elapsed + tolerance && elapsed > 0) || timer > activity.DeviceElapsedSeconds + tolerance)
        {
            notes.Add(new MetricNote("device-timer-not-used",
                $"The device's timer ({Measure.Duration(timer)}) is longer than the elapsed time ({Measure.Duration(Math.Min(elapsed, activity.DeviceElapsedSeconds ?? elapsed))}): moving time is worked out from the records instead."));
            return computed;
        }

        return timer > 0 || computed == 0 ? timer : computed;
    }

    /// <summary>
    /// Cumulative heart-rate sums for time-weighted means, leaving out impossible samples: entry k holds the samples
    /// before record k (so records a..b hold samples a..b−1), entry n all of them. A sample weighs the time to the next
    /// one, capped at 30 s so pauses do not dominate.
    /// </summary>
    private (double[] Weighted, double[] Weights, double? Max, int OverLimit, double Highest) HeartStream(IReadOnlyList<RecordPoint> records)
    {
        var weighted = new double[_n + 1];
        var weights = new double[_n + 1];
        double? max = null;
        var over = 0;
        double highest = 0;
        for (var i = 0; i < _n; i++)
        {
            weighted[i + 1] = weighted[i];
            weights[i + 1] = weights[i];
            var hr = records[i].HeartRate;
            if (!double.IsFinite(hr) || !(hr > 0))
            {
                continue;
            }

            if (hr > Plausibility.MaxHeartRate)
            {
                over++;
                highest = Math.Max(highest, hr);
                continue;
            }

            var weight = 1.0;
            if (_hasTime)
            {
                var next = i + 1 < _n ? _t[i + 1] - _t[i] : i > 0 ? _t[i] - _t[i - 1] : 1;
                weight = Math.Clamp(next, 0, 30);
            }

            weighted[i + 1] += hr * weight;
            weights[i + 1] += weight;
            max = max is null ? hr : Math.Max(max.Value, hr);
        }

        if (weights[_n] == 0 && max is { } only)
        {
            // Samples with no time between them: a plain mean.
            double sum = 0;
            var count = 0;
            foreach (var r in records)
            {
                if (r.HeartRate is > 0 and <= Plausibility.MaxHeartRate)
                {
                    sum += r.HeartRate;
                    count++;
                }
            }

            weighted[_n] = count > 0 ? sum / count : only;
            weights[_n] = 1;
        }

        return (weighted, weights, max, over, highest);
    }

    /// <summary>No usable heart rate in the stream: what the sessions or laps said (impossible values left out).</summary>
    private static (double? Average, double? Max) SummaryHeartRate(Activity activity)
    {
        var sessions = activity.Sessions.Where(s => s.AverageHeartRate is > 0 and <= Plausibility.MaxHeartRate).ToList();
        double? average = sessions.Count == 0 ? null
            : sessions.Sum(s => s.AverageHeartRate!.Value * (s.TimerSeconds ?? 1)) / sessions.Sum(s => s.TimerSeconds ?? 1);
        var max = activity.Sessions.Select(s => s.MaxHeartRate).Concat(activity.Laps.Select(l => l.MaxHeartRate))
            .Where(h => h is > 0 and <= Plausibility.MaxHeartRate).Max();
        return (average, max);
    }

    private double[] Cumulative(Func<int, double> step)
    {
        var sums = new double[_n];
        for (var i = 1; i < _n; i++)
        {
            sums[i] = sums[i - 1] + step(i);
        }

        return sums;
    }

    /// <summary>Cumulative plain and grade-adjusted metres over moving intervals (for activities on foot with a profile).</summary>
    private (double[] Plain, double[] Adjusted) GradeStreams()
    {
        if (_profile is null)
        {
            return (new double[_n], new double[_n]);
        }

        var profile = _profile;
        var plain = Cumulative(i => _moving[i] ? _d[i] - _d[i - 1] : 0);
        var adjusted = Cumulative(i => _moving[i] ? (_d[i] - _d[i - 1]) * GradeAdjustedPace.Factor(profile.GradeAt((_d[i] + _d[i - 1]) / 2)) : 0);
        return (plain, adjusted);
    }

    /// <summary>A per-record cumulative value at a distance along the stream, interpolated in the interval where the distance is reached.</summary>
    private double At(double[] values, double meters)
    {
        var lo = 0;
        var hi = _n - 1;
        if (meters <= _d[0])
        {
            return values[0];
        }

        if (meters >= _d[hi])
        {
            return values[hi];
        }

        while (hi - lo > 1)
        {
            var mid = (lo + hi) / 2;
            if (_d[mid] < meters)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        var span = _d[hi] - _d[lo];
        var f = span > 0 ? (meters - _d[lo]) / span : 1;
        return values[lo] + (values[hi] - values[lo]) * f;
    }

    /// <summary>Records from the first at or after <paramref name="from"/> to the last before <paramref name="to"/>; (−1, −1) when none.</summary>
    private (int From, int To) RecordRange(DateTime from, DateTime to)
    {
        var records = _activity.Records;
        var a = -1;
        var b = -1;
        for (var i = 0; i < _n; i++)
        {
            var time = records[i].Time;
            if (time >= from && time < to)
            {
                if (a < 0)
                {
                    a = i;
                }

                b = i;
            }
            else if (a >= 0 && time >= to)
            {
                break;
            }
        }

        // The lap ends where the next begins: include the record that closes it.
        if (b >= 0 && b + 1 < _n && !_gap[b + 1])
        {
            b++;
        }

        return (a, b);
    }

    /// <summary>
    /// Stretches of records [a, b]: without <paramref name="stopsSplit"/>, recorded without a break (segment gap, GPS
    /// jump, clock jump); with it, for best efforts, cut at clock jumps and at every stop (not moving, or not recorded)
    /// longer than <see cref="LongestPauseInBestEffortSeconds"/>.
    /// </summary>
    private List<(int From, int To)> Pieces(bool stopsSplit)
    {
        var pieces = new List<(int, int)>();
        if (_n == 0)
        {
            return pieces;
        }

        var start = 0;
        var stopFrom = -1;
        double stopped = 0;
        for (var i = 1; i < _n; i++)
        {
            // A gap between tracks (or a GPS jump) is not covered, so it is stopped time: a best effort may bridge a
            // short one. Across a clock jump the time is unknown: nothing bridges it.
            if (stopsSplit ? _clockBreak[i] : _gap[i])
            {
                pieces.Add((start, i - 1));
                start = i;
                stopFrom = -1;
                stopped = 0;
                continue;
            }

            if (!stopsSplit)
            {
                continue;
            }

            if (!_moving[i])
            {
                if (stopFrom < 0)
                {
                    stopFrom = i - 1;
                    stopped = 0;
                }

                stopped += _t[i] - _t[i - 1];
                continue;
            }

            if (stopFrom >= 0 && stopped > LongestPauseInBestEffortSeconds)
            {
                pieces.Add((start, stopFrom));
                start = i - 1;
            }

            stopFrom = -1;
        }

        pieces.Add((start, stopsSplit && stopFrom >= 0 && stopped > LongestPauseInBestEffortSeconds ? stopFrom : _n - 1));
        return pieces.Where(p => p.Item2 >= p.Item1).ToList();
    }

    /// <summary>
    /// The fastest climbing rate held for <see cref="Plausibility.AscentWindowSeconds"/> or more, metres per second:
    /// altitude gained (3 m hysteresis, piece by piece) over windows of at least that long.
    /// </summary>
    private double FastestSustainedAscent()
    {
        var ascent = new double[_n];
        var reference = double.NaN;
        for (var i = 0; i < _n; i++)
        {
            ascent[i] = i > 0 ? ascent[i - 1] : 0;
            if (_gap[i])
            {
                reference = double.NaN;
            }

            var altitude = _altitudes[i];
            if (!double.IsFinite(altitude))
            {
                continue;
            }

            if (double.IsNaN(reference))
            {
                reference = altitude;
            }
            else if (altitude > reference + Elevation.DefaultHysteresisMeters)
            {
                ascent[i] += altitude - reference;
                reference = altitude;
            }
            else if (altitude < reference - Elevation.DefaultHysteresisMeters)
            {
                reference = altitude;
            }
        }

        double fastest = 0;
        var j = 0;
        for (var i = 1; i < _n; i++)
        {
            while (j + 1 < i && _t[i] - _t[j + 1] >= Plausibility.AscentWindowSeconds)
            {
                j++;
            }

            var span = _t[i] - _t[j];
            if (span >= Plausibility.AscentWindowSeconds)
            {
                fastest = Math.Max(fastest, (ascent[i] - ascent[j]) / span);
            }
        }

        return fastest;
    }

    /// <summary>What beats the world record on foot, in words, or null: the whole activity (moving time) or one of its best efforts.</summary>
    private static string? WorldRecordBroken(double meters, double movingSeconds, IReadOnlyList<BestEffort> efforts)
    {
        foreach (var effort in efforts)
        {
            if (Plausibility.IsFasterThanWorldRecord(effort.DistanceMeters, effort.Seconds))
            {
                return $"Its fastest {BestEfforts.Name(effort.DistanceMeters)} in {Measure.Duration(effort.Seconds)} (world record {Measure.Duration(Plausibility.WorldRecordSeconds(effort.DistanceMeters))})";
            }
        }

        if (meters >= ShortestActivityMeters && movingSeconds > 0 && Plausibility.IsFasterThanWorldRecord(meters, movingSeconds))
        {
            return $"{Measure.Distance(meters, DistanceUnit.Kilometres)} in {Measure.Duration(movingSeconds)} of moving time (world record about {Measure.Duration(Plausibility.WorldRecordSeconds(meters))})";
        }

        return null;
    }

    private List<HillSprint> HillSprints()
    {
        var speed = new double[_n];
        var speeds = new List<double>(_n);
        for (var i = 1; i < _n; i++)
        {
            if (_t[i] > _t[i - 1] && !_gap[i])
            {
                speed[i] = (_d[i] - _d[i - 1]) / (_t[i] - _t[i - 1]);
            }

            if (_moving[i] && _t[i] > _t[i - 1])
            {
                speeds.Add(speed[i]);
            }
        }

        var surges = new List<(HillSprint Sprint, double Bottom, double Top)>();
        if (speeds.Count < 10)
        {
            return [];
        }

        speeds.Sort();
        var fastSpeed = Math.Max(
            HillSprintSlowestMetersPerSecond,
            Math.Max(
                ActivityMetrics.HillSprintSpeedRatio * speeds[speeds.Count / 2],
                speeds[(int)Math.Min(speeds.Count - 1, Math.Floor(ActivityMetrics.HillSprintSpeedPercentile * speeds.Count))]));
        bool IsFast(int i) => i > 0 && i < _n && !_gap[i] && _t[i] > _t[i - 1] && speed[i] >= fastSpeed;

        // Runs of consecutive fast intervals; one slow interval of at most 2 s between fast ones is bridged (GPS noise).
        var i0 = -1;
        var lastFast = -1;
        for (var i = 1; i <= _n; i++)
        {
            if (IsFast(i))
            {
                if (i0 < 0)
                {
                    i0 = i - 1;
                }

                lastFast = i;
                continue;
            }

            if (i0 >= 0 && i == lastFast + 1 && i < _n && _t[i] - _t[i - 1] <= 2 && IsFast(i + 1))
            {
                continue;
            }

            if (i0 >= 0)
            {
                var duration = _t[lastFast] - _t[i0];
                var length = _d[lastFast] - _d[i0];
                if (duration is >= 6 and <= 30 && length > 0 && length / duration >= HillSprintSlowestMetersPerSecond)
                {
                    // Recorded altitudes (3-sample means at each end), not the 50 m profile: a sprint is about as
                    // long as the smoothing window, and the walk back down would flatten it.
                    var bottom = MeanAround(_altitudes, i0);
                    var top = MeanAround(_altitudes, lastFast);
                    var grade = (top - bottom) / length;
                    if (grade >= HillSprintSteepestGrade)
                    {
                        surges.Add((new HillSprint(_t[i0], duration, length, grade, length / duration), bottom, top));
                    }
                }

                i0 = -1;
            }
        }

        // Only repeats count: two surges back to back, the second starting within HillSprintRepeatWithinSeconds of the
        // first after going back down at least half the first one's gain (the walk down between reps). Surges on one
        // long climb, each starting higher than the last ended, are not hill sprints.
        bool BackToBack(int k) =>
            k + 1 < surges.Count
            && surges[k + 1].Sprint.StartSeconds - surges[k].Sprint.StartSeconds <= HillSprintRepeatWithinSeconds
            && surges[k + 1].Bottom <= surges[k].Top - (surges[k].Top - surges[k].Bottom) / 2;
        return surges.Where((_, k) => BackToBack(k) || (k > 0 && BackToBack(k - 1))).Select(s => s.Sprint).ToList();
    }

    private static double MeanAround(double[] values, int index)
    {
        double sum = 0;
        var count = 0;
        for (var i = Math.Max(0, index - 1); i <= Math.Min(values.Length - 1, index + 1); i++)
        {
            if (double.IsFinite(values[i]))
            {
                sum += values[i];
                count++;
            }
        }

        return count > 0 ? sum / count : double.NaN;
    }

    /// <summary>Replaces NaN by linear interpolation (by index) between finite neighbours; ends take the nearest value.</summary>
    private static void FillGaps(double[] values)
    {
        var previous = -1;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                continue;
            }

            if (previous < 0)
            {
                for (var k = 0; k < i; k++)
                {
                    values[k] = values[i];
                }
            }
            else if (i - previous > 1)
            {
                for (var k = previous + 1; k < i; k++)
                {
                    values[k] = values[previous] + (values[i] - values[previous]) * (k - previous) / (i - previous);
                }
            }

            previous = i;
        }

        for (var k = previous + 1; k < values.Length && previous >= 0; k++)
        {
            values[k] = values[previous];
        }
    }
}

/// <summary>One kilometre or mile of an activity (the last one may be shorter).</summary>
/// <param name="Number">1 for the first.</param>
/// <param name="StartMeters">Where it starts, metres from the start of the distance stream.</param>
/// <param name="DistanceMeters">Its length, metres (a full unit; the last may be shorter, or up to 10 m longer).</param>
/// <param name="MovingSeconds">Moving time in it, seconds; null without times.</param>
/// <param name="ElapsedSeconds">Elapsed time in it (stops included), seconds; null without times.</param>
/// <param name="PaceSecondsPerKm">Moving time over its distance, s/km.</param>
/// <param name="GradeAdjustedPaceSecondsPerKm">Flat-equivalent pace (Minetti 2002), s/km; null off foot or without altitude.</param>
/// <param name="AverageHeartRate">Time-weighted, beats per minute.</param>
/// <param name="ElevationChangeMeters">Smoothed altitude at its end minus at its start, metres.</param>
public sealed record Split(
    int Number,
    double StartMeters,
    double DistanceMeters,
    double? MovingSeconds,
    double? ElapsedSeconds,
    double? PaceSecondsPerKm,
    double? GradeAdjustedPaceSecondsPerKm,
    double? AverageHeartRate,
    double? ElevationChangeMeters);

/// <summary>A lap the device recorded, with what its records add.</summary>
/// <param name="Number">1 for the first.</param>
/// <param name="StartSeconds">Seconds from the start of the activity; null without times.</param>
/// <param name="ElapsedSeconds">The lap's elapsed time as the device recorded it, seconds.</param>
/// <param name="MovingSeconds">The device's timer for the lap (else the moving time of its records), seconds.</param>
/// <param name="DistanceMeters">The device's distance for the lap (else the records'), metres.</param>
/// <param name="PaceSecondsPerKm">Moving time over distance, s/km.</param>
/// <param name="GradeAdjustedPaceSecondsPerKm">Flat-equivalent pace (Minetti 2002) from the lap's records, s/km.</param>
/// <param name="AverageHeartRate">The device's lap average (else the records'), beats per minute.</param>
/// <param name="MaxHeartRate">The device's lap maximum, beats per minute.</param>
/// <param name="ElevationChangeMeters">Smoothed altitude at the lap's end minus at its start, metres.</param>
public sealed record LapView(
    int Number,
    double? StartSeconds,
    double? ElapsedSeconds,
    double? MovingSeconds,
    double? DistanceMeters,
    double? PaceSecondsPerKm,
    double? GradeAdjustedPaceSecondsPerKm,
    double? AverageHeartRate,
    double? MaxHeartRate,
    double? ElevationChangeMeters);

/// <summary>A point of the route: where, and how far from the start (metres, on the activity's distance stream).</summary>
public sealed record RoutePoint(double Latitude, double Longitude, double Meters);

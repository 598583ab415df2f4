using System.Globalization;
using RunStrong.Domain.Prediction;
using RunStrong.Domain.Units;
using UnitOfDistance = RunStrong.Domain.Units.DistanceUnit;

namespace RunStrong.Domain.Planning;

/// <summary>
/// Targets for the runner's own runs: a duration, an effort and, from the best recent result, Daniels' training paces
/// (<see cref="TrainingPaces"/>: Daniels 2014; VDOT from Daniels &amp; Gilbert 1979, domain.md §5). The runs stay where the
/// runner put them: a target never moves, adds or drops a run. Durations are RunStrong's judgement for the race distance
/// (docs/decisions/0020): easy runs 30–45 min (35–50 for a half, 40–60 for a marathon), long runs 60–75 min for a 10k (45–60
/// for a 5k, 75–100 for a half, 90–150 for a marathon), quality runs 45–60 min with warm-up and cool-down (50–70 for a half
/// or a marathon), and half of that in the taper (<see cref="TaperVolume"/>; Bosquet 2007: cut volume by 41–60 %, keep
/// intensity and frequency, domain.md §2). The hard part of a
/// quality run: threshold in base, intervals in build and peak (a half or a marathon: longer threshold, then race pace).
/// The best result is the one with the highest VDOT among those from the 12 months before the plan (undated ones count);
/// a VDOT outside Daniels' tables (30–85) gives efforts without paces.
/// </summary>
public sealed class RunTargets
{
    /// <summary>
    /// The share of a run's duration kept in the taper: a 50 % cut, the middle of the 41–60 % Bosquet 2007 found best
    /// (domain.md §2). The runs stay (frequency kept) and their efforts too (intensity kept).
    /// </summary>
    public const double TaperVolume = 0.5;

    /// <summary>Results older than this before the plan's start are not used for paces.</summary>
    public const int ResultMaxAgeDays = 365;

    private const string EasyEffort = "easy: you could hold a conversation (RPE 3–4)";
    private const string LongEffort = "easy and steady, conversational all the way (RPE 3–5)";
    private const string ThresholdEffort = "comfortably hard: a few words at a time (RPE 6–7)";
    private const string IntervalEffort = "hard but controlled, about your 3–5 km race effort (RPE 8)";

    private readonly UnitOfDistance _unit;
    private readonly double? _raceMetres;

    /// <summary>Targets for <paramref name="profile"/>'s runs in a plan starting on <paramref name="start"/>.</summary>
    public RunTargets(RunnerProfile profile, DateOnly start)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _unit = profile.Distances;
        _raceMetres = profile.Race?.DistanceMetres;
        (Vdot, Basis, Notes) = ChooseResult(profile, start);
    }

    /// <summary>The VDOT the paces come from; null without a usable recent result.</summary>
    public double? Vdot { get; }

    /// <summary>The result the paces come from, in words: "your 5k in 24:30 (VDOT 39.9)"; null without one.</summary>
    public string? Basis { get; }

    /// <summary>Why a result was not used, in words, for the plan's warnings.</summary>
    public IReadOnlyList<string> Notes { get; }

    private bool LongRace => _raceMetres is > 15_000;

    /// <summary>The target for a run of <paramref name="type"/> in a week of <paramref name="phase"/>; null for a rest day.</summary>
    /// <param name="goalRace">True on race day.</param>
    public RunTarget? For(PlannedRunType type, TrainingPhase phase, bool goalRace)
    {
        var taper = phase == TrainingPhase.Taper;
        return type switch
        {
            PlannedRunType.Easy => Timed(taper, LongRace ? _raceMetres >= 40_000 ? (40, 60) : (35, 50) : (30, 45), EasyEffort, Easy()),
            PlannedRunType.Long => Timed(taper, LongRunMinutes(), LongEffort, Easy()),
            PlannedRunType.Quality => Quality(phase),
            PlannedRunType.Race when goalRace => RaceDay(),
            PlannedRunType.Race => new RunTarget { Effort = "race effort: your weekly race, run as you planned it" },
            _ => null,
        };
    }

    private (int, int) LongRunMinutes() => _raceMetres switch
    {
        null => (60, 75),
        <= 5_000 => (45, 60),
        <= 10_000 => (60, 75),
        <= 25_000 => (75, 100),
        _ => (90, 150),
    };

    private RunTarget Timed(bool taper, (int Min, int Max) minutes, string effort, PaceRange? pace, string? workout = null) =>
        new()
        {
            MinutesMin = taper ? RoundTo5(minutes.Min * TaperVolume) : minutes.Min,
            MinutesMax = taper ? RoundTo5(minutes.Max * TaperVolume) : minutes.Max,
            Effort = effort,
            Workout = workout,
            Pace = pace is { } p ? Range(p) : null,
            PaceFastSecondsPerKm = pace is { } f ? Math.Round(f.Fast, 1) : null,
            PaceSlowSecondsPerKm = pace is { } sl ? Math.Round(sl.Slow, 1) : null,
        };

    /// <summary>"5:36–6:11 /km": one unit for the pair.</summary>
    private string Range(PaceRange pace)
    {
        var fast = Measure.Pace(pace.Fast, _unit);
        var slow = Measure.Pace(pace.Slow, _unit);
        return fast == Measure.Missing || slow == Measure.Missing ? Measure.Missing : fast[..fast.IndexOf(' ', StringComparison.Ordinal)] + "–" + slow;
    }

    private RunTarget Quality(TrainingPhase phase)
    {
        var minutes = LongRace ? (50, 70) : (45, 60);
        var taper = phase == TrainingPhase.Taper;
        if (taper)
        {
            return Timed(taper, minutes, IntervalEffort, Interval(),
                "3 × 3 min at interval pace, 2–3 min jog between: sharp, not tiring");
        }

        if (phase == TrainingPhase.Base || (LongRace && phase == TrainingPhase.Build))
        {
            return Timed(taper, minutes, ThresholdEffort, Threshold(),
                phase == TrainingPhase.Base
                    ? "20 min at threshold pace in 2–4 repeats, 1–2 min jog between"
                    : "2 × 15 min at threshold pace, 3 min jog between");
        }

        if (LongRace && phase == TrainingPhase.Peak && RacePace() is { } racePace)
        {
            return Timed(taper, minutes, "race pace: the effort you plan to hold on race day", racePace,
                "30–40 min at your goal race pace, in 2–3 blocks");
        }

        return Timed(taper, minutes, IntervalEffort, Interval(), "5 × 3 min at interval pace, 2–3 min jog between");
    }

    private RunTarget RaceDay()
    {
        if (Vdot is not { } vdot || _raceMetres is not { } metres)
        {
            return new RunTarget { Effort = "race: start steady, even pace, finish strong" };
        }

        var distance = RaceDistance.FromMetres(metres);
        var time = DanielsGilbert.Predict(vdot, distance);
        var perKm = time.TotalSeconds / distance.Kilometres;
        return new RunTarget
        {
            Effort = "race: start steady, even pace, finish strong",
            FinishTime = RacePredictor.Format(time, RacePredictor.DisplayPrecision(distance)),
            Pace = Measure.Pace(perKm, _unit),
            PaceFastSecondsPerKm = Math.Round(perKm, 1),
            PaceSlowSecondsPerKm = Math.Round(perKm, 1),
        };
    }

    private PaceRange? Easy() => Vdot is { } v ? TrainingPaces.Easy(v) : null;

    private PaceRange? Threshold() => Vdot is { } v ? TrainingPaces.Threshold(v) : null;

    private PaceRange? Interval() => Vdot is { } v ? TrainingPaces.Interval(v) : null;

    /// <summary>The goal race's pace from the VDOT, give or take 2 %: Daniels' M pace for a marathon.</summary>
    private PaceRange? RacePace()
    {
        if (Vdot is not { } vdot || _raceMetres is not { } metres)
        {
            return null;
        }

        var distance = RaceDistance.FromMetres(metres);
        var perKm = DanielsGilbert.Predict(vdot, distance).TotalSeconds / distance.Kilometres;
        return new PaceRange(perKm * 0.98, perKm * 1.02);
    }

    private static int RoundTo5(double minutes) => Math.Max(15, (int)Math.Round(minutes / 5, MidpointRounding.AwayFromZero) * 5);

    private static (double? Vdot, string? Basis, IReadOnlyList<string> Notes) ChooseResult(RunnerProfile profile, DateOnly start)
    {
        var notes = new List<string>();
        var unit = profile.Distances;
        var usable = new List<(RaceResult Result, double Vdot)>();
        foreach (var result in profile.RecentResults)
        {
            var what = $"{Words(result.DistanceMetres, unit)} in {Time(result.Time)}";
            if (result.Date is { } date && date < start.AddDays(-ResultMaxAgeDays))
            {
                notes.Add($"Your {what} is from {date:yyyy-MM-dd}, more than a year before the plan: not used for run paces.");
                continue;
            }

            if (result.DistanceMetres is < 1500 or > 50_000 || result.Time.TotalMinutes < 3.5)
            {
                notes.Add($"Your {what} is outside the distances Daniels' tables cover (1500 m to the marathon): not used for run paces.");
                continue;
            }

            var vdot = DanielsGilbert.Vdot(RaceDistance.FromMetres(result.DistanceMetres), RaceTime.FromTimeSpan(result.Time));
            if (!TrainingPaces.IsCovered(vdot))
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Your {what} gives a VDOT of {vdot:0}, outside the {TrainingPaces.MinVdot:0}–{TrainingPaces.MaxVdot:0} that Daniels' pace tables cover: the runs give efforts, not paces."));
                continue;
            }

            usable.Add((result, vdot));
        }

        if (usable.Count == 0)
        {
            return (null, null, notes);
        }

        var best = usable.MaxBy(u => u.Vdot);
        var basis = string.Create(CultureInfo.InvariantCulture,
            $"your {Words(best.Result.DistanceMetres, unit)} in {Time(best.Result.Time)} (VDOT {best.Vdot:0.0})");
        return (best.Vdot, basis, notes);
    }

    private static string Words(double metres, UnitOfDistance unit) => metres switch
    {
        21_097.5 => "half marathon",
        42_195 => "marathon",
        _ when metres % 1000 == 0 => string.Create(CultureInfo.InvariantCulture, $"{metres / 1000:0}k"),
        _ => Measure.Distance(metres, unit, 1),
    };

    private static string Time(TimeSpan time) => Measure.Duration(time.TotalSeconds);
}

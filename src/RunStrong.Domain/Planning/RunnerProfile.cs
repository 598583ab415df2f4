using RunStrong.Domain.Catalogue;

namespace RunStrong.Domain.Planning;

/// <summary>How much strength training a runner has done; sets the first rung of each ladder (domain.md §2, ACSM 2009).</summary>
public enum StrengthExperience
{
    /// <summary>Never or hardly ever: start with bodyweight.</summary>
    None,
    /// <summary>Some: start with a loop band where the runner has one.</summary>
    Some,
    /// <summary>Trains regularly: start on the heaviest rung the runner's equipment allows.</summary>
    Regular,
}

/// <summary>What a day of the runner's usual week holds. Written kebab-case (<c>quality</c>).</summary>
public enum PlannedRunType
{
    Rest,
    Easy,
    /// <summary>Intervals, tempo, threshold: a hard run (the "hard day" of "hard days hard").</summary>
    Quality,
    Long,
    /// <summary>A race: the goal race on race day, or a weekly race (a parkrun) in the usual week.</summary>
    Race,
}

public enum DistanceUnit
{
    Km,
    Mi,
}

public enum WeightUnit
{
    Kg,
    Lb,
}

/// <summary>
/// Hills within reach of the runner's runs, the wizard's question "Hills within reach of your runs? yes / only a treadmill /
/// none". Every runner whose week has runs gets hill sprints (Hudson 2008, domain.md §4); this only says where. Written
/// kebab-case: <c>yes</c>, <c>treadmill</c>, <c>none</c>.
/// </summary>
public enum HillAccess
{
    /// <summary>A hill of 6–8 % near the runner's easy runs: sprints uphill, walk down.</summary>
    Yes,
    /// <summary>Only a treadmill: sprints at 6–8 % incline.</summary>
    Treadmill,
    /// <summary>No hill and no treadmill: sprints up stairs or a short steep ramp.</summary>
    None,
}

/// <summary>
/// A recent set of a lift the runner told the wizard ("hip thrust 8 x 40 kg"): it sets the rung the plan starts that
/// exercise on and its starting load (see <see cref="StartingLoads"/>).
/// </summary>
public sealed record RecentLift
{
    /// <summary>The exercise's slug (<c>hip-thrust</c>).</summary>
    public required string Exercise { get; init; }

    /// <summary>The rung's slug (<c>barbell</c>); null for the exercise's first loaded rung the runner can do.</summary>
    public string? Variant { get; init; }

    /// <summary>Reps in the set, 1–20.</summary>
    public required int Reps { get; init; }

    /// <summary>The load lifted (per hand for dumbbells).</summary>
    public required Training.Mass Load { get; init; }
}

/// <summary>The goal race: distance in metres and date.</summary>
public sealed record GoalRace
{
    /// <summary>Race distance, metres (10k = 10 000, half = 21 097.5, marathon = 42 195).</summary>
    public required double DistanceMetres { get; init; }

    public required DateOnly Date { get; init; }

    public string? Name { get; init; }
}

/// <summary>A recent race or time trial: the plan's run paces come from the best one (Daniels' training paces, <see cref="RunTargets"/>).</summary>
public sealed record RaceResult
{
    /// <summary>Distance, metres.</summary>
    public required double DistanceMetres { get; init; }

    public required TimeSpan Time { get; init; }

    public DateOnly? Date { get; init; }
}

/// <summary>The runner's usual week: one <see cref="PlannedRunType"/> per weekday.</summary>
public sealed class RunningWeek
{
    private readonly PlannedRunType[] _days = new PlannedRunType[7];

    /// <summary>A week from weekday -> run type; weekdays left out are rest days.</summary>
    public RunningWeek(IReadOnlyDictionary<DayOfWeek, PlannedRunType> days)
    {
        foreach (var (day, type) in days)
        {
            _days[(int)day] = type;
        }
    }

    /// <summary>A week from Monday to Sunday.</summary>
    public static RunningWeek FromMonday(PlannedRunType mon, PlannedRunType tue, PlannedRunType wed, PlannedRunType thu, PlannedRunType fri, PlannedRunType sat, PlannedRunType sun) =>
        new(new Dictionary<DayOfWeek, PlannedRunType>
        {
            [DayOfWeek.Monday] = mon,
            [DayOfWeek.Tuesday] = tue,
            [DayOfWeek.Wednesday] = wed,
            [DayOfWeek.Thursday] = thu,
            [DayOfWeek.Friday] = fri,
            [DayOfWeek.Saturday] = sat,
            [DayOfWeek.Sunday] = sun,
        });

    public PlannedRunType this[DayOfWeek day] => _days[(int)day];

    /// <summary>True when at least one day holds a run.</summary>
    public bool HasRunning => _days.Any(d => d != PlannedRunType.Rest);

    public override string ToString() =>
        string.Join(", ", Weekdays.MondayFirst.Select(d => $"{Weekdays.Short(d)} {Kebab.Name(this[d])}"));
}

/// <summary>
/// What the plan generator needs to know about a runner. Build one in code, or parse JSON with
/// <see cref="RunnerProfileJson.Parse"/>; check it with <see cref="Validate"/> before generating a plan.
/// </summary>
public sealed record RunnerProfile
{
    public StrengthExperience Experience { get; init; } = StrengthExperience.None;

    /// <summary>
    /// Equipment the runner listed. <see cref="Catalogue.Equipment.None"/> (bodyweight) is always available; a gym adds
    /// <see cref="GymEquipment"/> (see <see cref="AvailableEquipment"/>). A bench at home can be a sturdy sofa or chair: the
    /// wizard asks, it does not assume.
    /// </summary>
    public IReadOnlyList<Equipment> Equipment { get; init; } = [Catalogue.Equipment.None];

    /// <summary>Places the runner trains. <see cref="Location.Gym"/> implies <see cref="GymEquipment"/>.</summary>
    public IReadOnlyList<Location> Locations { get; init; } = [Location.Home];

    /// <summary>What the runner's gym lacks of <see cref="GymEquipment"/> (the boxes they unticked).</summary>
    public IReadOnlyList<Equipment> GymLacks { get; init; } = [];

    /// <summary>Where the hill sprints happen: a hill (default), a treadmill, or stairs or a ramp.</summary>
    public HillAccess Hills { get; init; } = HillAccess.Yes;

    /// <summary>
    /// Recent sets the runner gave for their starting loads; an empty list means "never lifted weights", null means not
    /// said (then a runner new to strength work starts with the lightest implement, others choose their load).
    /// </summary>
    public IReadOnlyList<RecentLift>? Lifts { get; init; }

    public required RunningWeek Week { get; init; }

    /// <summary>Preferred strength days; used when legal under "hard days hard", refused with a warning otherwise.</summary>
    public IReadOnlyList<DayOfWeek> StrengthDays { get; init; } = [];

    /// <summary>The goal race; null for a plan of <see cref="Weeks"/> weeks.</summary>
    public GoalRace? Race { get; init; }

    /// <summary>Plan length in weeks when there is no race, 1–52; default 12 (domain.md §2: programmes of 6–20 weeks, Eihara 2022: >= 10 weeks work best).</summary>
    public int Weeks { get; init; } = 12;

    /// <summary>First day of the plan; null means today.</summary>
    public DateOnly? Start { get; init; }

    public IReadOnlyList<RaceResult> RecentResults { get; init; } = [];

    /// <summary>Areas sore or in pain now: exercises that load them start one rung easier (domain.md §3 regression).</summary>
    public IReadOnlyList<Muscle> Soreness { get; init; } = [];

    public DistanceUnit DistanceUnit { get; init; } = DistanceUnit.Km;

    public WeightUnit WeightUnit { get; init; } = WeightUnit.Kg;

    /// <summary>Longest plan RunStrong writes, weeks.</summary>
    public const int MaxWeeks = 52;

    /// <summary>
    /// What "gym" means unless the runner unticks it: a barbell (with plates), a bench, dumbbells and a cable station
    /// (RunStrong's judgement of what any gym has).
    /// </summary>
    public static IReadOnlyList<Equipment> GymEquipment { get; } =
        [Catalogue.Equipment.Barbell, Catalogue.Equipment.Bench, Catalogue.Equipment.Dumbbell, Catalogue.Equipment.Cable];

    /// <summary>The gym equipment assumed beyond what the runner listed (empty without a gym).</summary>
    public IReadOnlyList<Equipment> AssumedAtGym =>
        Locations.Contains(Location.Gym)
            ? GymEquipment.Where(e => !GymLacks.Contains(e) && !Equipment.Contains(e)).ToArray()
            : [];

    /// <summary>Everything the runner can use: bodyweight, what they listed, and the gym's assumed kit.</summary>
    public IReadOnlyList<Equipment> AvailableEquipment =>
        [.. new[] { Catalogue.Equipment.None }.Concat(Equipment).Concat(AssumedAtGym).Distinct()];

    /// <summary>True when the runner has <paramref name="item"/> (bodyweight always; a gym's kit unless unticked).</summary>
    public bool Has(Equipment item) => item == Catalogue.Equipment.None || Equipment.Contains(item) || AssumedAtGym.Contains(item);

    /// <summary>The runner's unit for loads.</summary>
    public Training.MassUnit MassUnit => WeightUnit == WeightUnit.Lb ? Training.MassUnit.Pounds : Training.MassUnit.Kilograms;

    /// <summary>The runner's unit for distances and paces.</summary>
    public Units.DistanceUnit Distances => DistanceUnit == DistanceUnit.Mi ? Units.DistanceUnit.Miles : Units.DistanceUnit.Kilometres;

    /// <summary>The plan's first day: <see cref="Start"/> or, without one, today.</summary>
    public DateOnly StartOr(DateOnly today) => Start ?? today;

    /// <summary>
    /// Checks what only the whole profile can tell: a week with running, a race after the start and not in the past,
    /// a plan length in range. Each error names its field. <paramref name="today"/> comes from the caller's clock.
    /// </summary>
    public IReadOnlyList<ProfileError> Validate(DateOnly today)
    {
        var errors = new List<ProfileError>();
        var start = StartOr(today);
        if (!Week.HasRunning)
        {
            errors.Add(new("week", "no running day; at least one day must be easy, quality, long or race"));
        }

        if (Race is { } race)
        {
            if (race.Date < start)
            {
                errors.Add(new("race.date", $"{Dates.Iso(race.Date)} is before the plan's start {Dates.Iso(start)}"));
            }
            else if (race.Date < today)
            {
                errors.Add(new("race.date", $"{Dates.Iso(race.Date)} is in the past (today is {Dates.Iso(today)})"));
            }
            else if (race.Date.DayNumber - Dates.Monday(start).DayNumber >= MaxWeeks * 7)
            {
                errors.Add(new("race.date", $"{Dates.Iso(race.Date)} is more than {MaxWeeks} weeks after the plan's start {Dates.Iso(start)}; start the plan later"));
            }

            if (race.DistanceMetres is <= 0 or > 500_000 || double.IsNaN(race.DistanceMetres))
            {
                errors.Add(new("race.distance", $"{race.DistanceMetres} m is not a race distance; expected 5k, 10k, half, marathon or metres up to 500000"));
            }
        }
        else if (Weeks is < 1 or > MaxWeeks)
        {
            errors.Add(new("weeks", $"{Weeks} is out of range; expected 1 to {MaxWeeks}"));
        }

        return errors;
    }
}

/// <summary>A problem with a profile, naming the field (<c>equipment[1]</c>, <c>race.date</c>) and what is wrong.</summary>
public sealed record ProfileError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>Weekday names and Monday-first order, for messages and JSON.</summary>
public static class Weekdays
{
    public static IReadOnlyList<DayOfWeek> MondayFirst { get; } =
    [
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
        DayOfWeek.Saturday, DayOfWeek.Sunday,
    ];

    /// <summary>Three-letter lower-case key: <c>mon</c>.</summary>
    public static string Key(DayOfWeek day) => day.ToString()[..3].ToLowerInvariant();

    /// <summary>Three-letter name: <c>Mon</c>.</summary>
    public static string Short(DayOfWeek day) => day.ToString()[..3];

    /// <summary>Parses <c>mon</c>, <c>monday</c>, <c>Mon</c>; false otherwise.</summary>
    public static bool TryParse(string? text, out DayOfWeek day)
    {
        day = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim();
        foreach (var candidate in MondayFirst)
        {
            if (t.Equals(Key(candidate), StringComparison.OrdinalIgnoreCase) || t.Equals(candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                day = candidate;
                return true;
            }
        }

        return false;
    }
}

/// <summary>Date helpers shared by profile validation and the generator.</summary>
internal static class Dates
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The Monday on or before <paramref name="date"/>.</summary>
    public static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}

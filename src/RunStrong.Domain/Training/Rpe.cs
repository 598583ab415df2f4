using System.Globalization;

namespace RunStrong.Domain.Training;

/// <summary>
/// Rating of perceived exertion for a set, on the repetitions-in-reserve scale of Zourdos et al. (2016):
/// RPE 10 = 0 reps in reserve (RIR), 9 = 1, 8 = 2, 7 = 3; half points (8.5) mean "maybe one more, maybe two".
/// Range 1–10. Below 7 the scale is coarse ("4–6 reps in reserve" at 5–6) and people misjudge RIR by 2–3 reps far from
/// failure (Hackett 2017, Steele 2017): trust the number most near failure.
/// </summary>
public readonly record struct Rpe : IComparable<Rpe>
{
    private Rpe(double value) => Value = value;

    /// <summary>The rating, 1–10 in steps of 0.5.</summary>
    public double Value { get; }

    /// <summary>Reps in reserve, <c>10 − RPE</c> (Zourdos 2016); 0 at RPE 10.</summary>
    public double RepsInReserve => 10 - Value;

    /// <summary>True at RPE 10: no rep left, a set taken to failure.</summary>
    public bool IsMaximal => Value >= 10;

    /// <summary>An RPE from 1 to 10, in steps of 0.5.</summary>
    public static Rpe FromRating(double rating)
    {
        Guard.Between(rating, 1, 10, "RPE");
        return Math.Abs((rating * 2) - Math.Round(rating * 2)) < 1e-9
            ? new Rpe(rating)
            : throw new DomainValueException(Guard.Text($"RPE must be a whole or half number (7, 7.5, 8), got {rating}"));
    }

    /// <summary>The RPE for a number of reps in reserve: 0 -> 10, 1 -> 9, 2 -> 8, 3 -> 7 (Zourdos 2016); 0–9.</summary>
    public static Rpe FromRepsInReserve(int repsInReserve) => new(10 - Guard.Between(repsInReserve, 0, 9, "reps in reserve"));

    public int CompareTo(Rpe other) => Value.CompareTo(other.Value);

    public static bool operator <(Rpe left, Rpe right) => left.Value < right.Value;

    public static bool operator >(Rpe left, Rpe right) => left.Value > right.Value;

    public static bool operator <=(Rpe left, Rpe right) => left.Value <= right.Value;

    public static bool operator >=(Rpe left, Rpe right) => left.Value >= right.Value;

    public override string ToString() => "RPE " + Value.ToString("0.#", CultureInfo.InvariantCulture);
}

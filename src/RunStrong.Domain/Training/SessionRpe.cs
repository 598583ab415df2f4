using System.Globalization;

namespace RunStrong.Domain.Training;

/// <summary>
/// Session RPE (Foster 2001): how hard a whole run or strength session felt, on the CR-10 scale from 1 to 10; times the
/// minutes it is the session's load (../shared/domain.md). Every path that stores one (the log, corrections, an imported
/// export) checks it here.
/// </summary>
public static class SessionRpe
{
    public const double Lowest = 1;

    public const double Highest = 10;

    /// <summary>True from 1 to 10 (not NaN).</summary>
    public static bool IsValid(double rating) => rating is >= Lowest and <= Highest;

    /// <summary>"RPE must be between 1 and 10, got 12" for a rating off the scale (<paramref name="name"/> first); null for none or a valid one.</summary>
    public static string? Problem(double? rating, string name) =>
        rating is { } r && !IsValid(r)
            ? string.Create(CultureInfo.InvariantCulture, $"{name} must be between {Lowest} and {Highest}, got {r}")
            : null;
}

namespace RunStrong.Domain.Training;

/// <summary>What kind of run it was.</summary>
public enum RunType
{
    Easy,
    Quality,
    Long,
    Race,
    Hills,
}

/// <summary>A run as done (or, for the long-run check, as planned).</summary>
public sealed record LoggedRun
{
    /// <param name="date">The day of the run.</param>
    /// <param name="distanceMetres">Metres, more than 0.</param>
    /// <param name="duration">Moving time, more than 0.</param>
    /// <param name="type">Easy, quality, long, race or hills.</param>
    /// <param name="rpe">Session RPE, CR-10 scale (1–10), when given.</param>
    /// <param name="averageHeartRate">Beats per minute, 30–250, when recorded.</param>
    /// <param name="timeOnHills">Time spent on grades of 4 % or more (domain.md §4), when known; at most the duration.</param>
    public LoggedRun(
        DateOnly date,
        double distanceMetres,
        TimeSpan duration,
        RunType type,
        double? rpe = null,
        double? averageHeartRate = null,
        TimeSpan? timeOnHills = null)
    {
        Date = date;
        DistanceMetres = Guard.Positive(distanceMetres, "distance in metres");
        Duration = Guard.Positive(duration, "duration");
        Type = Guard.Defined(type, "run type");
        Rpe = rpe is { } r ? Guard.Between(r, SessionRpe.Lowest, SessionRpe.Highest, "RPE") : null;
        AverageHeartRate = averageHeartRate is { } hr ? Guard.Between(hr, 30, 250, "average heart rate") : null;
        if (timeOnHills is { } hills && (hills < TimeSpan.Zero || hills > duration))
        {
            throw new DomainValueException($"time on hills must be between 0 and the run's duration {duration}, got {hills}");
        }

        TimeOnHills = timeOnHills;
    }

    public DateOnly Date { get; }

    public double DistanceMetres { get; }

    public TimeSpan Duration { get; }

    public RunType Type { get; }

    /// <summary>CR-10 session RPE, 1–10.</summary>
    public double? Rpe { get; }

    /// <summary>Beats per minute.</summary>
    public double? AverageHeartRate { get; }

    /// <summary>Time on grades of 4 % or more.</summary>
    public TimeSpan? TimeOnHills { get; }
}

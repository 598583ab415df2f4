namespace RunStrong.Domain.Training;

/// <summary>A strength session as done: the sets of every exercise, in the order done.</summary>
public sealed record LoggedStrengthSession
{
    /// <param name="date">The day of the session (the runner's calendar day).</param>
    /// <param name="sets">At least one set.</param>
    /// <param name="plannedSessionId">The planned session this carried out, if any.</param>
    /// <param name="notes">Free text.</param>
    /// <param name="duration">How long the session took, for session-RPE load (Foster 2001).</param>
    /// <param name="sessionRpe">How hard the whole session felt, CR-10 (1–10), for session-RPE load.</param>
    /// <param name="isDeload">True for a session of a deload week: progression looks past it.</param>
    public LoggedStrengthSession(
        DateOnly date,
        IEnumerable<LoggedSet> sets,
        Guid? plannedSessionId = null,
        string? notes = null,
        TimeSpan? duration = null,
        double? sessionRpe = null,
        bool isDeload = false)
    {
        Date = date;
        Sets = [.. sets ?? throw new DomainValueException("sets must not be missing")];
        if (Sets.Count == 0)
        {
            throw new DomainValueException("a strength session needs at least one set, got 0");
        }

        PlannedSessionId = plannedSessionId;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        Duration = duration is { } d ? Guard.Positive(d, "duration") : null;
        SessionRpe = sessionRpe is { } r ? Guard.Between(r, Training.SessionRpe.Lowest, Training.SessionRpe.Highest, "session RPE") : null;
        IsDeload = isDeload;
    }

    public DateOnly Date { get; }

    public IReadOnlyList<LoggedSet> Sets { get; }

    public Guid? PlannedSessionId { get; }

    public string? Notes { get; }

    public TimeSpan? Duration { get; }

    /// <summary>CR-10 session RPE, 1–10.</summary>
    public double? SessionRpe { get; }

    public bool IsDeload { get; }

    /// <summary>The sets of one exercise, in order.</summary>
    public IReadOnlyList<LoggedSet> SetsOf(string exerciseSlug) =>
        Sets.Where(s => string.Equals(s.ExerciseSlug, exerciseSlug, StringComparison.OrdinalIgnoreCase)).ToArray();
}

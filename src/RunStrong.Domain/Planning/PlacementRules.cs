namespace RunStrong.Domain.Planning;

/// <summary>
/// Where strength and hill sprints may go, as the generator places them ("hard days hard", domain.md §2, built on Doma &amp;
/// Deakin 2013 and Robineau 2016; Hudson 2008 for hill sprints): one home for the rules, used by <see cref="PlanGenerator"/>
/// when it writes a plan and by <see cref="PlanFollowing"/> when it offers a missed strength session later in its week.
/// <c>runOn</c> arguments give the run planned on a day (<see cref="PlannedRunType.Rest"/> when none).
/// </summary>
public static class PlacementRules
{
    /// <summary>A long run, quality run or race: the days nothing heavy may come the day before.</summary>
    public static bool IsHard(PlannedRunType type) => type is PlannedRunType.Quality or PlannedRunType.Long or PlannedRunType.Race;

    /// <summary>Nothing heavy in the last <see cref="PlanGenerator.NoHeavyDaysBeforeRace"/> days before the race, nor on race day.</summary>
    public static bool Blocked(DateOnly date, DateOnly? race) => race is { } r && date >= r.AddDays(-PlanGenerator.NoHeavyDaysBeforeRace);

    /// <summary>"Hard days hard": strength never within 24 h before a long run, quality run or race.</summary>
    public static bool LegalForStrength(DateOnly date, Func<DateOnly, PlannedRunType> runOn)
    {
        ArgumentNullException.ThrowIfNull(runOn);
        return !IsHard(runOn(date.AddDays(1)));
    }

    /// <summary>
    /// Hill sprints go after an easy run, never the day before a long run, quality run or race, nor in the last days before
    /// the race, nor on a strength day or the day after one (<paramref name="isStrengthDay"/>).
    /// </summary>
    public static bool LegalForHills(DateOnly date, Func<DateOnly, PlannedRunType> runOn, DateOnly? race, Func<DateOnly, bool> isStrengthDay)
    {
        ArgumentNullException.ThrowIfNull(runOn);
        ArgumentNullException.ThrowIfNull(isStrengthDay);
        return runOn(date) == PlannedRunType.Easy && !IsHard(runOn(date.AddDays(1))) && !Blocked(date, race)
            && !isStrengthDay(date) && !isStrengthDay(date.AddDays(-1));
    }

    /// <summary>
    /// A day a strength session may move to in a written plan: legal for strength (<see cref="LegalForStrength"/>), not
    /// blocked by the race, and keeping the plan's hill sprints legal (none that day or the next, as <see cref="LegalForHills"/>
    /// requires). <paramref name="isStrengthDay"/> says which days already hold strength (one session a day).
    /// </summary>
    public static bool LegalForMovedStrength(
        DateOnly date, Func<DateOnly, PlannedRunType> runOn, DateOnly? race, Func<DateOnly, bool> isStrengthDay, Func<DateOnly, bool> isHillDay)
    {
        ArgumentNullException.ThrowIfNull(isStrengthDay);
        ArgumentNullException.ThrowIfNull(isHillDay);
        return LegalForStrength(date, runOn) && !Blocked(date, race) && !isStrengthDay(date) && !isHillDay(date) && !isHillDay(date.AddDays(1));
    }
}

namespace RunStrong.Features.Coaching;

/// <summary>How much of a runner's training a coach's account may touch.</summary>
public static class CoachAccess
{
    /// <summary>The coach reads the runner's plans and log.</summary>
    public const string Read = "read";

    /// <summary>The coach also changes the runner's plans (their profile, and so the plan); never the log.</summary>
    public const string EditPlans = "edit-plans";

    public static string Of(bool canEditPlans) => canEditPlans ? EditPlans : Read;
}

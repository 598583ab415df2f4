namespace RunStrong.Domain.Insights;

/// <summary>What a suggestion is about.</summary>
public enum SuggestionKind
{
    /// <summary>Recurring calf soreness with little hip-extension work: try glute and hamstring work.</summary>
    AddHipExtensionWork,
    /// <summary>An area was sore after a session that loaded it: go easier on that exercise next time.</summary>
    BackOffExercise,
    /// <summary>Planned sessions are being missed more often: try a shorter session.</summary>
    ShorterSession,
    /// <summary>Pain has lasted: see a professional.</summary>
    SeeAProfessional,
}

/// <summary>
/// A suggestion, never a diagnosis: <see cref="Text"/> is what to try, <see cref="Reason"/> what in the runner's log led to it.
/// </summary>
/// <param name="Subject">What the suggestion is about: an exercise slug or a body area in kebab-case (<c>hip-thrust</c>, <c>calves</c>).</param>
public sealed record Suggestion(SuggestionKind Kind, string Text, string Reason, string Subject);

/// <summary>A planned strength session, for adherence: done when a logged session names its id, or falls on its date.</summary>
public sealed record PlannedSession(Guid Id, DateOnly Date);

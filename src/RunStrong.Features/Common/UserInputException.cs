namespace RunStrong.Features.Common;

/// <summary>
/// Input a user can get wrong (a bad filter, a missing file, an unknown slug). The web maps it to ProblemDetails
/// (400, or 404 for <see cref="NotFound"/>), the CLI to a one-line message on stderr and exit code 1.
/// </summary>
public sealed class UserInputException(string field, string message, bool notFound = false) : Exception(message)
{
    /// <summary>The field, option or value that was wrong (<c>muscle</c>, <c>FILE</c>, <c>slug</c>).</summary>
    public string Field { get; } = field;

    public bool NotFound { get; } = notFound;

    /// <summary>
    /// Each field that was wrong with its own messages, when the input had several problems (a plan profile); null when
    /// <see cref="Field"/> and the message say it all.
    /// </summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}

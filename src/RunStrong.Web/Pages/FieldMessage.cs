using RunStrong.Features.Common;

namespace RunStrong.Web.Pages;

/// <summary>A refusal shown on a form whose refused field is marked (aria-invalid): the message without the API's name for the field.</summary>
public static class FieldMessage
{
    /// <summary>"true" for the form field <paramref name="field"/> when it is the one refused (aria-invalid), else null.</summary>
    public static string? Invalid(string? refusedField, string field) => refusedField == field ? "true" : null;

    /// <summary>
    /// "set.reps: expected a whole number" is "Expected a whole number" beside the marked Reps box; a message that does not
    /// start with its field's name is shown as it is (log.js does the same with the API's answer).
    /// </summary>
    public static string Beside(UserInputException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var prefix = refusal.Field + ": ";
        if (!refusal.Message.StartsWith(prefix, StringComparison.Ordinal) || refusal.Message.Length == prefix.Length)
        {
            return refusal.Message;
        }

        var rest = refusal.Message[prefix.Length..];
        return char.ToUpperInvariant(rest[0]) + rest[1..];
    }
}

namespace RunStrong.Domain.Catalogue;

/// <summary>
/// Something wrong with one catalogue entry (or with the whole document when <see cref="Entry"/> is null).
/// Printed as <c>entry 7 'hip-thrust': unknown muscle 'glutes'</c>; entries are numbered from 1 in document order.
/// </summary>
public sealed record CatalogueProblem(int? Entry, string? Slug, string Message)
{
    /// <summary>The problem as a user reads it, naming the entry by number and slug.</summary>
    public override string ToString() => (Entry, string.IsNullOrWhiteSpace(Slug)) switch
    {
        (null, true) => Message,
        (null, false) => $"'{Slug}': {Message}",
        (_, true) => $"entry {Entry}: {Message}",
        _ => $"entry {Entry} '{Slug}': {Message}",
    };
}

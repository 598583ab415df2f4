using RunStrong.Domain.Catalogue;

namespace RunStrong.Features.Catalogue.Import;

/// <summary>An outside entry that was not imported, and why (in words a user can act on).</summary>
public sealed record UnmappedEntry(string Id, string Name, string Reason)
{
    public override string ToString() => $"{Name} ({Id}): {Reason}";
}

/// <summary>
/// What one import of an outside catalogue gave. Every exercise passed <see cref="CatalogueValidator"/>; their slugs start
/// with the source's prefix (<c>fedb-</c>, <c>wger-</c>) so they never collide with built-in slugs, and they are derived
/// from the source's own ids so that reading the same file again gives the same slugs.
/// <see cref="Notes"/> lists what was left out of entries that were imported (muscles RunStrong does not track);
/// <see cref="Warnings"/> what the user should know about the file as a whole (an API download missing pages).
/// </summary>
public sealed record CatalogueImportBatch(
    string SourceName,
    IReadOnlyList<Exercise> Exercises,
    IReadOnlyList<UnmappedEntry> Unmapped,
    IReadOnlyList<string> Notes)
{
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>Either a batch, or an error naming the file and what is wrong with it. Import never throws for bad input.</summary>
public sealed record CatalogueImportResult
{
    private CatalogueImportResult(CatalogueImportBatch? batch, string? error)
    {
        Batch = batch;
        Error = error;
    }

    public CatalogueImportBatch? Batch { get; }

    public string? Error { get; }

    public bool Succeeded => Batch is not null;

    public static CatalogueImportResult Success(CatalogueImportBatch batch) => new(batch, null);

    public static CatalogueImportResult Failure(string error) => new(null, error);
}

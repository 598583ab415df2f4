namespace RunStrong.Data.Entities;

/// <summary>
/// An exercise imported from an outside catalogue. Built-in exercises ship inside RunStrong and are not stored.
/// The entry is kept whole as JSON (the domain <c>Exercise</c>); the columns beside it are what look-ups need.
/// The catalogue is shared by every runner on a server, so these rows carry no owner.
/// </summary>
public sealed class CatalogueEntry
{
    public long Id { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }

    /// <summary>free-exercise-db or wger.</summary>
    public required string SourceName { get; set; }

    /// <summary>The entry's id at its source; (SourceName, ExternalId) is unique so re-import updates instead of duplicating.</summary>
    public required string ExternalId { get; set; }

    public required string Json { get; set; }

    public DateTime ImportedAt { get; set; }
}

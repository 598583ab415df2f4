namespace RunStrong.Data.Entities;

/// <summary>A runner: the owner of plans, logs and activities. Single-user installs have one, <see cref="LocalId"/>.</summary>
public sealed class Runner
{
    /// <summary>The runner every single-user install starts with; accounts (issue 7) add more.</summary>
    public static readonly Guid LocalId = new("00000000-0000-0000-0000-000000000001");

    public Guid Id { get; set; }

    public required string Name { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>A row that belongs to one runner. Every such row carries its owner so that per-runner isolation is one filter.</summary>
public interface IOwnedByRunner
{
    Guid OwnerId { get; set; }
}

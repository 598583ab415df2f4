using RunStrong.Data;
using RunStrong.Data.Entities;

namespace RunStrong.Features.Common;

/// <summary>
/// Whose data a request or command works on. Every feature reads the owner from here and nowhere else, so accounts
/// (issue 7) replace one registration instead of every query.
/// </summary>
public interface ICurrentRunner : IOwnerScope
{
}

/// <summary>The single runner of a single-user install (<see cref="Runner.LocalId"/>).</summary>
public sealed class LocalRunner : ICurrentRunner
{
    public static readonly LocalRunner Instance = new();

    public Guid RunnerId => Runner.LocalId;
}

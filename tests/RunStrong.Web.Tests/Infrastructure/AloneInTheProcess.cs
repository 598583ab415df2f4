namespace RunStrong.Web.Tests.Infrastructure;

/// <summary>Tests that count what the whole test process holds run alone, after the others.</summary>
[CollectionDefinition(nameof(AloneInTheProcess), DisableParallelization = true)]
public sealed class AloneInTheProcess;

using RunStrong.Data;
using RunStrong.Features.Common;
using RunStrong.Features.Settings;

namespace RunStrong.Web.Hosting;

/// <summary>
/// The signed-in runner's units and time zone, read once per request: what every page and endpoint shows distances,
/// paces, loads and times in, and the runner's "today".
/// </summary>
public sealed class RunnerPreferencesAccessor(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock)
{
    private RunnerPreferences? _preferences;

    public async Task<RunnerPreferences> GetAsync(CancellationToken cancellationToken = default) =>
        _preferences ??= await RunnerPreferences.GetAsync(db, runner, cancellationToken);

    /// <summary>The runner's day now, in their zone.</summary>
    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).Today(clock);
}

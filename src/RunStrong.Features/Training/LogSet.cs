using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Features.Training;

/// <summary>
/// Logs one set the moment it is done (the gym page's "Done" button, <c>PUT /api/log/sets</c>). Idempotent: the set is
/// stored at (the day's session, position), so a retry over a flaky connection replaces the same row instead of logging the
/// set twice. The day's session is the one linked to <see cref="Request.PlannedSessionKey"/>, or the day's unplanned
/// session when the key is empty; it is created with the first set.
/// </summary>
public static class LogSet
{
    public sealed record Request
    {
        public DateOnly? Date { get; init; }

        public string? PlannedSessionKey { get; init; }

        /// <summary>The set's place in the session, from 0; left out, the set goes after the last one.</summary>
        public int? Position { get; init; }

        public required SetInput Set { get; init; }
    }

    /// <param name="Created">False when the set replaced the one already at that position (a retry or an edit).</param>
    public sealed record Response(long SessionId, DateOnly Date, string? PlannedSessionKey, int Position, bool Created, LoggedSetView Set);

    public const int MaxPosition = 200;

    public static async Task<Response> HandleAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Position is { } p && (p < 0 || p > MaxPosition))
        {
            throw new UserInputException("position", $"position must be between 0 and {MaxPosition}, got {p}");
        }

        var catalogue = await new ExerciseCatalogue(db).AllAsync(cancellationToken);
        var index = request.Position ?? 0;
        var preferences = await Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken);
        var valid = SetValidation.Validate(request.Set ?? new SetInput(), index, catalogue, preferences.Weight, path: "set");
        var date = request.Date ?? preferences.Today(clock);
        var key = string.IsNullOrWhiteSpace(request.PlannedSessionKey) ? null : request.PlannedSessionKey.Trim();
        var owner = runner.RunnerId;

        var session = await db.StrengthSessions.AsTracking().Include(s => s.Sets)
            .Where(s => s.OwnerId == owner && s.Date == date && s.PlannedSessionKey == key && s.SourceActivityId == null)
            .OrderBy(s => s.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            var link = key is null ? null : await PlanLink.ResolveAsync(db, runner, catalogue, date, key, linkToPlan: true, cancellationToken);
            session = new StrengthSessionRecord
            {
                OwnerId = owner,
                Date = date,
                PlanId = link?.PlanId,
                PlannedSessionKey = link?.Key,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.StrengthSessions.Add(session);
        }

        var position = request.Position ?? (session.Sets.Count == 0 ? 0 : session.Sets.Max(s => s.Position) + 1);
        var incoming = LogStrengthSession.ToRecord(runner, valid, position);
        var existing = session.Sets.FirstOrDefault(s => s.Position == position);
        if (existing is null)
        {
            session.Sets.Add(incoming);
        }
        else
        {
            LogStrengthSession.Apply(existing, incoming);
        }

        await db.SaveChangesAsync(cancellationToken);
        var stored = existing ?? incoming;
        return new Response(session.Id, date, session.PlannedSessionKey, position, existing is null, LoggedSetView.From(stored));
    }
}

using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Catalogue;
using RunStrong.Features.Common;

namespace RunStrong.Features.Training;

/// <summary>
/// Logs one set the moment it is done (the gym page's "Done" button, <c>PUT /api/log/sets</c>), at (the day's session,
/// position). Idempotent: a retry over a flaky connection updates the set it stored instead of logging it twice. The day's
/// session is the one linked to <see cref="Request.PlannedSessionKey"/>, or the day's unplanned session when the key is
/// empty; it is created with the first set.
/// <list type="bullet">
/// <item>A position of a planned session is that planned set: logging it again replaces it.</item>
/// <item>In the unplanned session, a set with a <see cref="Request.ClientId"/> (the gym page gives every new set one)
///   never replaces another client's set: when its position is taken (by a set logged from another phone, the CLI, or a
///   page opened earlier) it goes after the last set, and the answer says where. A retry or an update with that key finds
///   the set wherever it is. Without a key, the set at the position is replaced (older clients).</item>
/// </list>
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

        /// <summary>The client's own key for this set (letters, digits, '-' and '_', at most <see cref="MaxClientIdLength"/>).</summary>
        public string? ClientId { get; init; }
    }

    /// <param name="Created">False when the set updated one already stored (a retry or an edit).</param>
    /// <param name="Position">Where the set is: the one asked for, or after the last set when that was another client's.</param>
    public sealed record Response(long SessionId, DateOnly Date, string? PlannedSessionKey, int Position, bool Created, LoggedSetView Set);

    public const int MaxPosition = 200;

    public const int MaxClientIdLength = 64;

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

        var clientId = string.IsNullOrEmpty(request.ClientId) ? null : request.ClientId;
        if (clientId is not null && (clientId.Length > MaxClientIdLength || !clientId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw new UserInputException("clientId", $"clientId must be 1 to {MaxClientIdLength} letters, digits, '-' or '_', got \"{Shorten(clientId)}\"");
        }

        try
        {
            return await StoreAsync(db, runner, clock, request, clientId, cancellationToken);
        }
        catch (DbUpdateException) when (clientId is not null)
        {
            // The same set sent twice at once (a double tap, a retry racing the first try): the other request stored it
            // under this key first. Storing again finds it and updates it.
            db.ChangeTracker.Clear();
            return await StoreAsync(db, runner, clock, request, clientId, cancellationToken);
        }
    }

    private static async Task<Response> StoreAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, Request request, string? clientId, CancellationToken cancellationToken)
    {
        var catalogue = await new ExerciseCatalogue(db).AllAsync(cancellationToken);
        var index = request.Position ?? 0;
        var preferences = await Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken);
        var valid = SetValidation.Validate(request.Set ?? new SetInput(), index, catalogue, preferences.Weight, path: "set");
        var today = preferences.Today(clock);
        var date = request.Date is { } day ? LoggedDays.CheckPlannedSession(day, today, "date", "strength session") : today;
        var key = string.IsNullOrWhiteSpace(request.PlannedSessionKey) ? null : request.PlannedSessionKey.Trim();
        var owner = runner.RunnerId;

        var mine = clientId is null ? null : await db.LoggedSets.AsNoTracking()
            .Where(s => s.OwnerId == owner && s.ClientId == clientId)
            .Select(s => (long?)s.SessionId)
            .FirstOrDefaultAsync(cancellationToken);
        var sessions = db.StrengthSessions.AsTracking().Include(s => s.Sets).Where(s => s.OwnerId == owner);
        var session = await (mine is { } sessionId
                ? sessions.Where(s => s.Id == sessionId)
                : sessions.Where(s => s.Date == date && s.PlannedSessionKey == key && s.SourceActivityId == null))
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

        var after = session.Sets.Count == 0 ? 0 : session.Sets.Max(s => s.Position) + 1;
        // A position of a planned session is that planned set: logging it again, from anywhere, replaces it. The
        // unplanned session's positions are only an order: another client's set there is kept, this one goes after.
        var appends = clientId is not null && session.PlannedSessionKey is null;
        var existing = (clientId is null ? null : session.Sets.FirstOrDefault(s => s.ClientId == clientId))
            ?? (appends ? null : session.Sets.FirstOrDefault(s => s.Position == (request.Position ?? after)));
        var position = existing?.Position
            ?? (request.Position is { } wanted && session.Sets.All(s => s.Position != wanted) ? wanted : after);
        var incoming = LogStrengthSession.ToRecord(runner, valid, position);
        incoming.ClientId = clientId;
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
        return new Response(session.Id, session.Date, session.PlannedSessionKey, position, existing is null, LoggedSetView.From(stored));
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}

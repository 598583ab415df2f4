using System.Globalization;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Domain.Catalogue;
using RunStrong.Domain.Training;
using RunStrong.Features.Common;

namespace RunStrong.Features.Training;

/// <summary>Logs a soreness check-in: one body area, 0 (nothing) to 10 (worst imaginable), on a day.</summary>
public static class LogSoreness
{
    public sealed record Request
    {
        public DateOnly? Date { get; init; }

        /// <summary>calves, hamstrings, quadriceps, glutes, hips, knees, shins, feet or lower-back.</summary>
        public string? Area { get; init; }

        public int? Score { get; init; }

        public string? Notes { get; init; }
    }

    public sealed record SorenessView(long Id, DateOnly Date, string Area, int Score, string? Notes)
    {
        public static SorenessView From(SorenessRecord r)
        {
            ArgumentNullException.ThrowIfNull(r);
            return new(r.Id, r.Date, r.Area, r.Score, r.Notes);
        }
    }

    public static async Task<SorenessView> HandleAsync(
        RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Area) || !Kebab.TryParse<BodyArea>(request.Area.Trim(), out var area))
        {
            throw new UserInputException("area",
                $"area: {(string.IsNullOrWhiteSpace(request.Area) ? "enter a body area" : $"unknown body area '{request.Area.Trim()}'")}; expected one of {string.Join(", ", Kebab.Names<BodyArea>())}");
        }

        if (request.Score is not { } score || score < 0 || score > 10)
        {
            throw new UserInputException("score",
                request.Score is null ? "score: enter how sore, 0 (nothing) to 10 (worst)" : string.Create(CultureInfo.InvariantCulture, $"score: soreness must be between 0 and 10, got {request.Score}"));
        }

        var today = await TrainingData.TodayAsync(db, runner, clock, cancellationToken);
        var date = request.Date is { } day ? LoggedDays.Check(day, today, "date", "soreness check-in") : today;
        var checkIn = new SorenessCheckIn(date, area, score);
        var record = new SorenessRecord
        {
            OwnerId = runner.RunnerId,
            Date = checkIn.Date,
            Area = Kebab.Name(checkIn.Area),
            Score = checkIn.Score,
            Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim()[..Math.Min(2000, request.Notes.Trim().Length)],
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.SorenessCheckIns.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return SorenessView.From(record);
    }
}

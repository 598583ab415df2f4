using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Common;

namespace RunStrong.Features.Activities;

/// <summary>The runner's activities, newest first, a page at a time.</summary>
public static class ListActivities
{
    public const int DefaultPageSize = 30;
    public const int MaxPageSize = 200;

    /// <param name="Page">1 for the newest activities.</param>
    /// <param name="PageSize">1 to <see cref="MaxPageSize"/>.</param>
    public sealed record Request(int Page = 1, int PageSize = DefaultPageSize);

    /// <summary>One line of the list.</summary>
    /// <param name="StartTime">UTC.</param>
    /// <param name="AveragePaceSecondsPerKm">Moving time over distance, s/km; null without distance.</param>
    public sealed record Item(
        long Id,
        string? Name,
        string Format,
        string Sport,
        string? SubSport,
        DateTime StartTime,
        double DistanceMeters,
        double ElapsedSeconds,
        double MovingSeconds,
        double AscentMeters,
        double? AvgHeartRate,
        double? AveragePaceSecondsPerKm)
    {
        internal static Item From(StoredActivity a) => new(
            a.Id, a.Name, a.Format, a.Sport, a.SubSport, DateTime.SpecifyKind(a.StartTime, DateTimeKind.Utc), a.DistanceMeters,
            a.ElapsedSeconds, a.MovingSeconds, a.AscentMeters, a.AverageHeartRate,
            a.DistanceMeters > 0 && a.MovingSeconds > 0 ? a.MovingSeconds / (a.DistanceMeters / 1000) : null);
    }

    /// <param name="Total">Activities in all pages.</param>
    public sealed record Response(IReadOnlyList<Item> Items, int Page, int PageSize, int Total)
    {
        public int Pages => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
    }

    public static void Validate(Request request)
    {
        if (request.Page < 1)
        {
            throw new UserInputException("page", $"page: {request.Page} is not a page; the first page is 1");
        }

        if (request.PageSize is < 1 or > MaxPageSize)
        {
            throw new UserInputException("pageSize", $"pageSize: {request.PageSize} is out of range; give 1 to {MaxPageSize}");
        }
    }

    public static async Task<Response> HandleAsync(RunStrongDbContext db, ICurrentRunner runner, Request request, CancellationToken cancellationToken = default)
    {
        Validate(request);
        var owner = runner.RunnerId;
        var mine = db.Activities.Where(a => a.OwnerId == owner);
        var total = await mine.CountAsync(cancellationToken);
        var rows = await mine
            .OrderByDescending(a => a.StartTime).ThenByDescending(a => a.Id)
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .ToListAsync(cancellationToken);
        return new Response(rows.Select(Item.From).ToList(), request.Page, request.PageSize, total);
    }
}

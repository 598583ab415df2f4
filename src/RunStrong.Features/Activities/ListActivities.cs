using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Common;

namespace RunStrong.Features.Activities;

/// <summary>
/// The runner's activities, newest first, a page at a time: by day (<c>before</c> and <c>limit</c>, keyset paging, the
/// default; <c>after</c> for the page of newer days), or by page number (<c>page</c>, kept for scripts written before).
/// </summary>
public static class ListActivities
{
    public const int DefaultPageSize = 30;
    public const int MaxPageSize = 200;

    /// <param name="Page">1 for the newest activities; null for keyset paging.</param>
    /// <param name="PageSize">1 to <see cref="MaxPageSize"/> with <see cref="Page"/>; with keyset paging, 1 to 100.</param>
    /// <param name="Before">Keyset paging: only activities on days before this one (the previous page's <c>nextBefore</c>).</param>
    /// <param name="After">
    /// Keyset paging the other way: the oldest whole days after this one, shown newest first (a page's <c>newerAfter</c>).
    /// Not with <paramref name="Before"/>.
    /// </param>
    public sealed record Request(int? Page = null, int PageSize = DefaultPageSize, DateOnly? Before = null, DateOnly? After = null);

    /// <summary>One line of the list.</summary>
    /// <param name="StartTime">UTC.</param>
    /// <param name="AscentMeters">Metres climbed; null for a run logged by hand (nothing was measured), not zero.</param>
    /// <param name="AveragePaceSecondsPerKm">Moving time over distance, s/km; null without distance.</param>
    public sealed record Item(
        long Id,
        string? Name,
        string Format,
        string Sport,
        string? SubSport,
        DateTime StartTime,
        DateOnly Date,
        double DistanceMeters,
        double ElapsedSeconds,
        double MovingSeconds,
        double? AscentMeters,
        double? AvgHeartRate,
        double? AveragePaceSecondsPerKm)
    {
        /// <summary>For people: the start in the runner's zone ("Thu 3 Dec 2026, 07:16 MST"), distance and pace in their unit.</summary>
        public string? StartText { get; init; }

        /// <summary>"6.21 mi" / "10.00 km".</summary>
        public string? DistanceText { get; init; }

        /// <summary>"8:03 /mi" / "5:00 /km"; "–" without a pace.</summary>
        public string? PaceText { get; init; }

        /// <summary>
        /// Whether the start has a time of day the runner can trust: a file with times. A run typed in (kept at noon) and a
        /// file without times (kept at midnight on the day given) show their day alone.
        /// </summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public bool HasRecordedStart => Format != GetActivity.ManualFormat && ElapsedSeconds > 0;

        /// <summary>This item with its texts in <paramref name="preferences"/>' units and zone.</summary>
        public Item Described(Settings.RunnerPreferences preferences)
        {
            ArgumentNullException.ThrowIfNull(preferences);
            return this with
            {
                StartText = preferences.ShowStart(StartTime, Date, HasRecordedStart),
                DistanceText = preferences.ShowDistance(DistanceMeters),
                PaceText = preferences.ShowPace(AveragePaceSecondsPerKm),
            };
        }

        internal static Item From(StoredActivity a) => new(
            a.Id, a.Name, a.Format, a.Sport, a.SubSport, DateTime.SpecifyKind(a.StartTime, DateTimeKind.Utc), a.LocalDate, a.DistanceMeters,
            a.ElapsedSeconds, a.MovingSeconds, a.Format == GetActivity.ManualFormat ? null : (double?)a.AscentMeters, a.AverageHeartRate,
            a.DistanceMeters > 0 && a.MovingSeconds > 0 ? a.MovingSeconds / (a.DistanceMeters / 1000) : null);
    }

    /// <param name="Total">Activities in all pages.</param>
    /// <param name="NextBefore">Keyset paging: the <c>before</c> of the next (older) page; null on the last page.</param>
    /// <param name="Next">The next page's address, null on the last page.</param>
    public sealed record Response(IReadOnlyList<Item> Items, int Page, int PageSize, int Total, DateOnly? NextBefore = null, string? Next = null)
    {
        public int Pages => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;

        /// <summary>Keyset paging: the <c>after</c> of the page of newer days; null on the newest page (and with page numbers).</summary>
        public DateOnly? NewerAfter { get; init; }

        /// <summary>The newer page's address; null on the newest page.</summary>
        public string? Newer { get; init; }

        /// <summary>
        /// Where this page starts, counting from the newest activity (1 on the newest page): the page holds activities
        /// <see cref="First"/> to <see cref="First"/> + items - 1 of <see cref="Total"/>. 0 when the page is empty.
        /// </summary>
        public int First { get; init; }
    }

    public static void Validate(Request request)
    {
        if (request.Page is null)
        {
            DayPages.Limit(request.PageSize, DefaultPageSize);
            if (request.Before is not null && request.After is not null)
            {
                throw new UserInputException("after", "after: give before (older days) or after (newer days), not both");
            }

            return;
        }

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
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var owner = runner.RunnerId;
        var mine = db.Activities.AsNoTracking().Where(a => a.OwnerId == owner);
        var preferences = await Settings.RunnerPreferences.GetAsync(db, runner, cancellationToken);
        var total = await mine.CountAsync(cancellationToken);
        if (request.Page is { } number)
        {
            var rows = await Items(mine
                .OrderByDescending(a => a.StartTime).ThenByDescending(a => a.Id)
                .Skip((number - 1) * request.PageSize).Take(request.PageSize))
                .ToListAsync(cancellationToken);
            return new Response(rows.Select(i => i.Described(preferences)).ToArray(), number, request.PageSize, total)
            {
                First = rows.Count == 0 ? 0 : (number - 1) * request.PageSize + 1,
            };
        }

        var limit = request.PageSize;
        IReadOnlyList<Item> page;
        DateOnly? next, newer;
        int newerCount;
        if (request.After is { } after)
        {
            // The oldest whole days after the day given, cut like any page, then shown newest first.
            var oldest = await Items(Oldest(mine.Where(a => a.LocalDate > after)).Take(limit + 1)).ToListAsync(cancellationToken);
            (page, newer) = await DayPages.CutAsync<Item>(oldest, limit, i => i.Date,
                async day => await Items(Oldest(mine.Where(a => a.LocalDate == day))).ToListAsync(cancellationToken));
            page = page.Reverse().ToArray();
            newerCount = page.Count == 0 ? 0 : await mine.CountAsync(a => a.LocalDate > page[0].Date, cancellationToken);
            next = page.Count > 0 && newerCount + page.Count < total ? page[^1].Date : null;
        }
        else
        {
            var older = request.Before is { } before ? mine.Where(a => a.LocalDate < before) : mine;
            var newest = await Items(Newest(older).Take(limit + 1)).ToListAsync(cancellationToken);
            (page, next) = await DayPages.CutAsync<Item>(newest, limit, i => i.Date,
                async day => await Items(Newest(mine.Where(a => a.LocalDate == day))).ToListAsync(cancellationToken));

            // Pages hold whole days, so the activities before this page are those on later days: one count on the (owner, day) index.
            newerCount = request.Before is null || page.Count == 0 ? 0 : await mine.CountAsync(a => a.LocalDate > page[0].Date, cancellationToken);
            newer = newerCount > 0 ? page[0].Date : null;
        }

        return new Response(page.Select(i => i.Described(preferences)).ToArray(), 1, limit, total, next, next is { } n ? Address("before", n, limit) : null)
        {
            NewerAfter = newer,
            Newer = newer is { } w ? Address("after", w, limit) : null,
            First = page.Count == 0 ? 0 : newerCount + 1,
        };
    }

    private static string Address(string key, DateOnly day, int limit) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/api/activities?{key}={day:yyyy-MM-dd}&limit={limit}");

    private static IOrderedQueryable<StoredActivity> Oldest(IQueryable<StoredActivity> rows) =>
        rows.OrderBy(a => a.LocalDate).ThenBy(a => a.StartTime).ThenBy(a => a.Id);

    private static IOrderedQueryable<StoredActivity> Newest(IQueryable<StoredActivity> rows) =>
        rows.OrderByDescending(a => a.LocalDate).ThenByDescending(a => a.StartTime).ThenByDescending(a => a.Id);

    /// <summary>The list's columns only: never the summary JSON or the file.</summary>
    private static IQueryable<Item> Items(IQueryable<StoredActivity> rows) =>
        rows.Select(a => new Item(
            a.Id, a.Name, a.Format, a.Sport, a.SubSport, DateTime.SpecifyKind(a.StartTime, DateTimeKind.Utc), a.LocalDate, a.DistanceMeters,
            a.ElapsedSeconds, a.MovingSeconds, a.Format == GetActivity.ManualFormat ? null : (double?)a.AscentMeters, a.AverageHeartRate,
            a.DistanceMeters > 0 && a.MovingSeconds > 0 ? a.MovingSeconds / (a.DistanceMeters / 1000) : null));
}

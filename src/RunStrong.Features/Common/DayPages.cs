namespace RunStrong.Features.Common;

/// <summary>
/// Keyset paging by day (<c>?before=DATE&amp;limit=N</c>): a page holds whole days, newest first, with at most
/// <c>limit</c> items (a single day with more is returned whole rather than split), and the next page starts before the
/// oldest day of this one. Unlike page numbers, a page stays right while new items are added at the top.
/// </summary>
public static class DayPages
{
    /// <summary>The most a page may hold.</summary>
    public const int MaxLimit = 100;

    /// <summary>Checks a requested limit; null gives <paramref name="fallback"/>.</summary>
    public static int Limit(int? limit, int fallback) =>
        limit switch
        {
            null => fallback,
            < 1 or > MaxLimit => throw new UserInputException("limit", $"limit: {limit} is out of range; give 1 to {MaxLimit}"),
            { } n => n,
        };

    /// <summary>
    /// Cuts <paramref name="newestFirst"/> (up to <paramref name="limit"/> + 1 items, newest day first) at a day boundary.
    /// Returns the page and the day the next page ends before (null on the last page). When the first day alone has more
    /// than <paramref name="limit"/> items, <paramref name="wholeDay"/> is asked for all of that day's items.
    /// </summary>
    public static async Task<(IReadOnlyList<T> Page, DateOnly? NextBefore)> CutAsync<T>(
        IReadOnlyList<T> newestFirst, int limit, Func<T, DateOnly> dayOf, Func<DateOnly, Task<IReadOnlyList<T>>> wholeDay)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        ArgumentNullException.ThrowIfNull(dayOf);
        ArgumentNullException.ThrowIfNull(wholeDay);
        if (newestFirst.Count <= limit)
        {
            return (newestFirst, null);
        }

        // The item past the limit shows whether the last day in the page is complete; if not, it is left to the next page.
        var cutDay = dayOf(newestFirst[limit]);
        var page = newestFirst.Take(limit).Where(item => dayOf(item) != cutDay).ToArray();
        if (page.Length > 0)
        {
            return (page, dayOf(page[^1]));
        }

        var all = await wholeDay(cutDay);
        return (all, cutDay);
    }
}

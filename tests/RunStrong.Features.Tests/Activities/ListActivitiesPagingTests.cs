using RunStrong.Features.Activities;
using RunStrong.Features.Common;
using RunStrong.Features.Training;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Activities;

/// <summary>Keyset pages of whole days, older with <c>before</c> and newer with <c>after</c>, each saying where it is.</summary>
public sealed class ListActivitiesPagingTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    private static DateOnly Day(int n) => TestClock.Today.AddDays(-20 + n);

    [Theory, MemberData(nameof(Engines))]
    public async Task Pages_WalkOlderThenNewer_WholeDaysEachOnce_WithTheirPosition(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();
        // Seven days with a run each, and a second run on day 5: eight activities.
        for (var n = 1; n <= 7; n++)
        {
            await LogRun.HandleAsync(db, LocalRunner.Instance, TestClock.Create(), new LogRun.Request { Date = Day(n), Distance = "5k", Time = "25:00" });
        }

        await LogRun.HandleAsync(db, LocalRunner.Instance, TestClock.Create(), new LogRun.Request { Date = Day(5), Distance = "3k", Time = "15:00" });

        Task<ListActivities.Response> ListAsync(DateOnly? before = null, DateOnly? after = null) =>
            ListActivities.HandleAsync(db, LocalRunner.Instance, new ListActivities.Request(null, 3, before, after));

        var first = await ListAsync();
        var second = await ListAsync(before: first.NextBefore);
        var third = await ListAsync(before: second.NextBefore);
        var backToSecond = await ListAsync(after: third.NewerAfter);
        var backToFirst = await ListAsync(after: backToSecond.NewerAfter);

        static (int First, int Count, string Days, DateOnly? Older, DateOnly? Newer) Shape(ListActivities.Response r) =>
            (r.First, r.Items.Count, string.Join(" ", r.Items.Select(i => TestClock.Iso(i.Date))), r.NextBefore, r.NewerAfter);
        static string Days(params int[] days) => string.Join(" ", days.Select(d => TestClock.Iso(Day(d))));

        Assert.Equal((1, 2, Days(7, 6), Day(6), (DateOnly?)null), Shape(first));
        Assert.Equal((3, 3, Days(5, 5, 4), Day(4), Day(5)), Shape(second));
        Assert.Equal((6, 3, Days(3, 2, 1), (DateOnly?)null, Day(3)), Shape(third));
        Assert.Equal(Shape(second), Shape(backToSecond));
        Assert.Equal(Shape(first), Shape(backToFirst));
        Assert.Equal(8, third.Total);
        Assert.Equal(8, first.Items.Concat(second.Items).Concat(third.Items).Select(i => i.Id).Distinct().Count());
        Assert.Null(first.Newer);
        Assert.Equal($"/api/activities?after={TestClock.Iso(Day(5))}&limit=3", second.Newer);
        Assert.Equal($"/api/activities?before={TestClock.Iso(Day(4))}&limit=3", second.Next);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task BeforeAndAfterTogether_IsRefused_NamingBoth(string engine)
    {
        await using var database = await TestDatabases.CreateAsync(engine);
        await using var db = database.CreateContext();

        var refused = await Assert.ThrowsAsync<UserInputException>(() =>
            ListActivities.HandleAsync(db, LocalRunner.Instance, new ListActivities.Request(null, 3, Day(2), Day(1))));

        Assert.Equal("after: give before (older days) or after (newer days), not both", refused.Message);
    }
}

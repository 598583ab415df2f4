namespace RunStrong.TestSupport;

/// <summary>
/// Issue 15's "the plan follows what was done" on a real imported run: the Forerunner 410 run of tests/fixtures
/// (vkurup/python-tcxparser's test.tcx, 2012-12-26 21:29 UTC) is a Thursday morning run for a runner in Tokyo, so the
/// week around it has a planned Tuesday strength session and a Thursday run. Every date here comes from the file (the
/// suite's own date does not matter): the clock is set to the Friday of the run's week.
/// </summary>
public static class FollowedWeek
{
    public const string TimeZone = "Asia/Tokyo";

    public static string RunFile => Fixtures.Path("tcx", "vkurup__python-tcxparser__tests__files__test.tcx");

    /// <summary>The run's day in Tokyo: Thursday 27 December 2012 (the file's start, 21:29 UTC on the 26th, is 06:29 there).</summary>
    public static readonly DateOnly Thursday = new(2012, 12, 27);

    public static DateOnly Monday => Thursday.AddDays(-3);

    public static DateOnly Tuesday => Thursday.AddDays(-2);

    public static DateOnly Friday => Thursday.AddDays(1);

    public static DateOnly Sunday => Thursday.AddDays(3);

    /// <summary>10:00 on <paramref name="day"/> in Tokyo (01:00 UTC).</summary>
    public static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);

    /// <summary>
    /// A beginner at home: Tuesday quality run (drills, then strength), Wednesday and Thursday easy (hill sprints after
    /// Thursday's), Friday strength on a rest day, Saturday easy, Sunday long; 4 weeks from the run's Monday.
    /// </summary>
    public static string ProfileJson =>
        $$"""
        {"experience": "none", "equipment": ["none", "loop-band"], "locations": ["home"],
         "week": {"mon": "rest", "tue": "quality", "wed": "easy", "thu": "easy", "fri": "rest", "sat": "easy", "sun": "long"},
         "weeks": 4, "start": "{{Monday:yyyy-MM-dd}}"}
        """;
}

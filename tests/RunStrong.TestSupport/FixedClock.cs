namespace RunStrong.TestSupport;

/// <summary>A clock that stands still, in UTC: at an instant, or at noon UTC on a day.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public FixedClock(DateOnly today)
        : this(new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

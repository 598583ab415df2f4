using RunStrong.Features.Training;
using RunStrong.Web.Pages.Progress;

namespace RunStrong.Web.Tests.Charts;

/// <summary>
/// The progress page's weekly sets: weeks while they fit as readable bars, then months, then quarters, each set
/// counted once (a week in the month or quarter its Monday falls in).
/// </summary>
public class VolumeBarsTests
{
    private static List<StrengthStats.WeekVolume> Weeks(DateOnly firstMonday, int count, int every = 1) =>
        [.. Enumerable.Range(0, count).Where(i => i % every == 0).Select(i => new StrengthStats.WeekVolume(firstMonday.AddDays(7 * i), 3 + (i % 4), 30, 1200))];

    [Fact]
    public void AYearOfWeeks_IsWeeklyBars()
    {
        var weeks = Weeks(new DateOnly(2025, 1, 6), 60);
        var (per, bars) = DetailModel.VolumeBars(weeks);
        Assert.Equal("week", per);
        Assert.Equal(60, bars.Length);
        Assert.Equal("6 Jan", bars[0].Label);
    }

    [Fact]
    public void TwoYears_AreMonths_WithAWeekInTheMonthOfItsMonday()
    {
        // 27 Jan 2025 to 26 Jan 2027, a week every other week: the week of Monday 28 Apr 2025 counts in April.
        var weeks = Weeks(new DateOnly(2025, 1, 27), 105, every: 2);
        var (per, bars) = DetailModel.VolumeBars(weeks);
        Assert.Equal("month", per);
        Assert.Equal("Jan 2025", bars[0].Label);
        Assert.Equal("Jan 2027", bars[^1].Label);
        Assert.Equal(25, bars.Length);
        Assert.Equal(weeks.Sum(w => w.Sets), bars.Sum(b => b.Values[0]));
        var april = weeks.Where(w => w.WeekStart.Year == 2025 && w.WeekStart.Month == 4).Sum(w => w.Sets);
        Assert.Equal(april, bars.Single(b => b.Label == "Apr 2025").Values[0]);
    }

    [Fact]
    public void TenYears_AreQuarters()
    {
        var weeks = Weeks(new DateOnly(2016, 12, 5), 522);
        var (per, bars) = DetailModel.VolumeBars(weeks);
        Assert.Equal("quarter", per);
        Assert.Equal("Q4 2016", bars[0].Label);
        Assert.Equal("Q1 2017", bars[1].Label);
        Assert.InRange(bars.Length, 40, DetailModel.MostBars);
        Assert.Equal(weeks.Sum(w => w.Sets), bars.Sum(b => b.Values[0]));
    }

    [Fact]
    public void AThreeWeekBreak_ShowsAsThreeEmptyBars()
    {
        // Training on 2, 9 and 30 Nov: the weeks of 16 and 23 Nov had no sets, and the chart shows the gap, not 9 Nov
        // next to 30 Nov.
        List<StrengthStats.WeekVolume> weeks = [new(new DateOnly(2026, 11, 2), 6, 60, 0), new(new DateOnly(2026, 11, 9), 6, 60, 0), new(new DateOnly(2026, 11, 30), 3, 30, 0)];
        var (per, bars) = DetailModel.VolumeBars(weeks);
        Assert.Equal("week", per);
        Assert.Equal(["2 Nov", "9 Nov", "16 Nov", "23 Nov", "30 Nov"], bars.Select(b => b.Label));
        Assert.Equal([6.0, 6, 0, 0, 3], bars.Select(b => b.Values[0]));
    }

    [Fact]
    public void AMonthWithoutTraining_HasItsEmptyBar()
    {
        var weeks = Weeks(new DateOnly(2025, 1, 6), 105).Where(w => w.WeekStart.Year != 2025 || w.WeekStart.Month != 6).ToList();
        var (per, bars) = DetailModel.VolumeBars(weeks);
        Assert.Equal("month", per);
        Assert.Equal(0, bars.Single(b => b.Label == "Jun 2025").Values[0]);
        Assert.Equal(weeks.Sum(w => w.Sets), bars.Sum(b => b.Values[0]));
    }

    [Fact]
    public void NoWeeks_NoBars()
    {
        Assert.Equal(("week", 0), (DetailModel.VolumeBars([]).Per, DetailModel.VolumeBars([]).Bars.Length));
    }
}

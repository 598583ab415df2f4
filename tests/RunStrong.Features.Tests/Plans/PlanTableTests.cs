using RunStrong.Domain.Planning;
using RunStrong.Features.Plans;

namespace RunStrong.Features.Tests.Plans;

public class PlanTableTests
{
    [Fact]
    public void Render_FitsAn80ColumnTerminal()
    {
        var text = PlanTable.Render(PlanCalendarTests.IssuePlan());

        var lines = text.Split('\n');
        Assert.True(lines.Length > 150);
        Assert.All(lines, l => Assert.True(l.Length <= PlanTable.Width, $"{l.Length} columns: {l}"));
        Assert.All(lines, l => Assert.True(l.All(c => c < 128), $"not ASCII: {l}"));
    }

    [Fact]
    public void Render_ShowsWeeksDaysRunsAndSessions()
    {
        var plan = PlanCalendarTests.IssuePlan();

        var text = PlanTable.Render(plan);

        Assert.Contains("Week 1 (base)  7 Dec - 13 Dec 2026\n", text, StringComparison.Ordinal);
        Assert.Contains("Week 4 (base, deload)", text, StringComparison.Ordinal);
        Assert.Contains("Week 19 (taper)  12 Apr - 18 Apr 2027\n", text, StringComparison.Ordinal);
        Assert.Contains("  Mon 07 Dec  rest\n", text, StringComparison.Ordinal);
        // The runner's own run comes first with its target, then what RunStrong adds.
        Assert.Contains("  Tue 08 Dec  quality   run: 45-60 min; 20 min at threshold pace in 2-4 repeats", text, StringComparison.Ordinal);
        Assert.Contains("  Wed 09 Dec  easy      run: 30-45 min; easy: you could hold a", text, StringComparison.Ordinal);
        Assert.Matches(@"\n {24}drills: leg-swings,", text);
        Assert.Contains("  Sun 18 Apr  race      run: race: start steady", text, StringComparison.Ordinal);
        var strength = plan.Weeks[0].Days[1].Sessions.Single(s => s.Kind == SessionKind.Strength).Exercises[0];
        Assert.Contains($"strength: {strength.Slug} {strength.Sets}x{strength.RepsMin}-{strength.RepsMax} @{strength.Rpe}", text, StringComparison.Ordinal);
        Assert.Contains("hill sprints: 1x8s", text, StringComparison.Ordinal);
        // A rung above bodyweight names itself: "hip-thrust (banded) 3x8-12 @7".
        var banded = plan.Weeks.SelectMany(w => w.Days).SelectMany(d => d.Sessions).Where(s => s.Kind == SessionKind.Strength)
            .SelectMany(s => s.Exercises).First(e => e.Variant == "banded");
        Assert.Contains($"{banded.Slug} (banded) {banded.Sets}x", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ListsWarningsWrappedUnderADash()
    {
        var plan = new Plan
        {
            Weeks = [],
            Warnings = [string.Join(' ', Enumerable.Repeat("Preferred strength day Saturday is the day before your long run.", 3))],
        };

        var text = PlanTable.Render(plan);

        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal("Warnings:", lines[0]);
        Assert.StartsWith("- Preferred strength day Saturday", lines[1], StringComparison.Ordinal);
        Assert.True(lines.Length >= 4);
        Assert.All(lines.Skip(2), l => Assert.StartsWith("  ", l, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(l.Length <= PlanTable.Width));
    }
}

using RunStrong.Domain.Insights;
using RunStrong.Domain.Training;
using static RunStrong.Domain.Tests.Training.TestLog;

namespace RunStrong.Domain.Tests.Insights;

public class SorenessInsightsTests
{
    // A Wednesday: the current week started on Monday 30 March 2026.
    private static readonly DateOnly Today = new(2026, 4, 1);

    private static InsightRequest Request(
        IReadOnlyList<SorenessCheckIn>? checkIns = null, IReadOnlyList<LoggedStrengthSession>? sessions = null,
        IReadOnlyList<LoggedRun>? runs = null, IReadOnlyList<PlannedSession>? planned = null) =>
        new()
        {
            Today = Today,
            CheckIns = checkIns ?? [],
            Sessions = sessions ?? [],
            Runs = runs ?? [],
            Planned = planned ?? [],
            Catalogue = AllExercises,
        };

    private static SorenessCheckIn Calves(int daysAgo, int score) => new(Today.AddDays(-daysAgo), BodyArea.Calves, score);

    [Fact]
    public void RecurringSoreCalves_WithNoHipExtensionWork_SuggestsGluteAndHamstringWork()
    {
        var suggestions = SorenessInsights.Suggest(Request([Calves(20, 5), Calves(12, 4), Calves(3, 6)]));

        var suggestion = Assert.Single(suggestions);
        Assert.Equal(SuggestionKind.AddHipExtensionWork, suggestion.Kind);
        Assert.Equal("Try adding glute and hamstring work twice a week, such as hip thrusts, step-ups or Romanian deadlifts, and see whether your calves settle.", suggestion.Text);
        Assert.Equal("Your calves were sore (4/10 or more) 3 times in the last 4 weeks and you did no hip-extension work. Calves may be doing work that glutes and hamstrings could share: a plausible idea, not a diagnosis.", suggestion.Reason);
    }

    [Fact]
    public void RecurringSoreCalves_WithSomeButLowHipExtensionWork_SaysHowMuch()
    {
        var sessions = new[] { Session(Today.AddDays(-10), CalfRaise, "bodyweight", [15, 15, 15]), Session(Today.AddDays(-10), HipThrust, "bodyweight", [12, 12, 12]) };

        var suggestion = Assert.Single(SorenessInsights.CalvesWithoutHipExtension(Request([Calves(20, 5), Calves(12, 4), Calves(3, 6)], sessions)));

        Assert.StartsWith("Your calves were sore (4/10 or more) 3 times in the last 4 weeks and you did only 3 sets of hip-extension work.", suggestion.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SoreCalves_WithEnoughHipExtensionWork_DoesNotFire()
    {
        var sessions = Enumerable.Range(0, 4).Select(w => Session(Today.AddDays(-3 - (7 * w)), HipThrust, "barbell", [10, 10, 10], kg: 60)).ToArray();
        var runs = new[] { new LoggedRun(Today.AddDays(-5), 6000, TimeSpan.FromMinutes(35), RunType.Hills) };

        Assert.Empty(SorenessInsights.CalvesWithoutHipExtension(Request([Calves(20, 5), Calves(12, 4), Calves(3, 6)], sessions, runs)));
    }

    [Fact]
    public void SoreCalves_TooFewTimesOrTooMildOrTooLongAgo_DoesNotFire()
    {
        Assert.Empty(SorenessInsights.Suggest(Request([Calves(12, 4), Calves(3, 6)])));
        Assert.Empty(SorenessInsights.Suggest(Request([Calves(20, 3), Calves(12, 3), Calves(3, 6)])));
        Assert.Empty(SorenessInsights.Suggest(Request([Calves(40, 5), Calves(12, 4), Calves(3, 6)])));
    }

    [Fact]
    public void SorenessTheDayAfterASessionThatLoadedTheArea_SuggestsBackingOffThatExercise()
    {
        var session = new LoggedStrengthSession(Today.AddDays(-2),
        [
            new LoggedSet("squat", "goblet", 10, load: Mass.FromKilograms(16)),
            new LoggedSet("hip-thrust", "barbell", 10, load: Mass.FromKilograms(60)),
        ]);

        var suggestions = SorenessInsights.Suggest(Request([new SorenessCheckIn(Today.AddDays(-1), BodyArea.Knees, 6)], [session]));

        var suggestion = Assert.Single(suggestions);
        Assert.Equal(SuggestionKind.BackOffExercise, suggestion.Kind);
        Assert.Equal("squat", suggestion.Subject);
        Assert.Equal("Go easier on Squat next time: one rung down or about 10 % less load, and build back up when the soreness has gone.", suggestion.Text);
        Assert.Equal("Your knees were 6/10 sore on 31 March, the day after a session with Squat, which loads them.", suggestion.Reason);
    }

    [Fact]
    public void SorenessInAnAreaTheSessionDidNotLoad_OrMild_OrDaysLater_DoesNotFire()
    {
        var session = Session(Today.AddDays(-6), HipThrust, "barbell", [10, 10, 10], kg: 60);

        Assert.Empty(SorenessInsights.SoreAfterSession(Request([new SorenessCheckIn(Today.AddDays(-5), BodyArea.Shins, 7)], [session])));
        Assert.Empty(SorenessInsights.SoreAfterSession(Request([new SorenessCheckIn(Today.AddDays(-5), BodyArea.Glutes, 3)], [session])));
        Assert.Empty(SorenessInsights.SoreAfterSession(Request([new SorenessCheckIn(Today.AddDays(-2), BodyArea.Glutes, 7)], [session])));
        Assert.Single(SorenessInsights.SoreAfterSession(Request([new SorenessCheckIn(Today.AddDays(-4), BodyArea.Glutes, 7)], [session])));
    }

    [Fact]
    public void FallingAdherence_SuggestsAShorterSession()
    {
        var monday = new DateOnly(2026, 3, 2);
        var planned = Enumerable.Range(0, 4).SelectMany(w => new[] { monday.AddDays(7 * w), monday.AddDays((7 * w) + 3) })
            .Select(d => new PlannedSession(Guid.NewGuid(), d)).ToArray();
        // Did all four in the first two weeks, one of four in the last two.
        var done = planned.Take(4).Append(planned[6])
            .Select(p => new LoggedStrengthSession(p.Date, [new LoggedSet("hip-thrust", "bodyweight", 12)], plannedSessionId: p.Id)).ToArray();

        var suggestion = Assert.Single(SorenessInsights.Suggest(Request(sessions: done, planned: planned)));

        Assert.Equal(SuggestionKind.ShorterSession, suggestion.Kind);
        Assert.Equal("Try a shorter session: two exercises, two sets each, about 15 minutes. A short session done beats a long one skipped.", suggestion.Text);
        Assert.Equal("You did 1 of 4 planned strength sessions in the last 2 weeks, down from 4 of 4 in the 2 weeks before.", suggestion.Reason);
    }

    [Fact]
    public void SteadyOrRisingAdherence_DoesNotFire()
    {
        var monday = new DateOnly(2026, 3, 2);
        var planned = Enumerable.Range(0, 4).SelectMany(w => new[] { monday.AddDays(7 * w), monday.AddDays((7 * w) + 3) })
            .Select(d => new PlannedSession(Guid.NewGuid(), d)).ToArray();
        // Two of four both times: low but not falling. Logged by date, without a plan id.
        var done = new[] { planned[0], planned[2], planned[4], planned[7] }
            .Select(p => new LoggedStrengthSession(p.Date, [new LoggedSet("hip-thrust", "bodyweight", 12)])).ToArray();

        Assert.Empty(SorenessInsights.FallingAdherence(Request(sessions: done, planned: planned)));
    }

    [Fact]
    public void PainLastingTwoWeeks_SuggestsSeeingAProfessional()
    {
        var checkIns = new[]
        {
            new SorenessCheckIn(Today.AddDays(-16), BodyArea.Knees, 6),
            new SorenessCheckIn(Today.AddDays(-9), BodyArea.Knees, 7),
            new SorenessCheckIn(Today, BodyArea.Knees, 6),
        };

        var suggestion = Assert.Single(SorenessInsights.LastingPain(Request(checkIns)));

        Assert.Equal(SuggestionKind.SeeAProfessional, suggestion.Kind);
        Assert.Equal("knees", suggestion.Subject);
        Assert.Equal("Consider seeing a physiotherapist or doctor about your knees.", suggestion.Text);
        Assert.Equal("Your knees were at 6/10 or more on 3 check-ins over 16 days. Pain that lasts more than two weeks is worth a professional look; RunStrong can't tell soreness from injury.", suggestion.Reason);
    }

    [Fact]
    public void PainThatIsShortOrHasEased_DoesNotSuggestAProfessional()
    {
        var short3 = new[] { 10, 6, 2 }.Select(d => new SorenessCheckIn(Today.AddDays(-d), BodyArea.LowerBack, 7)).ToArray();
        Assert.Empty(SorenessInsights.LastingPain(Request(short3)));

        var eased = new[] { 20, 13, 6 }.Select(d => new SorenessCheckIn(Today.AddDays(-d), BodyArea.LowerBack, 7))
            .Append(new SorenessCheckIn(Today, BodyArea.LowerBack, 2)).ToArray();
        Assert.Empty(SorenessInsights.LastingPain(Request(eased)));

        var lowerBack = new[] { 20, 13, 6 }.Select(d => new SorenessCheckIn(Today.AddDays(-d), BodyArea.LowerBack, 7)).ToArray();
        Assert.Equal("Your lower back was at 6/10 or more on 3 check-ins over 14 days. Pain that lasts more than two weeks is worth a professional look; RunStrong can't tell soreness from injury.",
            Assert.Single(SorenessInsights.LastingPain(Request(lowerBack))).Reason);
    }

    [Fact]
    public void NothingLogged_NoSuggestions() => Assert.Empty(SorenessInsights.Suggest(Request()));
}

using Microsoft.Playwright;
using RunStrong.Web.Tests.Accounts;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Coaching;

/// <summary>
/// Sharing with a coach in real Chromium at phone width: the runner (the owner) shares on /account/sharing in their
/// browser; the coach, signed in through the sign-in form in a browser context of their own, reads /coach and the
/// athlete's page, edits the plan once allowed, and loses sight of the athlete when the runner stops sharing.
/// </summary>
public class CoachingPagesTests
{
    private const string CoachPassword = "coach password 123";

    [Fact]
    public async Task RunnerShares_CoachReadsThenEdits_RevokeHidesTheAthlete()
    {
        await using var server = await RunningServer.StartAsync();
        var (runnerId, planId, _) = await CoachingApiTests.RunnerWithPlanAndLogAsync(server);
        await server.CreateAccountAsync("coach", CoachPassword);
        await using var browser = await Browser.LaunchAsync();
        var (runner, runnerErrors) = await browser.OpenAsync(server, 390, 844);
        var (coach, coachErrors) = await browser.OpenAnonymousAsync(390, 844);
        await AccountForms.SignInAsync(coach, server, "coach", CoachPassword);
        await coach.ArrivesAtAsync(new Uri(server.Address, "/").ToString());

        // Nobody shares yet: the coach's page says how a runner would.
        await Browser.FollowMenuLinkAsync(coach, "Coach");
        // The address, then the text (auto-retrying): not WaitForURL, which on a loaded machine waited 30 s for a load
        // state after the page was there (CI, twice this stop).
        await coach.ArrivesAtAsync("**/coach");
        Assert.Contains("Nobody shares their training with you yet", await coach.GetByTestId("athletes-empty").InnerTextAsync(), StringComparison.Ordinal);
        var refused = await coach.GotoAsync(new Uri(server.Address, $"/coach/{runnerId}").ToString());
        Assert.Equal(404, refused!.Status);

        // The runner's typo is answered next to the field.
        await runner.GotoAsync(new Uri(server.Address, "/account/sharing").ToString());
        Assert.Equal("Nobody yet.", await runner.GetByTestId("shares-empty").InnerTextAsync());
        await runner.Locator("input[name='Coach']").FillAsync("coahc");
        await runner.GetByRole(AriaRole.Button, new() { Name = "Share", Exact = true }).ClickAsync();
        await runner.Locator(".field-error[data-field='coach']").WaitForAsync();
        Assert.Equal("coach: no account named 'coahc'", await runner.Locator(".field-error[data-field='coach']").InnerTextAsync());
        runnerErrors.Clear();

        await runner.Locator("input[name='Coach']").FillAsync("coach");
        Assert.True(await runner.GetByLabel("Read my plans and log").IsCheckedAsync());
        await runner.GetByRole(AriaRole.Button, new() { Name = "Share", Exact = true }).ClickAsync();
        await runner.GetByTestId("sharing-notice").WaitForAsync();
        Assert.Equal("coach now sees your plans and log (read-only).", await runner.GetByTestId("sharing-notice").InnerTextAsync());
        Assert.Contains("read-only, since", await runner.GetByTestId("share").InnerTextAsync(), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(runner, "coach-sharing-phone");

        // The coach sees the athlete, the plan's week and the log; no edit link on a read-only share.
        await coach.GotoAsync(new Uri(server.Address, "/coach").ToString());
        await coach.GetByTestId("athletes").GetByRole(AriaRole.Link, new() { Name = "owner" }).ClickAsync();
        await coach.ArrivesAtAsync($"**/coach/{runnerId}");
        Assert.Equal("owner", await coach.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Equal("Spring 10k", await coach.GetByTestId("athlete-plan-name").InnerTextAsync());
        Assert.Equal(7, await coach.GetByTestId("week-view").Locator(".week-day").CountAsync());
        Assert.True(await coach.GetByTestId("week-view").GetByTestId("session-chip").CountAsync() >= 2, "the week's strength sessions are shown");
        Assert.Equal("Hip thrust (barbell): 12x60kg@7", await coach.GetByTestId("history-exercise").InnerTextAsync());
        Assert.Equal("Run: 8 km in 44:00 (easy)", await coach.GetByTestId("history-run").InnerTextAsync());
        Assert.Equal("Soreness: calves 3/10", await coach.GetByTestId("history-soreness").InnerTextAsync());
        Assert.Equal(0, await coach.GetByTestId("coach-edit-plan").CountAsync());
        await Browser.ScreenshotAsync(coach, "coach-athlete-phone");
        var forbidden = await coach.GotoAsync(new Uri(server.Address, $"/coach/{runnerId}/plans/{planId}/edit").ToString());
        Assert.Equal(403, forbidden!.Status);

        // The runner lets the coach change plans; the coach edits through the plan form.
        await runner.GetByTestId("share").GetByRole(AriaRole.Button, new() { Name = "Let them change plans" }).ClickAsync();
        await runner.GetByText("coach's access is now: can read and change your plans.").WaitForAsync();
        Assert.Contains("can read and change your plans, since", await runner.GetByTestId("share").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await runner.GetByTestId("share").CountAsync());
        await Browser.ScreenshotAsync(runner, "coach-sharing-edit-phone");

        await coach.GotoAsync(new Uri(server.Address, $"/coach/{runnerId}").ToString());
        await coach.GetByTestId("coach-edit-plan").ClickAsync();
        await coach.ArrivesAtAsync($"**/coach/{runnerId}/plans/{planId}/edit");
        Assert.Equal("Spring 10k", await coach.Locator("input[name='Form.Name']").InputValueAsync());
        await coach.Locator("input[name='Form.Name']").FillAsync("Coach's 10k");
        await Browser.ScreenshotAsync(coach, "coach-edit-phone");
        await coach.GetByRole(AriaRole.Button, new() { Name = "Save and re-plan" }).ClickAsync();
        await coach.ArrivesAtAsync($"**/coach/{runnerId}?plan={planId}");
        Assert.Equal("Coach's 10k", await coach.GetByTestId("athlete-plan-name").InnerTextAsync());
        await runner.GotoAsync(new Uri(server.Address, $"/plans/{planId}").ToString());
        Assert.Equal("Coach's 10k", await runner.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());

        // The runner stops sharing: the athlete is gone for the coach.
        await runner.GotoAsync(new Uri(server.Address, "/account/sharing").ToString());
        await runner.GetByRole(AriaRole.Button, new() { Name = "Stop sharing with coach" }).ClickAsync();
        await runner.GetByTestId("shares-empty").WaitForAsync();
        Assert.Equal("coach no longer sees your plans and log.", await runner.GetByTestId("sharing-notice").InnerTextAsync());
        var gone = await coach.GotoAsync(new Uri(server.Address, $"/coach/{runnerId}").ToString());
        Assert.Equal(404, gone!.Status);
        var editGone = await coach.GotoAsync(new Uri(server.Address, $"/coach/{runnerId}/plans/{planId}/edit").ToString());
        Assert.Equal(404, editGone!.Status);
        await coach.GotoAsync(new Uri(server.Address, "/coach").ToString());
        Assert.Equal(1, await coach.GetByTestId("athletes-empty").CountAsync());

        // Expected: the 404 and 403 documents above. Nothing else may have failed.
        Assert.All(coachErrors, e => Assert.Matches("status of 40[34]", e));
        Assert.Empty(runnerErrors);
    }
}

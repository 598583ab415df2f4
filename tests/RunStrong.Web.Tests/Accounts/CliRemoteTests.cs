using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RunStrong.TestSupport;
using RunStrong.Web.Tests.Activities;
using RunStrong.Web.Tests.Infrastructure;

namespace RunStrong.Web.Tests.Accounts;

/// <summary>
/// <c>runstrong login</c>, <c>whoami</c>, <c>logout</c> and the commands that go to the server, run as the real
/// executable against the real server, each with a throw-away home folder.
/// </summary>
public class CliRemoteTests
{
    public static TheoryData<string> Engines => TestDatabases.Engines;

    [Theory, MemberData(nameof(Engines))]
    public async Task Login_WithAReadWriteToken_ThenImportUploadsToTheServer_AndLogoutForgetsIt(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var runner = await server.CreateAccountAsync("hill-runner", "a long enough password", owner: false, "read", "write");
        using var cli = new RemoteCli();
        var url = server.Address.ToString().TrimEnd('/');

        var login = await cli.RunWithStdinAsync(runner.Token, "login", url);

        Assert.True(login.ExitCode == 0, login.Stderr);
        Assert.True(login.Stdout.Contains($"Logged in to {url} as hill-runner; token scopes: read and write.", StringComparison.Ordinal), login.Stdout);
        Assert.Contains($"Logged in to {url} as hill-runner; token scopes: read and write.", login.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(runner.Token, login.Stdout + login.Stderr, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cli.CredentialsFile));
        }

        Assert.Contains(runner.Token, await File.ReadAllTextAsync(cli.CredentialsFile), StringComparison.Ordinal);

        var whoami = await cli.RunAsync("whoami");
        Assert.True(whoami.ExitCode == 0, whoami.Stderr);
        Assert.Contains($"hill-runner on {url}; token scopes: read and write.", whoami.Stdout, StringComparison.Ordinal);

        var fit = Fixtures.Path("fit", ActivitiesApiTests.FenixRun);
        var import = await cli.RunAsync("import", fit, Path.Combine(cli.Home, "missing.fit"));

        Assert.True(import.ExitCode == 2, $"exit {import.ExitCode}: {import.Stdout} {import.Stderr}");
        Assert.Contains($"imported  {fit}  activity ", import.Stdout, StringComparison.Ordinal);
        Assert.Contains($"failed    {Path.Combine(cli.Home, "missing.fit")}  {Path.Combine(cli.Home, "missing.fit")}: no such file or folder", import.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 imported, 0 already there, 1 failed, 0 not activity files.", import.Stdout, StringComparison.Ordinal);

        // The run is on the server, in this runner's account only; nothing went into a local database.
        using var asRunner = server.ClientWithToken(runner.Token);
        var list = await asRunner.GetFromJsonAsync<JsonElement>(new Uri("/api/activities", UriKind.Relative));
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal("running", list.GetProperty("items")[0].GetProperty("sport").GetString());
        Assert.Equal(0, (await server.GetJsonAsync<JsonElement>("/api/activities")).GetProperty("total").GetInt32());
        Assert.False(File.Exists(Path.Combine(cli.Home, "data", "RunStrong", "runstrong.db")), "remote import must not create a local database");

        var activities = await cli.RunAsync("activities", "--json");
        Assert.True(activities.ExitCode == 0, activities.Stderr);
        Assert.Equal(1, JsonDocument.Parse(activities.Stdout).RootElement.GetProperty("total").GetInt32());

        // The server predicts from what it stored as the local database does from the same data, by one rule (decision 0039):
        // the file's run is years old, so neither predicts from it and both say how old it is; then a race of this week.
        var predictionDb = Path.Combine(cli.Home, "predict.db");
        Assert.Equal(0, (await cli.RunAsync("import", fit, "--db", predictionDb)).ExitCode);
        var remoteOld = await cli.RunAsync("predict", "--json");
        var localOld = await cli.RunAsync("predict", "--json", "--db", predictionDb);
        Assert.Equal((1, 1), (remoteOld.ExitCode, localOld.ExitCode));
        Assert.Contains("your fitness has changed since", localOld.Stderr, StringComparison.Ordinal);
        Assert.Equal(localOld.Stderr.Replace("runstrong: ", $"runstrong: {url}: ", StringComparison.Ordinal), remoteOld.Stderr);
        var raceDay = TestClock.Iso(server.Today.AddDays(-2));
        Assert.Equal(0, (await cli.RunAsync("log", "run", "--date", raceDay, "--distance", "5k", "--time", "21:00", "--type", "race")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("log", "run", "--db", predictionDb, "--date", raceDay, "--distance", "5k", "--time", "21:00", "--type", "race")).ExitCode);
        var remotePrediction = await cli.RunAsync("predict", "--json");
        Assert.True(remotePrediction.ExitCode == 0, remotePrediction.Stderr);
        var localPrediction = await cli.RunAsync("predict", "--json", "--db", predictionDb);
        Assert.Equal(localPrediction.Stdout, remotePrediction.Stdout);
        Assert.Equal(5000, JsonDocument.Parse(remotePrediction.Stdout).RootElement.GetProperty("from").GetProperty("distanceMeters").GetDouble());

        var zip = Path.Combine(cli.Home, "mine.zip");
        var export = await cli.RunAsync("export", "--out", zip);
        Assert.True(export.ExitCode == 0, export.Stderr);
        using (var archive = System.IO.Compression.ZipFile.OpenRead(zip))
        {
            Assert.Contains(archive.Entries, e => e.FullName == "runstrong-export.json");
        }

        // A command with no remote form says it works on the local database; --db (local on purpose) says nothing.
        var settings = await cli.RunAsync("settings");
        Assert.True(settings.ExitCode == 0, settings.Stderr);
        Assert.Contains($"runstrong: note: `settings` works on the local database only, not on {url}", settings.Stderr, StringComparison.Ordinal);
        var local = await cli.RunAsync("activities", "--json", "--db", Path.Combine(cli.Home, "local.db"));
        Assert.True(local.ExitCode == 0, local.Stderr);
        Assert.Equal(0, JsonDocument.Parse(local.Stdout).RootElement.GetProperty("total").GetInt32());
        Assert.Equal("", local.Stderr);

        var logout = await cli.RunAsync("logout");
        Assert.True(logout.ExitCode == 0, logout.Stderr);
        Assert.Contains($"Logged out of {url}", logout.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.CredentialsFile));
        var after = await cli.RunAsync("whoami");
        Assert.Equal(1, after.ExitCode);
        Assert.StartsWith("runstrong: not logged in", after.Stderr, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Engines))]
    public async Task LoggedIn_LogStrengthRunAndSoreness_GoToTheServer_AndItsRefusalsAreOneLine(string engine)
    {
        await using var server = await RunningServer.StartAsync(engine);
        var runner = await server.CreateAccountAsync("gym-runner", "a long enough password", owner: false, "read", "write");
        using var cli = new RemoteCli();
        var login = await cli.RunWithStdinAsync(runner.Token, "login", server.Address.ToString());
        Assert.True(login.ExitCode == 0, login.Stderr);

        var strength = await cli.RunAsync("log", "strength", "--exercise", "hip-thrust", "--variant", "barbell", "--set", "12x60kg@7", "--set", "10x65kg@8", "--date", "2026-11-24", "--json");
        var run = await cli.RunAsync("log", "run", "--distance", "5k", "--time", "24:30", "--type", "race", "--date", "2026-11-25");
        var soreness = await cli.RunAsync("log", "soreness", "--area", "calves", "--score", "3", "--date", "2026-11-25");
        var badScore = await cli.RunAsync("log", "soreness", "--area", "calves", "--score", "11");

        Assert.True(strength.ExitCode == 0, strength.Stderr);
        Assert.Equal(["12x60kg@7", "10x65kg@8"], JsonDocument.Parse(strength.Stdout).RootElement.GetProperty("sets").EnumerateArray().Select(s => s.GetProperty("notation").GetString()));
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Logged run", run.Stdout, StringComparison.Ordinal);
        Assert.True(soreness.ExitCode == 0, soreness.Stderr);
        Assert.Contains("Logged calves 3/10 on 2026-11-25.", soreness.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, badScore.ExitCode);
        Assert.StartsWith($"runstrong: {server.Address.ToString().TrimEnd('/')}: ", badScore.Stderr, StringComparison.Ordinal);
        Assert.Contains("11", badScore.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("note:", strength.Stderr + run.Stderr + soreness.Stderr, StringComparison.Ordinal);

        // On the server, in this runner's log only; no local database was made.
        using var asRunner = server.ClientWithToken(runner.Token);
        Assert.Single(await asRunner.GetFromJsonAsync<JsonElement[]>(new Uri("/api/log/strength", UriKind.Relative)) ?? []);
        var runs = await asRunner.GetFromJsonAsync<JsonElement[]>(new Uri("/api/log/runs", UriKind.Relative)) ?? [];
        Assert.Equal(5000, Assert.Single(runs).GetProperty("distanceMeters").GetDouble());
        Assert.Single(await asRunner.GetFromJsonAsync<JsonElement[]>(new Uri("/api/log/soreness", UriKind.Relative)) ?? []);
        Assert.Empty(await server.GetJsonAsync<JsonElement[]>("/api/log/runs"));
        Assert.False(File.Exists(Path.Combine(cli.Home, "data", "RunStrong", "runstrong.db")), "logging remotely must not create a local database");
    }

    [Fact]
    public async Task ReadOnlyToken_ReadsButImportFailsWithOneLineSayingSo()
    {
        await using var server = await RunningServer.StartAsync();
        var reader = await server.CreateAccountAsync("reader", "a long enough password", owner: false, "read");
        using var cli = new RemoteCli();
        var url = server.Address.ToString().TrimEnd('/');

        var login = await cli.RunAsync("login", url, "--token", reader.Token);
        Assert.True(login.ExitCode == 0, login.Stderr);
        Assert.Contains("token scopes: read only.", login.Stdout, StringComparison.Ordinal);

        var import = await cli.RunAsync("import", Fixtures.Path("fit", ActivitiesApiTests.FenixRun));

        Assert.Equal(1, import.ExitCode);
        Assert.Equal(
            $"runstrong: the token is read-only, so {url} refuses changes; make one with read and write at {url}/account/tokens and run `runstrong login {url}`",
            import.Stderr.Trim());
        var exercises = await cli.RunAsync("exercises", "--muscle", "gluteus-medius", "--json");
        Assert.True(exercises.ExitCode == 0, exercises.Stderr);
        Assert.Contains(JsonDocument.Parse(exercises.Stdout).RootElement.EnumerateArray(), e => e.GetProperty("slug").GetString() == "side-lying-hip-abduction");

        var show = await cli.RunAsync("exercises", "show", "side-lying-hip-abduction");
        Assert.True(show.ExitCode == 0, show.Stderr);
        Assert.Contains("Side-lying hip abduction", show.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Progression:", show.Stdout, StringComparison.Ordinal);
        var unknown = await cli.RunAsync("exercises", "show", "no-such-exercise");
        Assert.Equal(1, unknown.ExitCode);
        Assert.StartsWith($"runstrong: {url}: ", unknown.Stderr, StringComparison.Ordinal);
        Assert.Contains("no-such-exercise", unknown.Stderr, StringComparison.Ordinal);

        // RUNSTRONG_SERVER and RUNSTRONG_TOKEN do the same without a credentials file (scripts, CI); both or neither.
        using var scripted = new RemoteCli();
        scripted.Environment["RUNSTRONG_SERVER"] = url;
        var half = await scripted.RunAsync("whoami");
        Assert.Equal(1, half.ExitCode);
        Assert.Equal("runstrong: RUNSTRONG_TOKEN is not set: set both RUNSTRONG_SERVER and RUNSTRONG_TOKEN, or neither", half.Stderr.Trim());
        scripted.Environment["RUNSTRONG_TOKEN"] = reader.Token;
        var whoami = await scripted.RunAsync("whoami");
        Assert.True(whoami.ExitCode == 0, whoami.Stderr);
        Assert.Equal($"reader on {url}; token scopes: read only.\nFrom RUNSTRONG_SERVER and RUNSTRONG_TOKEN.", whoami.Stdout.Trim().ReplaceLineEndings("\n"));
        Assert.Equal(1, (await scripted.RunAsync("import", Fixtures.Path("fit", ActivitiesApiTests.FenixRun))).ExitCode);
        Assert.False(File.Exists(scripted.CredentialsFile));
    }

    [Fact]
    public async Task BadTokenOrAddress_LoginFailsWithExit1AndSavesNothing_AndARevokedTokenIsSaidPlainly()
    {
        await using var server = await RunningServer.StartAsync();
        var runner = await server.CreateAccountAsync("revoker", "a long enough password");
        using var cli = new RemoteCli();
        var url = server.Address.ToString().TrimEnd('/');

        var wrong = await cli.RunWithStdinAsync("rs_thisTokenWasNeverMadeByTheServerAtAll000000", "login", url);
        Assert.Equal(1, wrong.ExitCode);
        Assert.StartsWith($"runstrong: {url} refused the token (revoked, expired or wrong)", wrong.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.CredentialsFile));

        var notAToken = await cli.RunAsync("login", url, "--token", "hunter2");
        Assert.Equal(1, notAToken.ExitCode);
        Assert.StartsWith("runstrong: token: a personal access token starts with rs_", notAToken.Stderr, StringComparison.Ordinal);

        var nobodyThere = await cli.RunAsync("login", "http://127.0.0.1:1", "--token", runner.Token);
        Assert.Equal(1, nobodyThere.ExitCode);
        Assert.StartsWith("runstrong: cannot reach http://127.0.0.1:1", nobodyThere.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.CredentialsFile));

        Assert.Equal(0, (await cli.RunAsync("login", url, "--token", runner.Token)).ExitCode);
        using (var session = await server.SignInAsync(runner.UserName, runner.Password))
        {
            var tokens = await session.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/tokens", UriKind.Relative));
            var id = tokens.EnumerateArray().Single().GetProperty("id").GetInt64();
            using var revoke = new HttpRequestMessage(HttpMethod.Delete, new Uri($"/api/tokens/{id}", UriKind.Relative));
            revoke.Headers.Add("RequestVerificationToken", session.AntiforgeryToken);
            Assert.Equal(HttpStatusCode.NoContent, (await session.Client.SendAsync(revoke)).StatusCode);
        }

        var activities = await cli.RunAsync("activities");
        Assert.Equal(1, activities.ExitCode);
        Assert.Equal(
            $"runstrong: {url} refused the token (revoked, expired or wrong); make a new one at {url}/account/tokens and run `runstrong login {url}`",
            activities.Stderr.Trim());
    }
}

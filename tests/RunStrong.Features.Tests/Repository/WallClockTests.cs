using System.Text.RegularExpressions;
using RunStrong.TestSupport;

namespace RunStrong.Features.Tests.Repository;

/// <summary>
/// Issue 11: the suite passes on any date because no test reads the wall clock, and RunStrong reads it in one place
/// only (the clock it injects). These checks read the repository's C# files and fail on the first slip.
/// </summary>
public partial class WallClockTests
{
    /// <summary>
    /// The product may name the system clock only where it chooses its clock (and where a framework that takes no
    /// clock forces the system one on it: Identity's lockouts, the browser's cookie lifetimes).
    /// </summary>
    private static readonly string[] SystemClockOwners =
    [
        "src/RunStrong.Features/Common/Clocks.cs",
        "src/RunStrong.Features/FeatureServices.cs",
        "src/RunStrong.Cli/CliApp.cs",
        "src/RunStrong.Cli/Commands/AccountsCommand.cs",
        "src/RunStrong.Web/Accounts/AccountsSetup.cs",
    ];

    [Fact]
    public void NoTestFile_ReadsTheWallClock()
    {
        var offenders = Offences("tests", WallClock()).ToArray();

        Assert.True(offenders.Length == 0,
            "tests read the wall clock (use TestClock, a FakeTimeProvider, or the RunningServer's Clock):\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void TheProduct_TakesItsTimeFromTheInjectedClock()
    {
        var direct = Offences("src", WallClock()).ToArray();
        var system = Offences("src", SystemClock()).Where(o => !SystemClockOwners.Any(owner => o.StartsWith(owner + ":", StringComparison.Ordinal))).ToArray();

        Assert.True(direct.Length == 0, "the product reads the wall clock directly:\n" + string.Join("\n", direct));
        Assert.True(system.Length == 0, "the product uses the system clock where it should take the injected TimeProvider:\n" + string.Join("\n", system));
    }

    [Fact]
    public void TheCheck_FindsWhatItLooksFor()
    {
        // The patterns themselves, so a typo in them cannot make the checks above pass for nothing.
        var now = string.Concat("DateTime", ".", "Now");
        Assert.Matches(WallClock(), $"var today = {now};");
        Assert.Matches(WallClock(), $"x = {now.Replace("Now", "UtcNow", StringComparison.Ordinal)}.Date;");
        Assert.Matches(WallClock(), string.Concat("DateTimeOffset", ".", "UtcNow"));
        Assert.Matches(WallClock(), string.Concat("DateTime", ".", "Today"));
        Assert.Matches(SystemClock(), string.Concat("TimeProvider", ".", "System", ".GetUtcNow()"));
        Assert.DoesNotMatch(WallClock(), "TestClock.Now");
        Assert.DoesNotMatch(WallClock(), "server.Clock.GetUtcNow()");
    }

    /// <summary>Each line of a C# file under <paramref name="folder"/> that matches, as "path:line: text".</summary>
    private static IEnumerable<string> Offences(string folder, Regex pattern)
    {
        var root = Fixtures.RepositoryRoot;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (pattern.IsMatch(lines[i]))
                {
                    yield return $"{relative}:{i + 1}: {lines[i].Trim()}";
                }
            }
        }
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\s*\.\s*(Now|UtcNow|Today)\b")]
    private static partial Regex WallClock();

    [GeneratedRegex(@"\bTimeProvider\s*\.\s*System\b")]
    private static partial Regex SystemClock();
}

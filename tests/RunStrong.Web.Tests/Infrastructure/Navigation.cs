using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RunStrong.Web.Tests.Infrastructure;

/// <summary>Waits for a page to reach an address.</summary>
public static class Navigation
{
    /// <summary>
    /// Waits (up to 30 s, what a navigation may take on a loaded machine) until the page's address matches
    /// <paramref name="glob"/>: <c>**</c> any characters, <c>*</c> any but '/', everything else literal (a '?' too), the
    /// whole address matched. An auto-retrying assertion on the address, not <c>WaitForURL</c>: on CI's two busy cores
    /// WaitForURL waited 30 s for a load state after the page was there (even with Commit), and failed the run. Then the
    /// document is parsed (its deferred scripts run), so what a test reads next without waiting (a count, the page's width,
    /// a screenshot) reads the new page whole; images and other late requests are not waited for.
    /// </summary>
    public static async Task ArrivesAtAsync(this IPage page, string glob)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Assertions.Expect(page).ToHaveURLAsync(ToRegex(glob), new() { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new() { Timeout = 30_000 });
    }

    internal static Regex ToRegex(string glob)
    {
        ArgumentNullException.ThrowIfNull(glob);
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                pattern.Append(".*");
                i++;
            }
            else if (glob[i] == '*')
            {
                pattern.Append("[^/]*");
            }
            else
            {
                // Escaped for JavaScript, where Playwright runs the pattern (no options: it refuses .NET's).
                pattern.Append(@"\^$.+?()[]{}|".Contains(glob[i], StringComparison.Ordinal) ? "\\" + glob[i] : glob[i].ToString());
            }
        }

        return new Regex(pattern.Append('$').ToString());
    }
}

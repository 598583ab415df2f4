using Microsoft.Playwright;

namespace RunStrong.Web.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright for .NET (never a downloaded browser): headless, no sandbox (CI runs as
/// root), no background networking (the product and its tests make no calls beyond loopback).
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        _playwright = playwright;
        Chromium = chromium;
    }

    public IBrowser Chromium { get; }

    /// <summary>Phone (390 px, an iPhone 12–15) and desktop widths the pages are checked at.</summary>
    public static readonly (string Name, int Width, int Height)[] Viewports = [("phone", 390, 844), ("desktop", 1280, 900)];

    public static async Task<Browser> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable("RUNSTRONG_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException($"Chromium is expected at {executable}; ./test.sh installs Debian's chromium package.");
        }

        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-gpu", "--no-first-run"],
        });
        return new Browser(playwright, chromium);
    }

    /// <summary>A fresh page of the given size, signed in as <paramref name="server"/>'s owner, that records console errors and failed requests.</summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(RunningServer server, int width, int height)
    {
        var (page, errors) = await OpenAnonymousAsync(width, height);
        await SignInAsync(page.Context, server);
        return (page, errors);
    }

    /// <summary>A browser context of <paramref name="options"/> (no JavaScript, say) signed in as <paramref name="server"/>'s owner.</summary>
    public async Task<IBrowserContext> NewSignedInContextAsync(RunningServer server, BrowserNewContextOptions options)
    {
        var context = await Chromium.NewContextAsync(options);
        await SignInAsync(context, server);
        return context;
    }

    /// <summary>Gives the context the owner's session cookie (signed in once per server through the sign-in form).</summary>
    public static async Task SignInAsync(IBrowserContext context, RunningServer server)
    {
        var cookies = await server.OwnerCookiesAsync();
        await context.AddCookiesAsync(cookies.Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Domain = server.Address.Host,
            Path = c.Path,
            HttpOnly = c.HttpOnly,
            Secure = c.Secure,
        }));
    }

    /// <summary>A fresh page of the given size, signed in as nobody, that records console errors and failed requests.</summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAnonymousAsync(int width, int height)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Location is { Length: > 0 } where ? $"{message.Text} ({where})" : message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                errors.Add($"{response.Status} for {response.Url}");
            }
        };
        return (page, errors);
    }

    /// <summary>
    /// Follows a link of the main menu as a person would: on a phone the menu is folded behind its button, which is
    /// tapped first.
    /// </summary>
    public static async Task FollowMenuLinkAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var button = page.GetByTestId("menu-button");
        if (await button.IsVisibleAsync())
        {
            await button.ClickAsync();
        }

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
    }

    /// <summary>Fails when the page is wider than the window: it would scroll sideways (on a phone, the worst of it).</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{page.Url} scrolls sideways ({scrollWidth} px wide at {width} px)");
    }

    /// <summary>Saves a screenshot beside the test output (TestResults/screenshots) so a person can look at it.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        return file;
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Features.Accounts;
using RunStrong.Features.Common;
using RunStrong.Web.Accounts;

namespace RunStrong.Web.Pages.Account;

/// <summary>
/// /account/tokens: make a personal access token (shown once, in the answer to the form), list the account's tokens
/// and revoke one. Only the signed-in person reaches it: a token cannot open this page's forms (no antiforgery
/// cookie), and the API's /api/tokens refuses tokens too.
/// </summary>
public sealed class TokensModel(RunStrongDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    /// <summary>read, or write (read and write).</summary>
    [BindProperty]
    public string? Access { get; set; }

    [BindProperty]
    public string? ExpiresInDays { get; set; }

    [BindProperty]
    public long Id { get; set; }

    public AccessTokens.Created? Created { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IReadOnlyList<AccessTokens.Item> Tokens { get; private set; } = [];

    /// <summary>This server's address as the browser reached it, for the <c>runstrong login</c> hint.</summary>
    public string ServerAddress => $"{Request.Scheme}://{Request.Host}{Request.PathBase}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (AccountsSetup.UserId(User) is not { } userId)
        {
            return Challenge();
        }

        Tokens = await AccessTokens.ListAsync(db, userId, clock, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (AccountsSetup.UserId(User) is not { } userId)
        {
            return Challenge();
        }

        try
        {
            int? days = null;
            if (!string.IsNullOrWhiteSpace(ExpiresInDays))
            {
                days = int.TryParse(ExpiresInDays.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                    ? parsed
                    : throw new UserInputException("expiresInDays", $"Expires after: '{ExpiresInDays.Trim()}' is not a whole number of days");
            }

            string[] scopes = Access == "write" ? ["read", "write"] : ["read"];
            Created = await AccessTokens.CreateAsync(db, userId, new AccessTokens.Request(Name, scopes, days), clock, cancellationToken);

            // The answer holds a secret: no caching anywhere, and the form starts empty again.
            Response.Headers.CacheControl = "no-store";
            Name = null;
            ExpiresInDays = null;
            Access = null;
        }
        catch (UserInputException e)
        {
            Errors = [Label(e)];
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Tokens = await AccessTokens.ListAsync(db, userId, clock, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        if (AccountsSetup.UserId(User) is not { } userId)
        {
            return Challenge();
        }

        try
        {
            await AccessTokens.RevokeAsync(db, userId, Id, clock, cancellationToken);
        }
        catch (UserInputException e)
        {
            Errors = [e.Message];
            Response.StatusCode = StatusCodes.Status404NotFound;
            Tokens = await AccessTokens.ListAsync(db, userId, clock, cancellationToken);
            return Page();
        }

        return RedirectToPage("/Account/Tokens");
    }

    /// <summary>The feature's messages name API fields; the page names its own labels.</summary>
    private static string Label(UserInputException e) => e.Field switch
    {
        "name" => $"Name: {e.Message}",
        "expiresInDays" when e.Message.StartsWith("Expires after", StringComparison.Ordinal) => e.Message,
        "expiresInDays" => $"Expires after: {e.Message}",
        "scopes" => $"What it may do: {e.Message}",
        _ => e.Message,
    };
}

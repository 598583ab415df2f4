using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Accounts;
using RunStrong.Web.Accounts;

namespace RunStrong.Web.Pages.Account;

/// <summary>
/// /account/signin. Wrong passwords count toward the lockout (5 in a row lock the account for 15 minutes by default);
/// the page says when an account is locked, and never whether a user name exists.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<RunStrongUser> signIn, RunStrongDbContext db, RegistrationPolicy registration) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public bool NeedsOwner { get; private set; }

    public bool CanRegister => registration.Mode == RegistrationMode.Open && !NeedsOwner;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NeedsOwner = await AccountCreation.NeedsOwnerAsync(db, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        NeedsOwner = await AccountCreation.NeedsOwnerAsync(db, cancellationToken);
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            return Refuse("userName, password: give both your user name and your password.");
        }

        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/SignInTwoFactor", new { ReturnUrl = SafeReturnUrl(ReturnUrl) });
        }

        if (result.IsLockedOut)
        {
            return Refuse("This account is locked after too many wrong passwords. Try again in a few minutes.", StatusCodes.Status423Locked);
        }

        return Refuse("The user name or the password is wrong.");
    }

    /// <summary>Only paths on this server: a sign-in link cannot send the runner elsewhere.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";

    private PageResult Refuse(string error, int status = StatusCodes.Status400BadRequest)
    {
        Error = error;
        Response.StatusCode = status;
        return Page();
    }
}

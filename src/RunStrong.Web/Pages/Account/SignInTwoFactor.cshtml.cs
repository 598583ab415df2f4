using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data.Entities;

namespace RunStrong.Web.Pages.Account;

/// <summary>
/// /account/signin-2fa: the second step of signing in to an account with two-factor on, after the password. Takes a
/// 6-digit code from the authenticator app or one of the recovery codes (each works once). Wrong codes count toward
/// the lockout, like wrong passwords.
/// </summary>
[AllowAnonymous]
public sealed class SignInTwoFactorModel(SignInManager<RunStrongUser> signIn, UserManager<RunStrongUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public string? Error { get; private set; }

    /// <summary>False when nobody has given their password in the last few minutes: the page sends them back to sign in.</summary>
    public bool PasswordGiven { get; private set; } = true;

    public async Task OnGetAsync()
    {
        PasswordGiven = await signIn.GetTwoFactorAuthenticationUserAsync() is not null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            PasswordGiven = false;
            return Refuse("Signing in took too long or was not started here: sign in with your password again.");
        }

        var code = TwoFactorModel.Normalize(Code);
        if (code.Length == 0)
        {
            return Refuse("code: give the 6-digit code from your authenticator app, or a recovery code.");
        }

        // Six digits are the app's code; anything else is taken as a recovery code (letters, digits and a dash).
        var recovery = !(code.Length == 6 && code.All(char.IsAsciiDigit));
        var result = recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(Code!.Trim())
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: true, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        }

        if (recovery && !result.IsLockedOut)
        {
            // Identity counts wrong authenticator codes toward the lockout, not wrong recovery codes: count those too,
            // or the recovery codes would be a way around the lockout.
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user))
            {
                result = Microsoft.AspNetCore.Identity.SignInResult.LockedOut;
            }
        }

        if (result.IsLockedOut)
        {
            return Refuse("This account is locked after too many wrong codes or passwords. Try again in a few minutes.", StatusCodes.Status423Locked);
        }

        return Refuse(recovery
            ? "code: that recovery code is wrong or was used already. Each recovery code works once."
            : "code: that code is wrong. Type the code your app shows now for RunStrong (codes change every 30 seconds).");
    }

    private PageResult Refuse(string error, int status = StatusCodes.Status400BadRequest)
    {
        Error = error;
        Response.StatusCode = status;
        return Page();
    }
}

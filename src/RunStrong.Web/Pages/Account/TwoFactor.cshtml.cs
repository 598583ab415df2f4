using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data.Entities;
using RunStrong.Web.Accounts;

namespace RunStrong.Web.Pages.Account;

/// <summary>
/// /account/two-factor: codes from an authenticator app (TOTP, RFC 6238) as a second step of signing in. Turning it on
/// shows a new key (text and QR code), asks for a code from the app to prove it was added, then shows 10 recovery codes
/// once. Turning it off asks for a code or the password. Wrong codes and passwords count toward the lockout.
/// </summary>
public sealed class TwoFactorModel(UserManager<RunStrongUser> users, SignInManager<RunStrongUser> signIn) : AccountPageModel(users, signIn)
{
    public const int RecoveryCodeCount = 10;

    /// <summary><c>off</c>, <c>setup</c> (key shown, waiting for a code), <c>codes</c> (recovery codes shown once) or <c>on</c>.</summary>
    public string Step { get; private set; } = "off";

    public string? Key { get; private set; }

    public IHtmlContent? QrCode { get; private set; }

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public int RecoveryCodesLeft { get; private set; }

    public string? Error { get; private set; }

    public string? Flash { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = Account;
        await ShowStatusAsync(user);
        return Page();
    }

    /// <summary>Makes a new authenticator key and shows it; two-factor is not on until a code from it is confirmed.</summary>
    public async Task<IActionResult> OnPostStartAsync()
    {
        var user = Account;
        if (user.TwoFactorEnabled)
        {
            await ShowStatusAsync(user);
            return Page();
        }

        await UserManager.ResetAuthenticatorKeyAsync(user);
        await SignInManager.RefreshSignInAsync(user);
        await ShowKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? code)
    {
        var user = Account;
        if (user.TwoFactorEnabled)
        {
            await ShowStatusAsync(user);
            return Page();
        }

        if (await UserManager.GetAuthenticatorKeyAsync(user) is null)
        {
            await ShowStatusAsync(user);
            return Refuse("Start again: there is no authenticator key to confirm yet.");
        }

        if (await UserManager.IsLockedOutAsync(user))
        {
            await ShowKeyAsync(user);
            return Refuse("This account is locked after too many wrong codes or passwords. Try again in a few minutes.");
        }

        if (!await UserManager.VerifyTwoFactorTokenAsync(user, UserManager.Options.Tokens.AuthenticatorTokenProvider, Normalize(code)))
        {
            await UserManager.AccessFailedAsync(user);
            await ShowKeyAsync(user);
            return Refuse("code: that is not the app's current code for this key. Check that the app shows RunStrong and try the code it shows now.");
        }

        await UserManager.ResetAccessFailedCountAsync(user);
        await UserManager.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await UserManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToArray() ?? [];
        await SignInManager.RefreshSignInAsync(user);
        Step = "codes";
        return Page();
    }

    /// <summary>Turns two-factor off after a code from the app or the password; the old key stops working.</summary>
    public async Task<IActionResult> OnPostDisableAsync(string? code, string? password)
    {
        var user = Account;
        if (!user.TwoFactorEnabled)
        {
            await ShowStatusAsync(user);
            return Page();
        }

        if (await CheckCodeOrPasswordAsync(user, code, password) is { } error)
        {
            await ShowStatusAsync(user);
            return Refuse(error);
        }

        await UserManager.SetTwoFactorEnabledAsync(user, false);
        await UserManager.ResetAuthenticatorKeyAsync(user);
        await SignInManager.RefreshSignInAsync(user);
        await ShowStatusAsync(user);
        Flash = "Two-factor sign-in is off: your password alone signs you in. Remove RunStrong from your authenticator app.";
        return Page();
    }

    /// <summary>Replaces the recovery codes with 10 new ones (after a code or the password): the old ones stop working.</summary>
    public async Task<IActionResult> OnPostRecoveryCodesAsync(string? code, string? password)
    {
        var user = Account;
        if (!user.TwoFactorEnabled)
        {
            await ShowStatusAsync(user);
            return Page();
        }

        if (await CheckCodeOrPasswordAsync(user, code, password) is { } error)
        {
            await ShowStatusAsync(user);
            return Refuse(error);
        }

        RecoveryCodes = (await UserManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToArray() ?? [];
        Step = "codes";
        return Page();
    }

    /// <summary>Spaces and dashes are how apps and people group digits; the code is the digits.</summary>
    public static string Normalize(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    private async Task<string?> CheckCodeOrPasswordAsync(RunStrongUser user, string? code, string? password)
    {
        if (await UserManager.IsLockedOutAsync(user))
        {
            return "This account is locked after too many wrong codes or passwords. Try again in a few minutes.";
        }

        bool valid;
        if (!string.IsNullOrWhiteSpace(code))
        {
            valid = await UserManager.VerifyTwoFactorTokenAsync(user, UserManager.Options.Tokens.AuthenticatorTokenProvider, Normalize(code));
        }
        else if (!string.IsNullOrEmpty(password))
        {
            valid = await UserManager.CheckPasswordAsync(user, password);
        }
        else
        {
            return "code, password: give a code from your authenticator app or your password.";
        }

        if (!valid)
        {
            await UserManager.AccessFailedAsync(user);
            return string.IsNullOrWhiteSpace(code) ? "password: the password is wrong." : "code: that is not the app's current code.";
        }

        await UserManager.ResetAccessFailedCountAsync(user);
        return null;
    }

    private async Task ShowStatusAsync(RunStrongUser user)
    {
        Step = user.TwoFactorEnabled ? "on" : "off";
        RecoveryCodesLeft = user.TwoFactorEnabled ? await UserManager.CountRecoveryCodesAsync(user) : 0;
    }

    private async Task ShowKeyAsync(RunStrongUser user)
    {
        var key = await UserManager.GetAuthenticatorKeyAsync(user) ?? "";
        var name = user.UserName ?? "";
        Step = "setup";
        Key = AuthenticatorQr.Grouped(key);
        QrCode = AuthenticatorQr.Svg(AuthenticatorQr.Uri(name, key), $"QR code of the authenticator key for {name}");
    }

    private PageResult Refuse(string error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

using Microsoft.AspNetCore.Identity;
using OtpNet;
using RunStrong.Data.Entities;

namespace RunStrong.Web.Accounts;

/// <summary>
/// Checks the 6-digit codes of an authenticator app (TOTP, RFC 6238: HMAC-SHA1, 30-second steps) on the app's
/// injected clock. It does what Identity's own <see cref="AuthenticatorTokenProvider{TUser}"/> does (the same base32
/// key, ±2 steps of tolerance for a phone's clock), but Identity's reads the system clock directly; this one takes the
/// <see cref="TimeProvider"/> the rest of RunStrong runs on, so tests can fix the date (issue 11). The code itself is
/// Otp.NET's (the well-kept library for it), not ours.
/// </summary>
public sealed class AuthenticatorCodes(TimeProvider clock) : IUserTwoFactorTokenProvider<RunStrongUser>
{
    /// <summary>Identity's tolerance: two 30-second steps either side of now.</summary>
    private static readonly VerificationWindow Tolerance = new(previous: 2, future: 2);

    public Task<string> GenerateAsync(string purpose, UserManager<RunStrongUser> manager, RunStrongUser user) =>
        Task.FromResult(string.Empty); // the runner's app makes the codes, never the server

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<RunStrongUser> manager, RunStrongUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        return totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out _, Tolerance);
    }

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<RunStrongUser> manager, RunStrongUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }
}

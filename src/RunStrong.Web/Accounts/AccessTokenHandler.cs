using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using RunStrong.Data;
using RunStrong.Features.Accounts;
using RunStrong.Web.Api;

namespace RunStrong.Web.Accounts;

/// <summary>
/// Signs in an API call that carries <c>Authorization: Bearer rs_…</c>, a personal access token. The principal names
/// the account and its scopes (<c>read</c>, and <c>write</c> when granted); <see cref="AccountsSetup"/> refuses
/// changes to a read-only token. A bad token is a 401 ProblemDetails that says why, without echoing the token.
/// </summary>
public sealed class AccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, HotReads reads, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";

    public const string ScopeClaim = "scope";

    public const string TokenIdClaim = "token_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var holder = await AccessTokens.AuthenticateAsync(
            reads, () => Context.RequestServices.GetRequiredService<RunStrongDbContext>(), token, clock, Context.RequestAborted);
        if (holder is null)
        {
            return AuthenticateResult.Fail("The access token is unknown, expired or revoked.");
        }

        if (holder.Stamp is { } stamp)
        {
            RunnerMemoFilter.Remember(Context, holder.UserId, stamp);
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, holder.UserId.ToString()),
            new(TokenIdClaim, holder.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ScopeClaim, "read"),
        };
        if (holder.CanWrite)
        {
            claims.Add(new Claim(ScopeClaim, "write"));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await AccountsSetup.WriteProblemAsync(Context, StatusCodes.Status401Unauthorized, "Not signed in",
            failure ?? "Authorization: sign in, or send a personal access token as 'Authorization: Bearer rs_…'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AccountsSetup.WriteProblemAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "This account may not do that.");

    /// <summary>The token after <c>Bearer </c>, or null when the request carries none.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Accounts;
using RunStrong.Web.Accounts;

namespace RunStrong.Web.Api;

/// <summary>
/// The signed-in account (<c>/api/me</c>) and its personal access tokens (<c>/api/tokens</c>). Tokens are made,
/// listed and revoked with the session only: a token cannot make another token.
/// </summary>
public static class AccountsApi
{
    public sealed record Me(Guid Id, string UserName, string? Email, bool IsOwner, string SignedInWith, IReadOnlyList<string> Scopes);

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/me", MeAsync)
            .WithTags("Account")
            .WithName("GetMe")
            .WithSummary("Who is signed in, how (session or token), and with which scopes")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        var tokens = routes.MapGroup("/api/tokens").WithTags("Account").AddEndpointFilter(async (context, next) =>
            AccountsSetup.IsSession(context.HttpContext.User)
                ? await next(context)
                : TypedResults.Problem(
                    title: "Session required",
                    detail: "Authorization: access tokens are made, listed and revoked by a signed-in person (the web page /account/tokens), not by another token.",
                    statusCode: StatusCodes.Status403Forbidden));
        tokens.MapGet("/", ListTokensAsync).WithName("ListAccessTokens").WithSummary("Your personal access tokens (never the tokens themselves)");
        tokens.MapPost("/", CreateTokenAsync).WithName("CreateAccessToken")
            .WithSummary("Make a personal access token; the response holds the token, shown this once")
            .ProducesValidationProblem();
        tokens.MapDelete("/{id:long}", RevokeTokenAsync).WithName("RevokeAccessToken")
            .WithSummary("Revoke a token: it stops working at once")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<Me>, NotFound>> MeAsync(ClaimsPrincipal principal, UserManager<RunStrongUser> users)
    {
        if (AccountsSetup.UserId(principal) is not { } id || await users.FindByIdAsync(id.ToString()) is not { } user)
        {
            return TypedResults.NotFound();
        }

        var session = AccountsSetup.IsSession(principal);
        var scopes = session ? AccessTokens.AllScopes : principal.FindAll(AccessTokenHandler.ScopeClaim).Select(c => c.Value).ToArray();
        return TypedResults.Ok(new Me(user.Id, user.UserName ?? "", user.Email, user.IsOwner, session ? "session" : "token", scopes));
    }

    private static async Task<Ok<AccessTokens.Item[]>> ListTokensAsync(ClaimsPrincipal principal, RunStrongDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AccessTokens.ListAsync(db, AccountsSetup.UserId(principal)!.Value, clock, cancellationToken));

    private static async Task<Created<AccessTokens.Created>> CreateTokenAsync(
        AccessTokens.Request request, ClaimsPrincipal principal, RunStrongDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var created = await AccessTokens.CreateAsync(db, AccountsSetup.UserId(principal)!.Value, request, clock, cancellationToken);
        return TypedResults.Created($"/api/tokens/{created.Id}", created);
    }

    private static async Task<NoContent> RevokeTokenAsync(long id, ClaimsPrincipal principal, RunStrongDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await AccessTokens.RevokeAsync(db, AccountsSetup.UserId(principal)!.Value, id, clock, cancellationToken);
        return TypedResults.NoContent();
    }
}

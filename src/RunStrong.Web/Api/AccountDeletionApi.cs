using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Accounts;
using RunStrong.Web.Accounts;

namespace RunStrong.Web.Api;

/// <summary>
/// <c>DELETE /api/me</c>: deletes the signed-in account and all its data after its password (session with the
/// antiforgery header, or a token with the write scope). Same rules as the page /account/delete.
/// </summary>
public static class AccountDeletionApi
{
    public sealed record Request(string? Password);

    public static IEndpointRouteBuilder MapAccountDeletionApi(this IEndpointRouteBuilder routes)
    {
        routes.MapDelete("/api/me", DeleteMeAsync)
            .WithTags("Account")
            .WithName("DeleteMe")
            .WithSummary("Delete your account and everything it holds; the body carries the password")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return routes;
    }

    private static async Task<Ok<DeleteAccount.Summary>> DeleteMeAsync(
        [FromBody] Request request, ClaimsPrincipal principal, UserManager<RunStrongUser> users, SignInManager<RunStrongUser> signIn,
        RunStrongDbContext db, CancellationToken cancellationToken)
    {
        var summary = await DeleteAccount.HandleAsync(users, db, AccountsSetup.UserId(principal)!.Value, request.Password, cancellationToken);
        if (AccountsSetup.IsSession(principal))
        {
            await signIn.SignOutAsync();
        }

        return TypedResults.Ok(summary);
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Accounts;
using RunStrong.Features.Common;

namespace RunStrong.Web.Pages.Account;

/// <summary>
/// /account/delete: shows what deleting the account removes, asks for the password, deletes the account and all its
/// data (<see cref="DeleteAccount"/>), signs out and says what went.
/// </summary>
public sealed class DeleteModel(UserManager<RunStrongUser> users, SignInManager<RunStrongUser> signIn, RunStrongDbContext db) : AccountPageModel(users, signIn)
{
    public DeleteAccount.Summary? Stored { get; private set; }

    /// <summary>Why this account cannot be deleted now (the owner while other accounts exist), or null.</summary>
    public string? Refusal { get; private set; }

    public string? Error { get; private set; }

    /// <summary>What was deleted, after the account is gone.</summary>
    public DeleteAccount.Summary? Deleted { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? password, CancellationToken cancellationToken)
    {
        var id = Accounts.AccountsSetup.UserId(User) ?? Guid.Empty;
        try
        {
            Deleted = await DeleteAccount.HandleAsync(UserManager, db, id, password, cancellationToken);
        }
        catch (UserInputException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await ShowAsync(cancellationToken);
            return Page();
        }

        await SignInManager.SignOutAsync();
        // This response is the first one signed out: the page shows no navigation for an account that is gone.
        HttpContext.User = new ClaimsPrincipal(new ClaimsIdentity());
        return Page();
    }

    /// <summary><c>1 plan</c>, <c>3 plans</c>.</summary>
    public static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        var user = Account;
        Stored = await DeleteAccount.PreviewAsync(db, user, cancellationToken);
        Refusal = await DeleteAccount.RefusalAsync(db, user, cancellationToken);
    }
}

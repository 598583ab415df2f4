using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Accounts;

namespace RunStrong.Web.Pages.Account;

/// <summary>/account/setup?token=…: the one-time link printed at first start creates the owner's account.</summary>
[AllowAnonymous]
public sealed class SetupModel(
    UserManager<RunStrongUser> users, SignInManager<RunStrongUser> signIn, RunStrongDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool LinkValid { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        LinkValid = await FindLinkAsync(cancellationToken) is not null;
        if (!LinkValid)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var link = await FindLinkAsync(cancellationToken);
        LinkValid = link is not null;
        if (link is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var (user, errors) = await AccountCreation.CreateAsync(
            users, db, new AccountCreation.NewAccount(UserName, Email, Password, ConfirmPassword), owner: true, link, clock, cancellationToken);
        if (user is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: true);
        return LocalRedirect("/");
    }

    private async Task<Invitation?> FindLinkAsync(CancellationToken cancellationToken) =>
        await AccountCreation.NeedsOwnerAsync(db, cancellationToken)
            ? await AccountCreation.FindLinkAsync(db, InvitationKinds.Setup, Token, clock, cancellationToken)
            : null;
}

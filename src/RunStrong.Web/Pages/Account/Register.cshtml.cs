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
/// /account/register: makes an account as <see cref="RegistrationPolicy"/> allows: anyone (open), only with an
/// unused invitation link <c>?invite=…</c> (invite, the default; the invitation is spent), or nobody (closed). A server
/// without any account yet takes its owner through the setup link first.
/// </summary>
[AllowAnonymous]
public sealed class RegisterModel(
    UserManager<RunStrongUser> users, SignInManager<RunStrongUser> signIn, RunStrongDbContext db, RegistrationPolicy registration, TimeProvider clock)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Invite { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    /// <summary>Why this visitor may not register (shown instead of the form), or null.</summary>
    public string? Refusal { get; private set; }

    /// <summary>A stable name for the refusal, for tests and styling: <c>needs-owner</c>, <c>closed</c>, <c>invite</c>.</summary>
    public string? RefusalKind { get; private set; }

    public bool WithInvitation { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await CheckAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var invitation = await CheckAsync(cancellationToken);
        if (Refusal is not null)
        {
            return Page();
        }

        var (user, errors) = await AccountCreation.CreateAsync(
            users, db, new AccountCreation.NewAccount(UserName, Email, Password, ConfirmPassword), owner: false, invitation, clock, cancellationToken);
        if (user is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: true);
        return LocalRedirect("/");
    }

    /// <summary>Sets <see cref="Refusal"/> (and the status) when this visitor may not register; the invitation to spend, if any.</summary>
    private async Task<Invitation?> CheckAsync(CancellationToken cancellationToken)
    {
        if (await AccountCreation.NeedsOwnerAsync(db, cancellationToken))
        {
            Refuse("needs-owner", StatusCodes.Status403Forbidden,
                "This RunStrong has no account yet: its owner comes first. Open the setup link printed on the console where RunStrong " +
                "started (restart it for a new link) to create the owner's account.");
            return null;
        }

        switch (registration.Mode)
        {
            case RegistrationMode.Closed:
                Refuse("closed", StatusCodes.Status403Forbidden,
                    "Registration is closed on this server: nobody can make an account here. Ask the server's owner if you think you should.");
                return null;
            case RegistrationMode.Open:
                return null;
            default:
                var invitation = await AccountCreation.FindLinkAsync(db, InvitationKinds.Invite, Invite, clock, cancellationToken);
                if (invitation is null)
                {
                    Refuse("invite", StatusCodes.Status403Forbidden, string.IsNullOrEmpty(Invite)
                        ? "Registration on this server is by invitation only: open the invitation link the server's owner gave you."
                        : "This invitation link is used, withdrawn, expired or wrong. Ask the server's owner for a new one.");
                }

                WithInvitation = invitation is not null;
                return invitation;
        }
    }

    private void Refuse(string kind, int status, string message)
    {
        RefusalKind = kind;
        Refusal = message;
        Response.StatusCode = status;
    }
}

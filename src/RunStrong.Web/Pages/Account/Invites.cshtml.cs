using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Accounts;
using RunStrong.Features.Common;
using RunStrong.Web.Accounts;

namespace RunStrong.Web.Pages.Account;

/// <summary>
/// /account/invites, for the server's owner only: make an invitation link (shown once, in full), see which are
/// pending, used or expired, and withdraw one. Refused while registration is closed, since no link would let anyone in.
/// </summary>
public sealed class InvitesModel(UserManager<RunStrongUser> users, RunStrongDbContext db, RegistrationPolicy registration, TimeProvider clock)
    : PageModel
{
    [BindProperty]
    public string? Note { get; set; }

    public RegistrationMode Mode => registration.Mode;

    public bool IsOwner { get; private set; }

    /// <summary>The new invitation's full link, shown this once.</summary>
    public string? NewLink { get; private set; }

    public string? Flash { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<Invitations.Item> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (await OwnerAsync() is not { } owner)
        {
            return await ShowAsync(cancellationToken);
        }

        if (registration.Mode == RegistrationMode.Closed)
        {
            Error = ClosedMessage;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(cancellationToken);
        }

        try
        {
            var secret = await Invitations.CreateAsync(db, owner.Id, Note, clock, cancellationToken);
            NewLink = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/account/register?invite={secret}";
            Note = null;
        }
        catch (UserInputException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken cancellationToken)
    {
        if (await OwnerAsync() is null)
        {
            return await ShowAsync(cancellationToken);
        }

        try
        {
            await Invitations.WithdrawAsync(db, id, cancellationToken);
            Flash = "Invitation withdrawn: its link no longer works.";
        }
        catch (UserInputException e)
        {
            Error = e.Message;
            Response.StatusCode = e.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        }

        return await ShowAsync(cancellationToken);
    }

    public const string ClosedMessage =
        "Registration is closed on this server (RunStrong:Registration = closed), so an invitation would not let anyone in. " +
        "Set RunStrong:Registration to invite and restart RunStrong to invite people.";

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        IsOwner = await OwnerAsync() is not null;
        if (!IsOwner)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        Items = await Invitations.ListAsync(db, clock, cancellationToken);
        return Page();
    }

    private async Task<RunStrongUser?> OwnerAsync() => await users.GetUserAsync(User) is { IsOwner: true } user ? user : null;
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data;
using RunStrong.Features.Coaching;
using RunStrong.Features.Common;

namespace RunStrong.Web.Pages.Account;

/// <summary>/account/sharing: share plans and log with a coach's account (read-only or with plan editing), list, revoke.</summary>
public sealed class SharingModel(RunStrongDbContext db, ICurrentRunner runner, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Coach { get; set; }

    [BindProperty]
    public string Access { get; set; } = CoachAccess.Read;

    public IReadOnlyList<ListShares.Item> Shares { get; private set; } = [];

    /// <summary>The form's errors by field (coach, access).</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Shares = await ListShares.HandleAsync(db, runner, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var shared = await ShareWithCoach.HandleAsync(db, runner, clock, new ShareWithCoach.Request(Coach, Access), cancellationToken);
            Notice = shared.Created
                ? $"{shared.Share.Coach} now sees your plans and log ({Describe(shared.Share.Access)})."
                : $"{shared.Share.Coach}'s access is now: {Describe(shared.Share.Access)}.";
            return Redirect("/account/sharing");
        }
        catch (UserInputException e)
        {
            Errors[e.Field] = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Shares = await ListShares.HandleAsync(db, runner, cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken cancellationToken)
    {
        var coach = (await ListShares.HandleAsync(db, runner, cancellationToken)).FirstOrDefault(s => s.Id == id)?.Coach;
        try
        {
            await RevokeShare.HandleAsync(db, runner, id, cancellationToken);
        }
        catch (UserInputException e) when (e.NotFound)
        {
            return NotFound();
        }

        Notice = $"{coach} no longer sees your plans and log.";
        return Redirect("/account/sharing");
    }

    public static string Describe(string access) => access == CoachAccess.EditPlans ? "can read and change your plans" : "read-only";

    public static string Since(DateTime utc) => utc.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data.Entities;

namespace RunStrong.Web.Pages.Account;

/// <summary>
/// /account: who is signed in, a password change (current, new, again; Identity checks the current one and the
/// password rules), links to the other account pages and a sign-out form.
/// </summary>
public sealed class IndexModel(UserManager<RunStrongUser> users, SignInManager<RunStrongUser> signIn) : PageModel
{
    public sealed record FieldError(string Field, string Message);

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Changed { get; set; }

    public string UserName { get; private set; } = "";

    public string? Email { get; private set; }

    public bool IsOwner { get; private set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public bool Invalid(string field) => Errors.Any(e => e.Field == field);

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Show(user);
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Show(user);
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(CurrentPassword))
        {
            errors.Add(new("currentPassword", "Current password: give the password you signed in with."));
        }

        if (string.IsNullOrEmpty(NewPassword))
        {
            errors.Add(new("newPassword", "New password: give the new password."));
        }
        else if (NewPassword != ConfirmPassword)
        {
            errors.Add(new("confirmPassword", "New password again: it does not match the new password."));
        }

        if (errors.Count == 0)
        {
            var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
            if (result.Succeeded)
            {
                // The security stamp changed (other sessions end); this one is signed in again with the new stamp.
                await signIn.RefreshSignInAsync(user);
                return RedirectToPage("/Account/Index", new { Changed = true });
            }

            errors.AddRange(result.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                ? new FieldError("currentPassword", "Current password: it is not your current password.")
                : new FieldError("newPassword", $"New password: {e.Description}")));
        }

        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private void Show(RunStrongUser user)
    {
        UserName = user.UserName ?? "";
        Email = user.Email;
        IsOwner = user.IsOwner;
    }
}

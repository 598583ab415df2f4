using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data.Entities;

namespace RunStrong.Web.Pages.Account;

/// <summary>/account/signout: a form (a link could be triggered by another site), then back to the sign-in page.</summary>
public sealed class SignOutModel(SignInManager<RunStrongUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/account/signin");
    }
}

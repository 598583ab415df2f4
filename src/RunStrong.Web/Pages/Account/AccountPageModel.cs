using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RunStrong.Data.Entities;

namespace RunStrong.Web.Pages.Account;

/// <summary>
/// An account page that works on the signed-in account (<see cref="Account"/>, loaded once per request). A session of
/// an account deleted elsewhere stays valid until Identity next checks its security stamp (within a minute); until
/// then these pages sign it out instead of failing.
/// </summary>
public abstract class AccountPageModel(UserManager<RunStrongUser> users, SignInManager<RunStrongUser> signIn) : PageModel
{
    private RunStrongUser? _account;

    protected UserManager<RunStrongUser> UserManager { get; } = users;

    protected SignInManager<RunStrongUser> SignInManager { get; } = signIn;

    /// <summary>The signed-in account, as loaded before the page's handler ran.</summary>
    protected RunStrongUser Account => _account ?? throw new InvalidOperationException("The account is loaded before a handler runs.");

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        _account = await UserManager.GetUserAsync(User);
        if (_account is null)
        {
            await SignInManager.SignOutAsync();
            context.Result = LocalRedirect("/account/signin");
            return;
        }

        await next();
    }
}

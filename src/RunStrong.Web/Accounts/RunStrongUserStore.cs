using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RunStrong.Data;
using RunStrong.Data.Entities;

namespace RunStrong.Web.Accounts;

/// <summary>
/// Identity's EF Core user store, with one change: RunStrong's contexts do not track queries by default, so the
/// store's token lookup would hand back an untracked row, and changing a token (a recovery code redeemed, a new
/// authenticator key) would be silently lost. Here the lookup tracks, so those changes are saved.
/// </summary>
public sealed class RunStrongUserStore(RunStrongDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<RunStrongUser, IdentityRole<Guid>, RunStrongDbContext, Guid>(context, describer)
{
    protected override Task<IdentityUserToken<Guid>?> FindTokenAsync(
        RunStrongUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Context.Set<IdentityUserToken<Guid>>().AsTracking()
            .SingleOrDefaultAsync(t => t.UserId == user.Id && t.LoginProvider == loginProvider && t.Name == name, cancellationToken);
    }
}

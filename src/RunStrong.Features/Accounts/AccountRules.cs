using Microsoft.AspNetCore.Identity;

namespace RunStrong.Features.Accounts;

/// <summary>The password and user-name rules, one set for the web app and the CLI's account administration.</summary>
public static class AccountRules
{
    public const int MinimumPasswordLength = 10;

    /// <summary>Length over composition rules (NIST SP 800-63B §5.1.1.2): at least 10 characters, any characters.</summary>
    public static void Apply(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
        options.User.RequireUniqueEmail = false;
        options.SignIn.RequireConfirmedAccount = false;
    }
}

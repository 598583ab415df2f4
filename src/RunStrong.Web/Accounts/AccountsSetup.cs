using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using RunStrong.Data;
using RunStrong.Data.Entities;
using RunStrong.Features.Accounts;
using RunStrong.Features.Common;

namespace RunStrong.Web.Accounts;

/// <summary>
/// Accounts (issue 7): ASP.NET Core Identity in RunStrong's own database, a session cookie for the web pages, personal
/// access tokens for the API and the CLI, and one rule for everything: nothing but the sign-in, setup and registration
/// pages, the static files and the private calendar feeds answers without an account. The API never redirects: it
/// answers 401 or 403 as ProblemDetails.
/// </summary>
public static class AccountsSetup
{
    /// <summary>Picks the access-token scheme when the request carries a bearer token, the session cookie otherwise.</summary>
    public const string Scheme = "RunStrong";

    /// <summary>Failed sign-ins before an account is locked; default 5.</summary>
    public const string MaxFailedKey = "RunStrong:Lockout:MaxFailedAttempts";

    /// <summary>How long a locked account stays locked, in minutes; default 15.</summary>
    public const string LockoutMinutesKey = "RunStrong:Lockout:Minutes";

    public static WebApplicationBuilder AddRunStrongAccounts(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentRunner, HttpCurrentRunner>();
        services.AddSingleton<SetupLink>();
        services.AddSingleton<RegistrationPolicy>();

        services.AddIdentity<RunStrongUser, IdentityRole<Guid>>(o =>
            {
                AccountRules.Apply(o);
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = Math.Max(1, configuration.GetValue(MaxFailedKey, 5));
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue(LockoutMinutesKey, 15)));
            })
            .AddEntityFrameworkStores<RunStrongDbContext>()
            .AddUserStore<RunStrongUserStore>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<AuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider);

        // A password change, a deleted account or two-factor turned on elsewhere ends other sessions within a minute
        // (Identity checks each session's security stamp against the database this often; its default is 30 minutes).
        // The session cookie's lifetime is agreed with the browser, which keeps the system clock, so the cookie and the
        // stamp check run on that clock even when the app's own clock is set elsewhere for a test (issue 11); a cookie
        // stamped in a test's past would otherwise be thrown away by the browser as expired.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.TimeProvider = TimeProvider.System;
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "runstrong.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.TimeProvider = TimeProvider.System;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
            o.LoginPath = "/account/signin";
            o.LogoutPath = "/account/signout";
            o.AccessDeniedPath = "/account/denied";
            o.Events.OnRedirectToLogin = context => IsApi(context.Request)
                ? WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Not signed in",
                    "Authorization: sign in, or send a personal access token as 'Authorization: Bearer rs_…'.")
                : Redirect(context);
            o.Events.OnRedirectToAccessDenied = context => IsApi(context.Request)
                ? WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden", "This account may not do that.")
                : Redirect(context);
        });
        services.ConfigureExternalCookie(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultAuthenticateScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultForbidScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Session cookie or access token", o => o.ForwardDefaultSelector = context =>
                AccessTokenHandler.BearerToken(context.Request) is not null ? AccessTokenHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenHandler>(AccessTokenHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    /// <summary>
    /// Authentication, then the two rules every change obeys, then authorization: a read-only token changes nothing
    /// (403), and a change to the API made with the session cookie carries the page's antiforgery token (400 without
    /// it), so another site cannot make a signed-in browser change anything.
    /// </summary>
    public static WebApplication UseRunStrongAccounts(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true && !IsSafe(context.Request.Method))
            {
                if (user.Identity.AuthenticationType == AccessTokenHandler.SchemeName)
                {
                    if (!user.HasClaim(AccessTokenHandler.ScopeClaim, "write"))
                    {
                        await WriteProblemAsync(context, StatusCodes.Status403Forbidden, "Read-only token",
                            "scope: this access token has the read scope only; make one with the write scope to change data.");
                        return;
                    }
                }
                else if (IsApi(context.Request) && !await HasValidAntiforgeryTokenAsync(context))
                {
                    await WriteProblemAsync(context, StatusCodes.Status400BadRequest, "Antiforgery token missing or invalid",
                        "RequestVerificationToken: a change made with the session cookie must carry the page's antiforgery token in this header; " +
                        "scripts and other programs use a personal access token instead.");
                    return;
                }
            }

            await next(context);
        });
        app.UseAuthorization();
        return app;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static Task WriteProblemAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }

    /// <summary>The signed-in account's id, or null.</summary>
    public static Guid? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>True when the request was signed in with the session cookie (not an access token).</summary>
    public static bool IsSession(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.Identity.AuthenticationType != AccessTokenHandler.SchemeName;

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static async Task<bool> HasValidAntiforgeryTokenAsync(HttpContext context)
    {
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        if (string.IsNullOrEmpty(context.Request.Headers["RequestVerificationToken"]))
        {
            // Without the header the antiforgery library would read a form body to look for the field; uploads are
            // read later, within their size limit, so a missing header is simply a refusal.
            return false;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
}

/// <summary>The web's runner: the signed-in account (asked afresh each time, since sign-in completes mid-request).</summary>
public sealed class HttpCurrentRunner(IHttpContextAccessor accessor) : ICurrentRunner
{
    /// <summary>The signed-in account's runner; <see cref="Guid.Empty"/> (owner of nothing) when nobody is signed in.</summary>
    public Guid RunnerId => accessor.HttpContext is { } context && AccountsSetup.UserId(context.User) is { } id ? id : Guid.Empty;
}

/// <summary>
/// The setup link of a server with no account yet: made at start (stored hashed, so any node accepts it) and printed
/// on the console with the address. Kept here only to print it; tests read it instead of the console.
/// </summary>
public sealed class SetupLink
{
    public string? Secret { get; private set; }

    public async Task EnsureAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RunStrongDbContext>();
        Secret = await AccountCreation.NeedsOwnerAsync(db, cancellationToken)
            ? await AccountCreation.CreateLinkAsync(db, InvitationKinds.Setup, null, null, scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken)
            : null;
    }

    public string? UrlFor(string baseAddress) => Secret is null ? null : $"{baseAddress.TrimEnd('/')}/account/setup?token={Secret}";
}

using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace RunStrong.Web.Hosting;

/// <summary>
/// What RunStrong does to hold up on the internet (issue 7, web hardening): security headers on every response,
/// a per-client rate limit on uploads, cookies that are Secure over HTTPS, HSTS outside Development, and forwarded
/// headers trusted only when configured (<c>RunStrong:TrustForwardedHeaders=true</c>). docs/running-on-the-internet.md
/// says how to run it behind a reverse proxy.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The Content-Security-Policy: everything from RunStrong itself, no inline script or style (charts colour their
    /// legend with SVG attributes, not style attributes), no plugins, never framed, forms post only to RunStrong.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>No features RunStrong does not use; none of them is used.</summary>
    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    /// <summary>Set to true when RunStrong runs behind a reverse proxy that sets X-Forwarded-For and X-Forwarded-Proto.</summary>
    public const string TrustForwardedHeadersKey = "RunStrong:TrustForwardedHeaders";

    /// <summary>Proxy addresses to trust besides loopback (a list: <c>RunStrong:KnownProxies:0=10.0.0.2</c>).</summary>
    public const string KnownProxiesKey = "RunStrong:KnownProxies";

    /// <summary>Uploads a client (by IP address) may start per window; default <see cref="DefaultUploadPermits"/>.</summary>
    public const string UploadPermitsKey = "RunStrong:UploadRateLimit:PermitLimit";

    /// <summary>The rate-limit window in seconds; default <see cref="DefaultUploadWindowSeconds"/>.</summary>
    public const string UploadWindowKey = "RunStrong:UploadRateLimit:WindowSeconds";

    public const int DefaultUploadPermits = 30;

    /// <summary>Sign-in, setup and registration posts a client (by IP address) may make per minute; default 10.</summary>
    public const string SignInPermitsKey = "RunStrong:SignInRateLimit:PermitLimit";

    public const int DefaultSignInPermits = 10;

    /// <summary>The POST routes that check a password or a one-time code.</summary>
    private static readonly string[] SignInPaths = ["/account/signin", "/account/signin-2fa", "/account/setup", "/account/register"];

    public const int DefaultUploadWindowSeconds = 60;

    /// <summary>The POST routes that take files: the activities API, background imports, the upload page and the data import.</summary>
    private static readonly string[] UploadPaths = ["/api/activities", "/activities/upload", "/api/import", "/api/imports", "/data"];

    /// <summary>Registers forwarded-header, cookie, HSTS and rate-limit options from configuration.</summary>
    public static WebApplicationBuilder AddRunStrongHardening(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;

        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection(KnownProxiesKey).Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

        // Cookies (antiforgery) are Secure whenever the request came over HTTPS, which behind a proxy is only known
        // through X-Forwarded-Proto; never readable from script; never sent on cross-site requests.
        builder.Services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = HttpOnlyPolicy.Always;
            o.MinimumSameSitePolicy = SameSiteMode.Strict;
        });
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });

        var permits = Math.Max(1, configuration.GetValue(UploadPermitsKey, DefaultUploadPermits));
        var window = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue(UploadWindowKey, DefaultUploadWindowSeconds)));
        var signInPermits = Math.Max(1, configuration.GetValue(SignInPermitsKey, DefaultSignInPermits));
        var signInWindow = TimeSpan.FromMinutes(1);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                if (IsPostTo(context.Request, UploadPaths))
                {
                    return RateLimitPartition.GetFixedWindowLimiter("upload " + client,
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true });
                }

                return IsPostTo(context.Request, SignInPaths)
                    ? RateLimitPartition.GetFixedWindowLimiter("sign-in " + client,
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPermits, Window = signInWindow, QueueLimit = 0, AutoReplenishment = true })
                    : RateLimitPartition.GetNoLimiter("unlimited");
            });
            o.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                var upload = IsPostTo(http.Request, UploadPaths);
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : (int)(upload ? window : signInWindow).TotalSeconds;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = upload ? "Too many uploads" : "Too many sign-in attempts",
                        Detail = upload
                            ? $"files: more than {permits} uploads in {window.TotalSeconds:0} seconds from this address; try again in {seconds} seconds"
                            : $"password: more than {signInPermits} attempts in a minute from this address; try again in {seconds} seconds",
                    },
                });
            };
        });
        return builder;
    }

    /// <summary>
    /// The hardening middleware, first in the pipeline: forwarded headers (when trusted), HSTS (outside Development),
    /// the security headers on every response (errors included), the cookie policy and the upload rate limit.
    /// </summary>
    public static WebApplication UseRunStrongHardening(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Configuration.GetValue<bool>(TrustForwardedHeadersKey))
        {
            app.UseForwardedHeaders();
        }

        app.Use((context, next) =>
        {
            // Set as the response starts, so a response the exception handler rewrote still carries them.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseCookiePolicy();
        app.UseRateLimiter();
        return app;
    }

    private static bool IsPostTo(HttpRequest request, string[] paths) =>
        HttpMethods.IsPost(request.Method)
        && paths.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase) || request.Path.Equals(p + "/", StringComparison.OrdinalIgnoreCase));
}

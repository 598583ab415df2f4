using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using RunStrong.Data;
using RunStrong.Features;
using RunStrong.Features.Common;
using RunStrong.Web.Accounts;
using RunStrong.Web.Api;
using RunStrong.Web.Hosting;

namespace RunStrong.Web;

/// <summary>Builds the web app. Program.cs and the end-to-end tests start the same app on a real Kestrel server.</summary>
public static class RunStrongWebApp
{
    /// <summary>Where RunStrong listens when nothing else is configured: loopback only, so a first start exposes nothing.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static Task<WebApplication> CreateAsync(string[] args, CancellationToken cancellationToken = default) =>
        CreateAsync(args, clock: null, cancellationToken);

    /// <summary>
    /// Builds the app on <paramref name="clock"/> when given (the in-process tests pass a fake clock), else on the
    /// system clock or the test-only <see cref="Clocks.EnvironmentVariable"/> setting, which only the Testing and
    /// Development environments accept.
    /// </summary>
    public static async Task<WebApplication> CreateAsync(string[] args, TimeProvider? clock, CancellationToken cancellationToken = default)
    {
        // The app is also started from the test assembly and from its build folder, so name the assembly that holds
        // the pages, and read settings and styles from beside the assembly when the current directory has none.
        var contentRoot = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
            ? Directory.GetCurrentDirectory()
            : AppContext.BaseDirectory;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = FileWatching.ReadSettingsOnce(args),
            ApplicationName = typeof(RunStrongWebApp).Assembly.GetName().Name,
            ContentRootPath = contentRoot,
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        FileWatching.LookInsteadOfWatching(builder.Environment);
        SharedPort.Configure(builder);

        // Some URLs are secrets (private calendar feeds, the setup link). The categories that write request URLs or
        // paths (request lines at Information, route matching and static files at Debug) stay quieter than that
        // whatever the configured levels, so no log carries them (issue 7: no tokens in logs; FirstStartTests). Route
        // matching and static files keep the configured level when it is quieter still: a rule for a category replaces
        // the configured default, so a bare Information here wrote two lines per request in production (issue 16's load
        // run: four million lines, a few per cent of the CPU).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        foreach (var category in (string[])["Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.StaticFiles"])
        {
            var level = ConfiguredLogLevel(builder.Configuration, category);
            builder.Logging.AddFilter(category, level > LogLevel.Information ? level : LogLevel.Information);
        }

        var target = DatabaseTarget.Resolve(explicitValue: null, builder.Configuration.GetConnectionString("RunStrong"));
        builder.Services.AddRunStrongData(target);
        builder.Services.AddSingleton(clock ?? Clocks.FromSetting(
            builder.Configuration[Clocks.ConfigurationKey] ?? Environment.GetEnvironmentVariable(Clocks.EnvironmentVariable),
            builder.Environment.EnvironmentName));
        builder.Services.AddRunStrongFeatures();
        builder.Services.AddRunStrongBackgroundImports(target);
        builder.Services.AddSingleton<Api.RunnerMemo>();
        builder.Services.AddSingleton(new RunStrong.Features.Catalogue.ExercisePictures(builder.Configuration["Catalogue:PicturesFolder"]));
        builder.Services.AddScoped<RunnerPreferencesAccessor>();
        builder.AddRunStrongAccounts();
        builder.Services.AddDataProtection().SetApplicationName("RunStrong").PersistKeysToDbContext<RunStrongDbContext>();

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<UserInputExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            RunStrongJson.Configure(o.SerializerOptions);

            // A field the API does not know is refused, not dropped: {"restingHr": 50} changed nothing and said 200.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });

        // Bad JSON, a value of the wrong type or a query value that does not parse is an exception in every environment
        // (by default only in Development, and a bare 400 elsewhere), so UserInputExceptionHandler can name the field.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "RunStrong API";
            document.Info.Description = "Strength, hills and drills for distance runners: the exercise catalogue and more.";
            return Task.CompletedTask;
        }));
        builder.Services.AddRazorPages();
        builder.AddRunStrongHardening();

        var app = builder.Build();
        await DataServices.MigrateAsync(target, cancellationToken);
        await app.Services.GetRequiredService<SetupLink>().EnsureAsync(app.Services, cancellationToken);

        app.UseRunStrongHardening();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRereadableJsonBodies();
        app.UseStaticFiles(new StaticFileOptions
        {
            // Exercise pictures change only with a release: let browsers keep them for a day.
            OnPrepareResponse = context =>
            {
                if (context.Context.Request.Path.StartsWithSegments("/img", StringComparison.Ordinal))
                {
                    context.Context.Response.Headers.CacheControl = "public, max-age=86400";
                }
            },
        });
        app.UseRouting();
        app.UseRunStrongAccounts();
        app.MapOpenApi().AllowAnonymous();
        app.MapAccountsApi();
        app.MapAccountDeletionApi();
        app.MapExercisesApi();
        app.MapDashboardApi();
        app.MapPlansApi();
        app.MapActivitiesApi();
        app.MapImportsApi();
        app.MapSettingsApi();
        app.MapLogApi();
        app.MapProgressionApi();
        app.MapPredictionsApi();
        app.MapDataApi();
        app.MapSharingApi();
        app.MapRazorPages();
        return app;
    }

    /// <summary>The URLs Kestrel actually bound (port 0 becomes a real port).</summary>
    public static IReadOnlyList<string> BoundUrls(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    public static void PrintWelcome(WebApplication app)
    {
        var target = app.Services.GetRequiredService<DatabaseTarget>();
        Console.WriteLine($"RunStrong is running. Open {string.Join(" or ", BoundUrls(app))} in your browser.");
        Console.WriteLine($"Data: {target.Description}. Press Ctrl+C to stop.");
        if (app.Services.GetRequiredService<SetupLink>().UrlFor(BoundUrls(app) is [var first, ..] ? first : DefaultUrl) is { } setup)
        {
            // The one secret RunStrong prints: there is no account yet, and this link makes the owner's (once).
            Console.WriteLine();
            Console.WriteLine("No account yet. Create the owner's account (this link works once, for 7 days):");
            Console.WriteLine($"  {setup}");
        }
    }

    /// <summary>
    /// The level configured for <paramref name="category"/> (Logging:LogLevel), as the logging rules would choose it: the
    /// longest configured prefix of the category, else Default, else Information.
    /// </summary>
    internal static LogLevel ConfiguredLogLevel(IConfiguration configuration, string category)
    {
        for (var name = category; name.Length > 0; name = name.LastIndexOf('.') is var dot and > 0 ? name[..dot] : "")
        {
            if (Enum.TryParse<LogLevel>(configuration[$"Logging:LogLevel:{name}"], ignoreCase: true, out var level))
            {
                return level;
            }
        }

        return Enum.TryParse<LogLevel>(configuration["Logging:LogLevel:Default"], ignoreCase: true, out var fallback) ? fallback : LogLevel.Information;
    }
}

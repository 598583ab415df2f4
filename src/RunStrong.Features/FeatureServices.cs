using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RunStrong.Features.Catalogue;

namespace RunStrong.Features;

public static class FeatureServices
{
    /// <summary>Registers the use-case services the web app and the CLI share.</summary>
    public static IServiceCollection AddRunStrongFeatures(this IServiceCollection services)
    {
        services.AddScoped<ExerciseCatalogue>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Common.ICurrentRunner>(Common.LocalRunner.Instance);
        services.AddScoped<Data.IOwnerScope>(sp => sp.GetRequiredService<Common.ICurrentRunner>());
        return services;
    }
}

using GpsLeaders.Data.Leads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GpsLeaders.Data.Tags;

public static class TagServices
{
    /// <summary>Tag catalog, lead tagging and lead scores. The hook is a TryAdd so sequences can register theirs before or after.</summary>
    public static IServiceCollection AddCrmTagsAndScores(this IServiceCollection services)
    {
        services.AddSingleton<TagCatalog>();
        services.AddSingleton<LeadTagging>();
        services.AddSingleton<TagQueries>();
        services.TryAddSingleton<IDispositionTagHook, NoDispositionTagHook>();
        services.AddSingleton<LeadScoreService>();
        return services;
    }
}

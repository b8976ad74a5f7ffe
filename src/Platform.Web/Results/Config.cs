using JasperFx.Events.Projections;
using Marten;

namespace Platform.Results;

public static class Config
{
    public static IServiceCollection AddResults(this IServiceCollection services)
    {
        services.ConfigureMarten(options =>
        {
            options.Projections.Add<StudyTallyProjection>(ProjectionLifecycle.Inline);
            options.Projections.Snapshot<JudgmentImport>(SnapshotLifecycle.Inline);
            options.Schema.For<JudgmentImport>().Index(i => i.StudyId);
        });
        services.AddMemoryCache();
        services.AddSingleton<ResultsReader>();
        services.AddSingleton<JudgmentImports>();
        return services;
    }
}

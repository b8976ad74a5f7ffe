using JasperFx.Events.Projections;
using Marten;
using Platform.Results;

namespace Platform.Web.Results;

public static class Config
{
    public static IServiceCollection AddResults(this IServiceCollection services)
    {
        services.ConfigureMarten(options =>
        {
            // Per stream, not per study: a study's judgments never queue for one row (StudyTally folds the parts on read).
            options.Projections.Add<TallyPartProjection>(ProjectionLifecycle.Inline);
            options.Schema.For<TallyPart>().Index(p => p.StudyId);
            // Written by the study-wide projection before the parts; read (frozen) for the studies it counted.
            options.Schema.For<StudyTally>().UseNumericRevisions(true);
            options.Projections.Snapshot<JudgmentImport>(SnapshotLifecycle.Inline);
            options.Schema.For<JudgmentImport>().Index(i => i.StudyId);
            options.Projections.Snapshot<MetricImport>(SnapshotLifecycle.Inline);
            options.Schema.For<MetricImport>().Index(i => i.StudyId);
        });
        services.AddMemoryCache();
        services.AddSingleton<ResultsReader>();
        services.AddSingleton<JudgmentImports>();
        services.AddSingleton<MetricImports>();
        services.AddSingleton<MetricTables>();
        return services;
    }
}

using JasperFx.Events.Projections;
using Marten;
using Hangfire;
using Platform.Results;
using Platform.Web.Hosting;

namespace Platform.Web.Results;

public static class Config
{
    public static IServiceCollection AddResults(this IServiceCollection services, IConfiguration configuration, PlatformRole role)
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
            options.Projections.Snapshot<ConsistencyRun>(SnapshotLifecycle.Inline);
            options.Schema.For<ConsistencyRun>().Index(r => r.StudyId).Index(r => r.VideoId);
            options.Schema.For<ConsistencySwitch>();
        });
        AddConsistency(services, configuration, role);
        services.AddMemoryCache();
        services.AddSingleton<ResultsReader>();
        services.AddSingleton<JudgmentImports>();
        services.AddSingleton<MetricImports>();
        services.AddSingleton<MetricTables>();
        return services;
    }

    private static void AddConsistency(IServiceCollection services, IConfiguration configuration, PlatformRole role)
    {
        services.Configure<ConsistencyOptions>(configuration.GetSection(ConsistencyOptions.Section));
        services.AddSingleton<Colmap>();
        services.AddSingleton<Reconstructing>();
        services.AddSingleton<ConsistencySwitches>();
        services.AddTransient<MeasureConsistency>();
        if (role.RunsWorkers)
        {
            // COLMAP uses every core: its runs get workers of their own, as few as Consistency:Workers says.
            services.AddHangfireServer(o =>
            {
                o.Queues = [MeasureConsistency.Queue];
                o.WorkerCount = Math.Max(1, configuration.GetValue("Consistency:Workers", 1));
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:consistency";
            });
        }
    }
}

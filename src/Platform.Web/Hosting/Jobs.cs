using Hangfire;
using Hangfire.PostgreSql;
using Platform.Hosting.Database;

namespace Platform.Hosting;

public static class Jobs
{
    /// <summary>Hangfire on PostgreSQL (schema <c>hangfire</c>); the server runs only in worker processes.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, PlatformRole role, IConfiguration configuration)
    {
        services.AddHangfire((sp, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                o => o.UseNpgsqlConnection(sp.GetRequiredService<PlatformDatabase>().ConnectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    // Uploaded videos should start processing at once, not after the 15 s default.
                    QueuePollInterval = configuration.GetValue("Jobs:PollInterval", TimeSpan.FromSeconds(1)),
                }));

        if (role.RunsWorkers)
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = configuration.GetValue("Jobs:WorkerCount", Math.Max(2, Environment.ProcessorCount));
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }
        return services;
    }
}

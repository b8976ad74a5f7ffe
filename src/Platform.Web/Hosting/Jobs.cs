using Hangfire;
using Hangfire.PostgreSql;
using Platform.Web.Hosting.Database;

namespace Platform.Web.Hosting;

public static class Jobs
{
    /// <summary>Hangfire on PostgreSQL (schema <c>hangfire</c>); the server runs only in worker processes.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, PlatformRole role, IConfiguration configuration)
    {
        services.AddHangfire((sp, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseTypeResolver(RenamedJobTypes.Resolve)
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                o => o.UseNpgsqlConnection(sp.GetRequiredService<PlatformDatabase>().ConnectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    // Uploaded videos should start processing at once, not after the 15 s default; with long polling
                    // (LISTEN / NOTIFY) an idle worker is woken by a new job rather than waiting for its next poll.
                    QueuePollInterval = configuration.GetValue("Jobs:PollInterval", TimeSpan.FromSeconds(1)),
                    EnableLongPolling = true,
                    // A long generation job keeps its claim while it runs, instead of being handed to a second worker
                    // after the 30-minute default.
                    UseSlidingInvisibilityTimeout = true,
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

    /// <summary>
    /// Binds this host's Hangfire storage at start, maps the dashboard at /jobs (admins only) where the web runs, and
    /// schedules the recurring jobs where workers run.
    /// </summary>
    public static WebApplication UseJobs(this WebApplication app, PlatformRole role)
    {
        // Hangfire hands out JobStorage.Current, a process-wide static, on first resolution: take it now, while it
        // is this host's, not later when another host in the same process (tests) may have replaced it.
        app.Services.GetRequiredService<JobStorage>();
        app.Services.GetRequiredService<JobActivator>();

        if (role.ServesWeb)
        {
            app.MapHangfireDashboard("/jobs", new DashboardOptions { Authorization = [], AppPath = "/", DashboardTitle = "Platform jobs" })
                .RequireAuthorization(Accounts.Policies.Admin);
        }
        if (role.RunsWorkers)
        {
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
                Accounts.Config.ScheduleAccountJobs(recurring);
                Generation.Config.ScheduleGenerationJobs(recurring);
            });
        }
        return app;
    }
}

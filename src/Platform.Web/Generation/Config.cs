using System.Security.Cryptography.X509Certificates;
using Hangfire;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Platform.Generation;
using Platform.Web.Generation.Batches;
using Platform.Web.Generation.Protocols;
using Platform.Web.Generation.Running;
using Platform.Web.Generation.Servers;
using Platform.Web.Hosting;
using Polly;

namespace Platform.Web.Generation;

public static class Config
{
    public static IServiceCollection AddGeneration(this IServiceCollection services, IConfiguration configuration, PlatformRole role)
    {
        services.ConfigureMarten(options =>
        {
            options.Projections.Snapshot<InferenceServer>(SnapshotLifecycle.Inline);
            options.Projections.Snapshot<GenerationBatch>(SnapshotLifecycle.Inline);
            options.Projections.Snapshot<GenerationJob>(SnapshotLifecycle.Inline);
            options.Schema.For<GenerationBatch>().Index(b => b.StudyId);
            options.Schema.For<GenerationJob>().Index(j => j.StudyId).Index(j => j.BatchId);
            options.Schema.For<ServerHealth>();
            options.Schema.For<DataProtectionKey>();
        });
        AddKeyProtection(services, configuration);
        services.Configure<GenerationOptions>(configuration.GetSection("Generation"));
        AddServerClients(services);
        AddServersAndJobs(services, role);
        if (role.RunsWorkers)
        {
            // Generation jobs mostly wait on servers: they get workers of their own, apart from video processing.
            services.AddHangfireServer(o =>
            {
                o.Queues = [RunGenerationJob.Queue];
                o.WorkerCount = configuration.GetValue("Generation:Workers", 20);
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:generation";
            });
        }
        return services;
    }

    private static void AddKeyProtection(IServiceCollection services, IConfiguration configuration)
    {
        // API keys are protected with keys every process shares, kept in PostgreSQL. Whoever can read the database
        // could read those keys too: DataProtection:CertificatePath (a PFX, with DataProtection:CertificatePassword)
        // encrypts the key ring at rest with a certificate kept outside it.
        var protection = services.AddDataProtection().SetApplicationName("Platform");
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificate)
            protection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificate, configuration["DataProtection:CertificatePassword"]));
        services.AddHostedService<KeyRingWarning>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DataProtectionKeys(sp.GetRequiredService<IDocumentStore>())));
    }

    private static void AddServerClients(IServiceCollection services)
    {
        services.AddHttpClient(Http.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("inference-servers", pipeline =>
            {
                var retry = new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 3,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(200),
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                    {
                        { Exception: HttpRequestException or Polly.Timeout.TimeoutRejectedException } => true,
                        { Result: { } r } => (int)r.StatusCode >= 500 && r.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable,
                        _ => false,
                    }),
                };
                // Transient failures are retried, submissions included: they carry our own id (ComfyUI's prompt_id,
                // Idempotency-Key), so a server that keeps ids does not run them twice (one that ignores
                // Idempotency-Key might). Back-pressure (429 / 503 / 409) is not retried here: the job waits for it.
                pipeline.AddRetry(retry).AddTimeout(TimeSpan.FromSeconds(30));
            });
        services.AddSingleton<IVideoServerClient, OpenAiVideosClient>();
        services.AddSingleton<IVideoServerClient, ComfyUiClient>();
    }

    private static void AddServersAndJobs(IServiceCollection services, PlatformRole role)
    {
        services.AddSingleton<ServerRegistry>();
        services.AddSingleton<GenerationWorkers>();
        services.AddSingleton<ServerSlots>();
        services.AddSingleton<JobRunLocks>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<JobEffects>();
        services.AddSingleton<JobAnnouncements>();
        services.AddSingleton<CandidateRegistration>();
        services.AddTransient<ResumeGenerationJobs>();
        services.AddSingleton<GenerationBatches>();
        services.AddSingleton<Following.StudyActivity>();
        services.AddTransient<RunGenerationJob>();
        services.AddTransient<ProbeServers>();
        if (role.ServesWeb) services.AddHostedService<Demo.DemoSeeder>();
    }

    public static void ScheduleGenerationJobs(IRecurringJobManager recurring)
    {
        recurring.AddOrUpdate<ProbeServers>("probe-inference-servers", j => j.RunAsync(CancellationToken.None), "*/1 * * * *");
        recurring.AddOrUpdate<ResumeGenerationJobs>("resume-generation-jobs", j => j.RunAsync(CancellationToken.None), "*/5 * * * *");
    }
}

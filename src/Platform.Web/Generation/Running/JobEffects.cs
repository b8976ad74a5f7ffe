using Hangfire;
using Platform.Generation;
using Platform.Web.Generation.Protocols;

namespace Platform.Web.Generation.Running;

/// <summary>
/// Everything a run of a generation job touches besides its stream: the server (HTTP), its slots, the study the
/// video goes to, Hangfire and the clock. Grouped, so <see cref="RunGenerationJob"/> takes them as one.
/// </summary>
public sealed class JobEffects(JobStore store, IEnumerable<IVideoServerClient> clients, ServerSlots slots, CandidateRegistration registration,
    IBackgroundJobClient jobs, TimeProvider clock, ILogger<RemoteJob> logger)
{
    public JobStore Store => store;

    public CandidateRegistration Registration => registration;

    public IBackgroundJobClient Jobs => jobs;

    public TimeProvider Clock => clock;

    /// <summary>The effects of one run, with the job's server (a retired one too: the run's decision says what then).</summary>
    public async Task<RunEffects> StartAsync(GenerationJob job, CancellationToken cancellationToken)
    {
        var server = await store.ConnectionAsync(job.Spec.ServerId, cancellationToken);
        var remote = new RemoteJob(server, clients.Single(c => c.Protocol == server.Settings.Protocol), job.Id, clock, logger);
        return new RunEffects(job, remote, new SlotHolder(slots, server.Id, server.Settings.MaxConcurrentJobs), this, registration.DownloadPath(job.Id));
    }
}

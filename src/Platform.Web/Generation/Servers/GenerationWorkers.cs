using Hangfire;
using Platform.Generation;
using Platform.Web.Generation.Running;

namespace Platform.Web.Generation.Servers;

/// <summary>The generation workers running now, from Hangfire's record of its live servers (all processes).</summary>
public sealed class GenerationWorkers(JobStorage storage)
{
    public WorkerCapacity CapacityFor(int slots)
    {
        var processes = storage.GetMonitoringApi().Servers().Where(s => s.Queues.Contains(RunGenerationJob.Queue)).ToList();
        return WorkerCapacity.For(processes.Sum(p => p.WorkersCount), processes.Count, slots);
    }
}

using JasperFx.Events;
using Platform.Common;
using Platform.Generation;
using Platform.Web.Hosting;
using Platform.Web.Studies;

namespace Platform.Web.Generation.Running;

/// <summary>Registers a job's downloaded video in its study like an upload (checked, processed), as the job's own candidate.</summary>
public sealed class CandidateRegistration(VideoUploads uploads, JobStore store, Storage storage)
{
    /// <summary>A name of the run's own under uploads/, so two runs of one job (a Hangfire redelivery) never share a file.</summary>
    public string DownloadPath(Guid jobId) => Path.Combine(storage.Uploads, $"{jobId:N}.{Guid.NewGuid():N}.download");

    public async Task<Observation> RegisterAsync(GenerationJob job, Guid videoId, string path, CancellationToken cancellationToken)
    {
        var by = await store.StartedByAsync(job.BatchId, cancellationToken);
        try
        {
            await using var file = File.OpenRead(path);
            await uploads.AddAsync(new VideoUpload(job.StudyId, job.Spec.Condition, job.Spec.Prompt, job.Spec.Task, job.Spec.Seed,
                $"{job.Spec.Condition}-seed{job.Spec.Seed}.mp4", file.Length, by, videoId), file, cancellationToken);
            return new Observation.Registered();
        }
        catch (DomainException refused)
        {
            return new Observation.VideoRefused(refused.Message);
        }
        catch (ExistingStreamIdCollisionException)
        {
            return new Observation.AlreadyRegistered();
        }
    }
}

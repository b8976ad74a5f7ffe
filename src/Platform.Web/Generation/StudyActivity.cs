using MassTransit;

namespace Platform.Web.Generation.Following;

/// <summary>
/// Tells the open pages of this web process that a study changed (a video ready, a job failed, a batch done), so
/// they refresh at once instead of on their next poll. Trials need no separate step: they are planned from the ready
/// videos whenever they are read.
/// </summary>
public sealed class StudyActivity
{
    public event Action<Guid>? Changed;

    public void Notify(Guid studyId) => Changed?.Invoke(studyId);
}

/// <summary>Runs in every web process (a temporary endpoint of its own), turning integration events into page refreshes.</summary>
public sealed class StudyActivityConsumer(StudyActivity activity) : IConsumer<CandidateVideoReady>, IConsumer<GenerationFailed>, IConsumer<BatchCompleted>
{
    public Task Consume(ConsumeContext<CandidateVideoReady> context) => Notify(context.Message.StudyId);

    public Task Consume(ConsumeContext<GenerationFailed> context) => Notify(context.Message.StudyId);

    public Task Consume(ConsumeContext<BatchCompleted> context) => Notify(context.Message.StudyId);

    private Task Notify(Guid studyId)
    {
        activity.Notify(studyId);
        return Task.CompletedTask;
    }
}

using MassTransit;
using Platform.Web.Generation.Following;

namespace Platform.Web.Results;

/// <summary>Measures each video that becomes ready in a study that has COLMAP switched on.</summary>
public sealed class MeasureNewVideos(ConsistencySwitches switches) : IConsumer<CandidateVideoReady>
{
    public Task Consume(ConsumeContext<CandidateVideoReady> context) =>
        switches.MeasureIfOnAsync(context.Message.StudyId, context.Message.VideoId, context.CancellationToken);
}

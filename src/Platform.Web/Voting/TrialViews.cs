using Marten;
using Platform.Studies;
using Platform.Voting;
using Platform.Web.Voting.Slots;

namespace Platform.Web.Voting;

public sealed record Participant(string ParticipantId, string Source, string? ExternalStudyId = null, string? ExternalSessionId = null);

/// <summary>What a participant sees of a trial: opaque media URLs and sides, never a condition or a file name.</summary>
public sealed record TrialView(Guid TrialId, StudyKind Kind, string Question, string? SuccessCriterion, IReadOnlyList<Choice> Choices, IReadOnlyList<VideoView> Videos, int Done, int Total);

/// <summary>
/// One video of a trial. No poster: the two sides of a gold trial share their first frame, so posters (one file, one
/// URL) would tell a gold trial apart before it plays; the player preloads, so the first frame shows anyway.
/// </summary>
/// <param name="FrameRate">Frames per second, for the player's frame step; null when unknown.</param>
public sealed record VideoView(string Position, string Url, double? FrameRate = null);

public static class TrialViews
{
    /// <summary>The trial as the participant sees it: opaque media URLs by side, the question, the progress.</summary>
    public static async Task<TrialView> ViewAsync(IQuerySession session, Study study, ParticipantSession participant, TrialAssigned trial, StudyPlan plan, CancellationToken cancellationToken)
    {
        var videos = new List<VideoView>();
        foreach (var (video, position) in trial.Right is null ? [(trial.Left, "single")] : new[] { (trial.Left, "left"), (trial.Right, "right") })
        {
            var candidate = plan.Videos.GetValueOrDefault(video.VideoId)
                ?? await session.LoadAsync<CandidateVideo>(video.VideoId, cancellationToken)
                ?? throw new InvalidOperationException($"Video {video.VideoId} of an assigned trial is missing.");
            var media = video.Condition switch
            {
                AssigningTrial.DegradedCondition => candidate.DegradedMediaId,
                AssigningTrial.CorruptedCondition => candidate.CorruptedMediaId,
                _ => candidate.MediaId,
            };
            // Every copy has the clean video's frame rate, so the rate does not tell a gold trial apart either.
            videos.Add(new VideoView(position, $"/media/{media}", candidate.FrameRate > 0 ? candidate.FrameRate : null));
        }
        var settings = study.Settings;
        return new TrialView(trial.TrialId, settings.Kind, settings.Question, settings.SuccessCriterion, Choices.Allowed(settings), videos,
            participant.Judgments.Count, settings.TrialsPerParticipant);
    }
}

using Platform.Common;

namespace Platform.Studies;

public sealed record OpenStudy(Guid StudyId, Guid By);

public sealed record PauseStudy(Guid StudyId, Guid By);

public sealed record CloseStudy(Guid StudyId, Guid By);

/// <summary>Draft → Open ⇄ Paused → Closed. Asking for the state a study is already in changes nothing.</summary>
public static class RunningStudy
{
    /// <param name="plannedTrials">How many trials the ready videos make now.</param>
    /// <param name="processing">How many of the study's videos are still being processed.</param>
    public static StudyOpened? Handle(Study study, OpenStudy command, int plannedTrials, DateTimeOffset now, int processing = 0) => study.Status switch
    {
        StudyStatus.Open => null,
        StudyStatus.Closed => throw new DomainException("The study is closed and cannot open again.", DomainError.Conflict),
        _ when processing > 0 && study.Settings.TrialsPerParticipant == StudySettings.EveryTrial => throw new DomainException(
            $"{processing} video{(processing == 1 ? " is" : "s are")} still being processed. Wait until {(processing == 1 ? "it is" : "they are")} ready: " +
            "the trials per participant, left to the study's size, are counted when the study opens (or set a number).",
            DomainError.Conflict),
        _ when plannedTrials == 0 => throw new DomainException(
            study.Settings.Kind == StudyKind.Pairwise
                ? "No trial can be planned yet: upload videos of at least two conditions for the same prompt and wait until they are ready."
                : "No trial can be planned yet: upload at least one video and wait until it is ready.",
            DomainError.Conflict),
        _ => new StudyOpened(study.Id, command.By, now,
            study.Settings.TrialsPerParticipant == StudySettings.EveryTrial ? TrialsWhenOpening(plannedTrials, study.Settings.GoldRate) : null),
    };

    /// <summary>
    /// Trials per participant when the settings leave it open: enough positions for every planned trial beside the gold
    /// ones the rate places among them, at most <see cref="DesigningStudy.MaxTrialsPerParticipant"/>.
    /// </summary>
    public static int TrialsWhenOpening(int plannedTrials, double goldRate)
    {
        var trials = Math.Min(plannedTrials, DesigningStudy.MaxTrialsPerParticipant);
        while (trials < DesigningStudy.MaxTrialsPerParticipant && trials - GoldSchedule.Count(trials, goldRate) < plannedTrials) trials++;
        return Math.Max(trials, 1);
    }

    public static StudyPaused? Handle(Study study, PauseStudy command, DateTimeOffset now) => study.Status switch
    {
        StudyStatus.Paused => null,
        StudyStatus.Open => new StudyPaused(study.Id, command.By, now),
        _ => throw new DomainException($"Only an open study can be paused; this one is {study.Status.ToString().ToLowerInvariant()}.", DomainError.Conflict),
    };

    public static StudyClosed? Handle(Study study, CloseStudy command, DateTimeOffset now) =>
        study.Status == StudyStatus.Closed ? null : new StudyClosed(study.Id, command.By, now);
}

using JasperFx.Events;
using Marten.Events.Projections;
using Platform.Results;
using Platform.Studies;
using Platform.Voting;

namespace Platform.Web.Results;

/// <summary>
/// One stream's share of its study's tally: a participant session's judgments, an import's, or the study's own
/// settings changes. Kept by an inline projection in the same transaction as the events, one row per stream, so
/// concurrent participants never write the same row; <see cref="StudyTally.Fold"/> adds them up on read.
/// </summary>
public sealed class TallyPart
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }
    /// <summary>The sequence number of this stream's last event that changes results.</summary>
    public long Version { get; set; }
    public int Judgments { get; set; }
    public int GoldJudgments { get; set; }
    public int Imported { get; set; }
    public List<string> Participants { get; set; } = [];
    public DateTimeOffset? FirstJudgmentAt { get; set; }
    public DateTimeOffset? LastJudgmentAt { get; set; }

    /// <summary>Recorded answers (gold left out) per condition or condition pair, as [first, same, second] (<see cref="GoalUnits.Add"/>): what an adaptive study's goal is assessed on.</summary>
    public Dictionary<string, long[]> Counts { get; set; } = [];
}

public sealed class TallyPartProjection : MultiStreamProjection<TallyPart, Guid>
{
    public TallyPartProjection()
    {
        // One part per stream: the study's, each session's, each import's.
        Identity<StudyCreated>(e => e.StudyId);
        Identity<StudySettingsChanged>(e => e.StudyId);
        Identity<JudgmentRecorded>(e => e.SessionId);
        Identity<JudgmentsImported>(e => e.ImportId);
    }

    public static void Apply(IEvent<StudyCreated> e, TallyPart part) => (part.StudyId, part.Version) = (e.Data.StudyId, e.Sequence);

    public static void Apply(IEvent<StudySettingsChanged> e, TallyPart part) => (part.StudyId, part.Version) = (e.Data.StudyId, e.Sequence);

    public static void Apply(IEvent<JudgmentRecorded> e, TallyPart part)
    {
        (part.StudyId, part.Version) = (e.Data.StudyId, e.Sequence);
        if (e.Data.IsGold) part.GoldJudgments++;
        else
        {
            part.Judgments++;
            GoalUnits.Add(part.Counts, e.Data.LeftCondition, e.Data.RightCondition, e.Data.Choice);
        }
        if (!part.Participants.Contains(e.Data.ParticipantId)) part.Participants.Add(e.Data.ParticipantId);
        part.FirstJudgmentAt ??= e.Data.At;
        part.LastJudgmentAt = e.Data.At;
    }

    public static void Apply(IEvent<JudgmentsImported> e, TallyPart part)
    {
        (part.StudyId, part.Version) = (e.Data.StudyId, e.Sequence);
        part.Judgments += e.Data.Judgments.Count;
        part.Imported += e.Data.Judgments.Count;
        foreach (var participant in e.Data.Judgments.Select(j => j.Participant).Distinct())
            if (!part.Participants.Contains(participant)) part.Participants.Add(participant);
    }
}

using JasperFx.Events;
using Marten.Events.Projections;
using Platform.Studies;
using Platform.Voting;

namespace Platform.Results;

/// <summary>
/// What a study has collected so far, kept current in the same transaction as each judgment (an inline projection).
/// <see cref="Version"/> is the sequence number of the last event that changes the study's results — its
/// judgments, imports and settings (exclusion rules) — and keys the cache of full results.
/// </summary>
public sealed class StudyTally
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    /// <summary>Judgments that count: recorded ones without gold, plus imported ones.</summary>
    public int Judgments { get; set; }
    public int GoldJudgments { get; set; }
    public int Imported { get; set; }
    public HashSet<string> Participants { get; set; } = [];
    /// <summary>When the first and last judgment recorded here (gold included, imports not) came in.</summary>
    public DateTimeOffset? FirstJudgmentAt { get; set; }
    public DateTimeOffset? LastJudgmentAt { get; set; }

    /// <summary>The judgments the two timestamps span, for the time-left estimate.</summary>
    public JudgmentPace Pace() => new(Judgments - Imported + GoldJudgments, GoldJudgments, FirstJudgmentAt, LastJudgmentAt);

    public void Add(DateTimeOffset at)
    {
        FirstJudgmentAt ??= at;
        LastJudgmentAt = at;
    }
}

public sealed class StudyTallyProjection : MultiStreamProjection<StudyTally, Guid>
{
    public StudyTallyProjection()
    {
        Identity<StudyCreated>(e => e.StudyId);
        Identity<StudySettingsChanged>(e => e.StudyId);
        Identity<JudgmentRecorded>(e => e.StudyId);
        Identity<JudgmentsImported>(e => e.StudyId);
    }

    public static void Apply(IEvent<StudyCreated> e, StudyTally tally) => tally.Version = e.Sequence;

    public static void Apply(IEvent<StudySettingsChanged> e, StudyTally tally) => tally.Version = e.Sequence;

    public static void Apply(IEvent<JudgmentRecorded> e, StudyTally tally)
    {
        tally.Version = e.Sequence;
        if (e.Data.IsGold) tally.GoldJudgments++;
        else tally.Judgments++;
        tally.Participants.Add(e.Data.ParticipantId);
        tally.Add(e.Data.At);
    }

    public static void Apply(IEvent<JudgmentsImported> e, StudyTally tally)
    {
        tally.Version = e.Sequence;
        tally.Judgments += e.Data.Judgments.Count;
        tally.Imported += e.Data.Judgments.Count;
        foreach (var j in e.Data.Judgments) tally.Participants.Add(j.Participant);
    }
}

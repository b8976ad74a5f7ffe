namespace Platform.Studies;

/// <param name="TrialKey">The secret trial ids are keyed with (<see cref="Common.StableId.Keyed"/>); none for studies made before it.</param>
public sealed record StudyCreated(Guid StudyId, StudySettings Settings, Guid By, DateTimeOffset At, string? TrialKey = null);

public sealed record StudySettingsChanged(Guid StudyId, StudySettings Settings, Guid By, DateTimeOffset At);

/// <param name="TrialsPerParticipant">Set when the settings left it to the study's size (<see cref="StudySettings.EveryTrial"/>).</param>
public sealed record StudyOpened(Guid StudyId, Guid By, DateTimeOffset At, int? TrialsPerParticipant = null);

public sealed record StudyPaused(Guid StudyId, Guid By, DateTimeOffset At);

public sealed record StudyClosed(Guid StudyId, Guid By, DateTimeOffset At);

/// <summary>
/// An adaptive study met its goal (every unit stopped) and closed itself: no new trials or participants; answers to
/// trials already handed out still count.
/// </summary>
/// <param name="Rule">The goal, in words (<see cref="StudyGoal.Describe"/>).</param>
/// <param name="Outcome">How it ended (<see cref="GoalStatus.Outcome"/>).</param>
/// <param name="Judgments">The judgments the goal was assessed on when it stopped.</param>
/// <param name="Units">Each unit as it stood then.</param>
public sealed record StudyGoalMet(Guid StudyId, string Rule, string Outcome, long Judgments, DateTimeOffset At, IReadOnlyList<UnitOutcome> Units);

/// <summary>
/// Units of an adaptive study stopped (decided, met, out of budget or out of the race): they stay stopped with the
/// interval they stopped on, whatever answers to trials handed out before still bring (<see cref="StoppingRules"/>).
/// </summary>
public sealed record GoalUnitsStopped(Guid StudyId, IReadOnlyList<UnitOutcome> Units, DateTimeOffset At);

/// <summary>A study folded from its stream (the stream id is the study id).</summary>
public sealed class Study
{
    public Guid Id { get; set; }
    public StudySettings Settings { get; set; } = default!;
    public StudyStatus Status { get; set; }
    /// <summary>The study's owner; studies made before sharing existed belong to their creator alone.</summary>
    public Guid CreatedBy { get; set; }

    /// <summary>Researchers who see and change the study as its owner does (<see cref="SharingStudy"/>).</summary>
    public List<Guid> SharedWith { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FirstOpenedAt { get; set; }
    public int Version { get; set; }

    /// <summary>The server-side secret trial ids are keyed with, so a participant cannot derive them from the study's content.</summary>
    public string? TrialKey { get; set; }

    /// <summary>Why an adaptive study closed itself, when it did.</summary>
    public StudyGoalMet? StoppedBy { get; set; }

    /// <summary>An adaptive study's units that stopped, each as it stood then, by unit.</summary>
    public Dictionary<string, UnitOutcome> StoppedUnits { get; set; } = [];

    public static Study Create(StudyCreated created) => new()
    {
        Id = created.StudyId,
        Settings = created.Settings,
        Status = StudyStatus.Draft,
        CreatedBy = created.By,
        CreatedAt = created.At,
        TrialKey = created.TrialKey,
    };

    public void Apply(StudySettingsChanged changed) => Settings = changed.Settings;

    public void Apply(StudyOpened opened)
    {
        Status = StudyStatus.Open;
        FirstOpenedAt ??= opened.At;
        if (opened.TrialsPerParticipant is { } trials) Settings = Settings with { TrialsPerParticipant = trials };
    }

    public void Apply(StudyPaused _) => Status = StudyStatus.Paused;

    public void Apply(StudyClosed _) => Status = StudyStatus.Closed;

    public void Apply(StudyGoalMet met) => (Status, StoppedBy) = (StudyStatus.Closed, met);

    public void Apply(GoalUnitsStopped stopped)
    {
        foreach (var unit in stopped.Units) StoppedUnits.TryAdd(unit.Unit, unit);
    }

    public void Apply(StudyShared shared)
    {
        if (!SharedWith.Contains(shared.UserId)) SharedWith.Add(shared.UserId);
    }

    public void Apply(StudyUnshared unshared) => SharedWith.Remove(unshared.UserId);
}

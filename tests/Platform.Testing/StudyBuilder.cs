using Platform.Studies;

namespace Platform.Testing;

/// <summary>Study settings for tests: a three-way pairwise study of two conditions unless told otherwise.</summary>
public sealed record StudyBuilder
{
    public string Title { get; init; } = "Body collapse, ours vs base";
    public StudyKind Kind { get; init; } = StudyKind.Pairwise;
    public PairwiseScale Scale { get; init; } = PairwiseScale.ThreeWay;
    public IReadOnlyList<Condition> Conditions { get; init; } =
    [
        new("base-model", "Base model (secret label)", true, new Dictionary<string, string> { ["model"] = "base" }),
        new("ours-simdrop", "Ours SimDrop 0.2 (secret label)", false, new Dictionary<string, string> { ["simdrop"] = "0.2" }),
    ];
    public IReadOnlyList<string> Tasks { get; init; } = ["dance", "gym"];
    public PairingRule Pairing { get; init; } = PairingRule.AgainstBaseline;
    public int JudgmentsPerTrial { get; init; } = 3;
    public int TrialsPerParticipant { get; init; } = 3;
    public double GoldRate { get; init; }

    public StudySettings Build() => new(
        Title, "Watch **both** videos to the end, then answer.", Kind, Scale,
        Kind == StudyKind.Pairwise ? "Which video shows more plausible human motion?" : "Did the body stay intact?",
        Kind == StudyKind.Rating ? "Success: the human body stays anatomically plausible throughout" : null,
        Conditions, Tasks, Pairing, JudgmentsPerTrial, TrialsPerParticipant, GoldRate, "C1A2B3", "https://app.prolific.com/submissions/complete?cc=C1A2B3");

    public static StudyBuilder Rating() => new() { Kind = StudyKind.Rating, Title = "Collapse check" };
}

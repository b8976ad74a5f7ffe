using Platform.Studies;

namespace Platform.Web.Studies;

/// <summary>How the researcher UI names a study's settings.</summary>
public static class StudyText
{
    public static string Kind(StudySettings s) => s.Kind == StudyKind.Rating
        ? "Rating (success / failure)"
        : s.Scale == PairwiseScale.ThreeWay ? "Pairwise (left / same / right)" : "Pairwise (left / right)";

    /// <summary>The link to paste into Prolific: its placeholders carry the participant, study and session ids.</summary>
    public static string ParticipantLink(string baseUri, Guid studyId) =>
        $"{baseUri}take/{studyId}?PROLIFIC_PID={{{{%PROLIFIC_PID%}}}}&STUDY_ID={{{{%STUDY_ID%}}}}&SESSION_ID={{{{%SESSION_ID%}}}}";

    public static string TrialsPerParticipant(StudySettings s) => s.TrialsPerParticipant switch
    {
        StudySettings.EveryTrial => "every trial per participant (counted when the study opens)",
        1 => "1 trial per participant",
        var n => $"{n} trials per participant",
    };

    public static string Pairing(PairingRule rule) => rule == PairingRule.AllPairs ? "All pairs of conditions" : "Each condition against the baseline";
}

namespace Platform.Studies;

/// <summary>How the researcher UI names a study's settings.</summary>
public static class StudyText
{
    public static string Kind(StudySettings s) => s.Kind == StudyKind.Rating
        ? "Rating (success / failure)"
        : s.Scale == PairwiseScale.ThreeWay ? "Pairwise (left / same / right)" : "Pairwise (left / right)";

    public static string Pairing(PairingRule rule) => rule == PairingRule.AllPairs ? "All pairs of conditions" : "Each condition against the baseline";
}

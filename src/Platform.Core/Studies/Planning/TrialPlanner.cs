using Platform.Common;

namespace Platform.Studies;

public sealed record ReadyVideo(Guid VideoId, string Condition, string Prompt, string Task, int? Seed, DateTimeOffset UploadedAt);

public sealed record TrialVideo(Guid VideoId, string Condition);

/// <summary>
/// A unit one evaluator judges. Pairwise: two videos of one prompt and seed, <c>Videos[0]</c> of the pair's first
/// condition; rating: one video.
/// </summary>
public sealed record PlannedTrial(Guid TrialId, string Task, string Prompt, int? Seed, IReadOnlyList<TrialVideo> Videos);

public static class TrialPlanner
{
    /// <summary>
    /// The trials the ready videos make now. Ids are stable, so planning again as videos arrive keeps them, and keyed
    /// with the study's secret <paramref name="trialKey"/>, so knowing a prompt and the condition keys does not tell a
    /// participant which trial is which pair.
    /// </summary>
    public static IReadOnlyList<PlannedTrial> Plan(Guid studyId, StudySettings settings, IEnumerable<ReadyVideo> ready, string? trialKey = null)
    {
        var known = settings.Conditions.Select(c => c.Key).ToHashSet();
        var videos = ready.Where(v => known.Contains(v.Condition)).OrderBy(v => v.UploadedAt).ThenBy(v => v.VideoId).ToList();
        return settings.Kind == StudyKind.Rating ? PlanRatings(studyId, videos, trialKey) : PlanPairs(studyId, settings, videos, trialKey);
    }

    /// <summary>The condition pairs the pairing rule asks for: each against the baseline, or all pairs in key order.</summary>
    public static IReadOnlyList<(string A, string B)> Pairs(StudySettings settings)
    {
        var keys = settings.Conditions.Select(c => c.Key).ToList();
        if (settings.Pairing == PairingRule.AgainstBaseline)
        {
            var baseline = settings.Conditions.Single(c => c.IsBaseline).Key;
            return [.. keys.Where(k => k != baseline).Select(k => (k, baseline))];
        }
        // Ordered by key, not by the order the researcher listed them, so reordering conditions keeps every trial.
        keys.Sort(StringComparer.Ordinal);
        return [.. keys.SelectMany((a, i) => keys.Skip(i + 1).Select(b => (a, b)))];
    }

    private static DateTimeOffset Max(DateTimeOffset x, DateTimeOffset y) => x > y ? x : y;

    private static List<PlannedTrial> PlanRatings(Guid studyId, List<ReadyVideo> videos, string? trialKey) =>
        [.. videos.Select(video => new PlannedTrial(
            StableId.Keyed(trialKey, studyId, "rating", video.VideoId), video.Task, video.Prompt, video.Seed, [new TrialVideo(video.VideoId, video.Condition)]))];

    private static List<PlannedTrial> PlanPairs(Guid studyId, StudySettings settings, List<ReadyVideo> videos, string? trialKey)
    {
        var pairs = new List<(string A, string B, ReadyVideo VA, ReadyVideo VB)>();
        foreach (var group in videos.GroupBy(v => (v.Prompt, v.Seed)))
        {
            // The first video uploaded for a condition stands for it; later duplicates are spares.
            var byCondition = group.GroupBy(v => v.Condition).ToDictionary(g => g.Key, g => g.First());
            foreach (var (a, b) in Pairs(settings))
            {
                if (byCondition.TryGetValue(a, out var va) && byCondition.TryGetValue(b, out var vb))
                    pairs.Add((a, b, va, vb));
            }
        }

        // In the order pairs became complete, so a plan only ever grows at its end.
        return [.. pairs
            .OrderBy(p => Max(p.VA.UploadedAt, p.VB.UploadedAt))
            .ThenBy(p => p.VA.Prompt, StringComparer.Ordinal).ThenBy(p => p.VA.Seed)
            .Select(p => new PlannedTrial(
                StableId.Keyed(trialKey, studyId, "pair", p.VA.Prompt, p.VA.Seed, p.A, p.B),
                p.VA.Task, p.VA.Prompt, p.VA.Seed,
                [new TrialVideo(p.VA.VideoId, p.A), new TrialVideo(p.VB.VideoId, p.B)]))];
    }
}

using Platform.Results;

namespace Platform.Captions;

/// <param name="AcceptanceRate">Accepted over reviewed submissions, with a 95 % Wilson interval.</param>
/// <param name="SubmittedLastWeek">Submissions in the seven days before the reckoning time: throughput.</param>
public sealed record AnnotatorRow(Guid Annotator, int Submitted, int Accepted, int Rejected, int Waiting, Proportion AcceptanceRate, int SubmittedLastWeek);

/// <summary>
/// Per-annotator figures for researchers, from the caption events: what each submitted, and how reviewers decided
/// on it. A review counts for whoever submitted the revision reviewed (an untouched draft too).
/// </summary>
public static class AnnotatorStatistics
{
    public static IReadOnlyList<AnnotatorRow> Compute(
        IEnumerable<CaptionSubmitted> submitted, IEnumerable<CaptionAccepted> accepted, IEnumerable<CaptionRejected> rejected, DateTimeOffset now)
    {
        var submissions = submitted.OrderBy(s => s.At).ToList();
        // A revision can be submitted once only (it must change to be submitted again), but keep the last to be safe.
        var submitterOf = new Dictionary<(Guid Video, Guid Revision), Guid>();
        foreach (var s in submissions) submitterOf[(s.VideoId, s.RevisionId)] = s.By;

        Guid? Submitter(Guid video, Guid revision) => submitterOf.TryGetValue((video, revision), out var by) ? by : null;
        var acceptedBy = accepted.Select(a => Submitter(a.VideoId, a.RevisionId)).OfType<Guid>().GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());
        var rejectedBy = rejected.Select(r => Submitter(r.VideoId, r.RevisionId)).OfType<Guid>().GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());
        var weekAgo = now - TimeSpan.FromDays(7);

        return [.. submissions.GroupBy(s => s.By).Select(g =>
        {
            var (yes, no) = (acceptedBy.GetValueOrDefault(g.Key), rejectedBy.GetValueOrDefault(g.Key));
            return new AnnotatorRow(g.Key, g.Count(), yes, no, g.Count() - yes - no, Wilson.Interval(yes, yes + no), g.Count(s => s.At > weekAgo && s.At <= now));
        }).OrderByDescending(r => r.Submitted).ThenBy(r => r.Annotator)];
    }
}

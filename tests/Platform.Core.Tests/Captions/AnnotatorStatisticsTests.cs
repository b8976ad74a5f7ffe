using Platform.Captions;

namespace Platform.Tests.Captions;

public class AnnotatorStatisticsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Ann = Guid.NewGuid(), Bob = Guid.NewGuid(), Reviewer = Guid.NewGuid();

    [Fact]
    public void Each_annotator_gets_their_reviews_acceptance_rate_with_an_interval_and_weekly_throughput()
    {
        var (v1, v2, v3, v4) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (r1, r2, r3, r4, r5) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        CaptionSubmitted[] submitted =
        [
            new(v1, r1, Ann, Now.AddDays(-10)), // rejected, then fixed and accepted
            new(v1, r2, Ann, Now.AddDays(-2)),
            new(v2, r3, Ann, Now.AddDays(-1)), // accepted
            new(v3, r4, Ann, Now.AddHours(-1)), // waiting
            new(v4, r5, Bob, Now.AddDays(-3)), // rejected
        ];
        CaptionAccepted[] accepted = [new(v1, r2, Reviewer, Now.AddDays(-1)), new(v2, r3, Reviewer, Now)];
        CaptionRejected[] rejected = [new(v1, r1, "name the freeze", Reviewer, Now.AddDays(-9)), new(v4, r5, "too short", Reviewer, Now.AddDays(-2))];

        var rows = AnnotatorStatistics.Compute(submitted, accepted, rejected, Now);

        rows.Select(r => r.Annotator).Should().Equal(Ann, Bob);
        var ann = rows[0];
        (ann.Submitted, ann.Accepted, ann.Rejected, ann.Waiting, ann.SubmittedLastWeek).Should().Be((4, 2, 1, 1, 3));
        ann.AcceptanceRate.Rate.Should().BeApproximately(2.0 / 3, 1e-12);
        ann.AcceptanceRate.Low.Should().BeLessThan(ann.AcceptanceRate.Rate);
        (rows[1].Accepted, rows[1].Rejected, rows[1].AcceptanceRate.Rate).Should().Be((0, 1, 0.0));
    }

    [Fact]
    public void An_annotator_without_reviews_yet_has_an_unknown_rate()
    {
        var rows = AnnotatorStatistics.Compute([new CaptionSubmitted(Guid.NewGuid(), Guid.NewGuid(), Ann, Now)], [], [], Now);

        (rows.Single().AcceptanceRate.Low, rows.Single().AcceptanceRate.High).Should().Be((0.0, 1.0), "no reviews: the interval is all of [0, 1]");
    }
}

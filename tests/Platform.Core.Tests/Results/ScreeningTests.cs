using Platform.Results;
using Platform.Studies;
using Platform.Voting;
using static Platform.Tests.Results.Judgments;

namespace Platform.Tests.Results;

public class ScreeningTests
{
    [Fact]
    public void Quality_figures_per_participant()
    {
        var judgments = new[]
        {
            Pair("a", "b", Choice.Left, decisionMs: 1000), Pair("a", "b", Choice.Left, decisionMs: 3000),
            Pair("a", "b", Choice.Right, decisionMs: 2000), Gold(true, decisionMs: 4000), Gold(false, decisionMs: 5000),
        };

        var quality = Screening.Assess(judgments, ExclusionRules.None).Single();

        quality.Should().BeEquivalentTo(new
        {
            ParticipantId = "p1",
            Judgments = 3,
            GoldTrials = 2,
            GoldCorrect = 1,
            GoldAccuracy = 0.5,
            MedianDecisionMs = 3000,
            Excluded = false,
        });
        quality.IdenticalShare.Should().BeApproximately(2.0 / 3, 1e-12);
    }

    [Fact]
    public void Too_fast_participants_are_excluded_with_the_reason()
    {
        var judgments = Pair("a", "b", Choice.Left, "hasty", decisionMs: 400).Times(3);

        var quality = Screening.Assess(judgments, new ExclusionRules(MinMedianDecisionMs: 1500)).Single();

        quality.Excluded.Should().BeTrue();
        quality.Reasons.Should().Equal("median decision time 400 ms is under 1500 ms");
    }

    [Fact]
    public void Failing_exactly_the_allowed_share_of_gold_is_not_excluded()
    {
        var judgments = new[] { Gold(true), Gold(false) };

        Screening.Assess(judgments, new ExclusionRules(MaxGoldFailureRate: 0.5)).Single().Excluded.Should().BeFalse();
        Screening.Assess(judgments, new ExclusionRules(MaxGoldFailureRate: 0.49)).Single().Excluded.Should().BeTrue();
    }

    [Fact]
    public void With_prolifics_rule_one_failed_attention_check_never_excludes_and_two_do()
    {
        var prolific = new ExclusionRules(MaxGoldFailureRate: 0, MinGoldFailures: 2);

        var once = Screening.Assess([Gold(false), Gold(true), Gold(true)], prolific).Single();
        var twice = Screening.Assess([Gold(false), Gold(false), Gold(true)], prolific).Single();

        once.Excluded.Should().BeFalse("Prolific allows rejecting only after two failed checks");
        (twice.Excluded, twice.Reasons.Single()).Should().Be((true, "failed 2 of 3 gold trials"));
    }

    [Fact]
    public void Without_gold_or_times_the_rules_have_nothing_to_go_on()
    {
        var imported = Pair("a", "b", Choice.Left) with { DecisionMs = null, Imported = true };

        var quality = Screening.Assess([imported], new ExclusionRules(0, 1000)).Single();

        (quality.GoldAccuracy, quality.MedianDecisionMs, quality.Excluded).Should().Be((null, null, false));
    }

    [Theory]
    [InlineData(new int[0], null)]
    [InlineData(new[] { 5 }, 5)]
    [InlineData(new[] { 9, 1, 5 }, 5)]
    [InlineData(new[] { 4, 1, 2, 3 }, 2)]
    public void Median(int[] values, int? median) => Screening.Median([.. values]).Should().Be(median);
}

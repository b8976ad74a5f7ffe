using Platform.Common;
using Platform.Studies;

namespace Platform.Tests.Studies;

public sealed class ChangingStudyTests
{
    private static readonly Dictionary<string, string> FiftySteps = new() { ["steps"] = "50" };

    /// <summary>Pairwise a/b/c against baseline b, with model settings and two tasks.</summary>
    private static StudySettings Running() => A.Pairwise("a", "b", "c").AgainstBaseline("b").WithTasks("walking", "dancing") with
    {
        Conditions = [new Condition("a", "Model A", false, FiftySteps), new Condition("b", "Model B", true), new Condition("c", "Model C", false)],
    };

    private static StudySettingsChanged? Change(Study study, StudySettings settings, int judgments) =>
        ChangingStudy.Handle(study, new ChangeStudy(study.Id, settings, Guid.NewGuid()), judgments, A.Now);

    [Fact]
    public void Anything_may_change_before_the_first_judgment()
    {
        var study = A.Draft(Running()).Opened();
        var rating = A.Rating("x") with { Title = " Rebuilt " };

        var changed = Change(study, rating, judgments: 0);

        changed!.StudyId.Should().Be(study.Id);
        changed.Settings.Title.Should().Be("Rebuilt");
        changed.Settings.Kind.Should().Be(StudyKind.Rating);
    }

    [Fact]
    public void Identical_settings_record_nothing_even_with_other_spacing_or_dictionary_instances()
    {
        var study = A.Draft(Running()).Opened();
        var same = Running() with
        {
            Title = $"  {study.Settings.Title} ",
            Conditions = [new Condition("a", "Model A", false, new Dictionary<string, string> { ["steps"] = "50" }), new Condition("b", "Model B", true), new Condition("c", "Model C", false)],
        };

        Change(study, same, judgments: 12).Should().BeNull();
    }

    [Fact]
    public void A_change_that_leaves_out_the_completion_code_and_trials_keeps_the_study_own()
    {
        var study = A.Draft(Running() with { CompletionCode = "KEEP-ME", TrialsPerParticipant = 45 }).Opened();
        var asked = study.Settings with { Title = "Renamed", CompletionCode = "", TrialsPerParticipant = StudySettings.EveryTrial };

        var changed = Change(study, asked, judgments: 3);

        changed!.Settings.CompletionCode.Should().Be("KEEP-ME");
        changed.Settings.TrialsPerParticipant.Should().Be(45);
        changed.Settings.Title.Should().Be("Renamed");
    }

    [Fact]
    public void Invalid_new_settings_are_refused_before_anything_else()
    {
        var study = A.Draft(Running());

        var act = () => Change(study, Running() with { Title = "" }, judgments: 0);

        act.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Invalid).WithMessage("*a title*");
    }

    [Fact]
    public void A_closed_study_refuses_every_change()
    {
        var study = A.Draft(Running()).Opened().Closed();

        var act = () => Change(study, Running() with { Title = "New title" }, judgments: 0);

        act.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Conflict).WithMessage("*closed*");
    }

    [Theory]
    [InlineData("kind", "*the kind*")]
    [InlineData("scale", "*the scale*")]
    [InlineData("question", "*the question*")]
    [InlineData("success criterion", "*the success criterion*")]
    [InlineData("pairing", "*the pairing rule*")]
    [InlineData("removed condition", "*condition 'c' (it cannot be removed)*")]
    [InlineData("condition settings", "*the settings or baseline flag of condition 'a'*")]
    [InlineData("baseline", "*the settings or baseline flag of condition 'b'*")]
    [InlineData("removed task", "*task 'dancing' (it cannot be removed or renamed, not even in case)*")]
    [InlineData("task renamed in case", "*task 'dancing' (it cannot be removed or renamed, not even in case)*")]
    public void After_judgments_a_change_to_what_they_mean_is_a_conflict_naming_it(string what, string message)
    {
        var before = what == "success criterion" ? A.Rating() : Running();
        var study = A.Draft(before).Opened();

        var act = () => Change(study, Altered(before, what), judgments: 7);

        act.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Conflict)
            .WithMessage("7 judgments have been collected, so " + message + "Create a new study instead.");
    }

    [Theory]
    [InlineData("title")]
    [InlineData("instructions")]
    [InlineData("completion code")]
    [InlineData("added condition")]
    [InlineData("relabelled condition")]
    [InlineData("added task")]
    [InlineData("judgments per trial")]
    public void After_judgments_presentation_and_additions_may_still_change(string what)
    {
        var study = A.Draft(Running()).Opened();

        var changed = Change(study, Altered(Running(), what), judgments: 1);

        changed.Should().BeOfType<StudySettingsChanged>().Which.StudyId.Should().Be(study.Id);
    }

    [Fact]
    public void A_rating_study_may_change_its_unused_scale_after_judgments()
    {
        var study = A.Draft(A.Rating()).Opened();

        var changed = Change(study, A.Rating() with { Scale = PairwiseScale.TwoWay }, judgments: 1);

        changed!.Settings.Scale.Should().Be(PairwiseScale.TwoWay);
    }

    [Fact]
    public void One_judgment_is_named_in_the_singular()
    {
        var study = A.Draft(Running()).Opened();

        var act = () => Change(study, Altered(Running(), "question"), judgments: 1);

        act.Should().Throw<DomainException>().WithMessage("1 judgment has been collected, so the question can no longer change*");
    }

    [Fact]
    public void Several_breaking_changes_are_named_together()
    {
        var after = Running() with { Question = "Which is sharper?", Tasks = ["walking"], Conditions = [.. Running().Conditions.Take(2)] };

        var breaking = ChangingStudy.BreakingChanges(Running(), after);

        breaking.Should().Equal("the question", "condition 'c' (it cannot be removed)", "task 'dancing' (it cannot be removed or renamed, not even in case)");
    }

    private static StudySettings Altered(StudySettings s, string what) => what switch
    {
        "kind" => s with { Kind = StudyKind.Rating, SuccessCriterion = "Success: plausible" },
        "scale" => s with { Scale = PairwiseScale.TwoWay },
        "question" => s with { Question = "Which is sharper?" },
        "success criterion" => s with { SuccessCriterion = "Success: no flicker" },
        "pairing" => s with { Pairing = PairingRule.AllPairs },
        "removed condition" => s with { Conditions = [.. s.Conditions.Where(c => c.Key != "c")] },
        "condition settings" => s with { Conditions = [.. s.Conditions.Select(c => c.Key == "a" ? c with { Settings = new Dictionary<string, string> { ["steps"] = "25" } } : c)] },
        "baseline" => s.AgainstBaseline("c"),
        "removed task" => s.WithTasks("walking"),
        "task renamed in case" => s.WithTasks("walking", "Dancing"),
        "title" => s with { Title = "Motion quality, round 2" },
        "instructions" => s with { Instructions = "Watch carefully." },
        "completion code" => s with { CompletionCode = "NEW-CODE" },
        "added condition" => s with { Conditions = [.. s.Conditions, new Condition("d", "Model D", false)] },
        "relabelled condition" => s with { Conditions = [.. s.Conditions.Select(c => c with { Label = c.Label + " v2" })] },
        "added task" => s.WithTasks("walking", "dancing", "jumping"),
        "judgments per trial" => s with { JudgmentsPerTrial = 5 },
        _ => throw new ArgumentOutOfRangeException(nameof(what), what, null),
    };

    [Fact]
    public void Once_judged_a_goal_keeps_its_kind_error_level_and_budget_and_only_its_floor_may_change()
    {
        var goal = new StudyGoal(GoalKind.BeatsBaseline, Alpha: 0.05, BudgetPerUnit: 500, FloorPerTrial: 1);
        var adaptive = Running() with { Goal = goal };

        ChangingStudy.BreakingChanges(adaptive, adaptive with { Goal = goal with { Alpha = 0.1 } }).Should().Equal("the goal");
        ChangingStudy.BreakingChanges(adaptive, adaptive with { Goal = goal with { BudgetPerUnit = 900 } }).Should().Equal("the goal");
        ChangingStudy.BreakingChanges(adaptive, adaptive with { Goal = null }).Should().Equal("the goal");
        ChangingStudy.BreakingChanges(Running(), adaptive).Should().Equal("the goal");
        ChangingStudy.BreakingChanges(adaptive, adaptive with { Goal = goal with { FloorPerTrial = 2 } }).Should().BeEmpty();
    }
}

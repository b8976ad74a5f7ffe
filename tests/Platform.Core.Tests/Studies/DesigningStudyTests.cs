using Platform.Common;
using Platform.Studies;

namespace Platform.Tests.Studies;

public sealed class DesigningStudyTests
{
    [Fact]
    public void Valid_settings_are_recorded_trimmed_and_normalised()
    {
        var settings = A.Pairwise() with
        {
            Title = "  Motion quality ",
            Instructions = " Watch both. ",
            Question = " Which moves better? ",
            SuccessCriterion = "   ",
            Conditions = [new Condition(" a ", " Model A ", false), new Condition("b", "Model B", false, new Dictionary<string, string> { ["steps"] = "50" })],
            Tasks = [" walking ", "dancing"],
            CompletionCode = " DONE-1234 ",
            CompletionUrl = " https://app.prolific.com/submissions/complete?cc=DONE-1234 ",
        };
        var command = new DesignStudy(Guid.NewGuid(), settings, Guid.NewGuid());

        var created = DesigningStudy.Handle(command, A.Now);

        created.StudyId.Should().Be(command.StudyId);
        created.By.Should().Be(command.By);
        created.At.Should().Be(A.Now);
        var s = created.Settings;
        (s.Title, s.Instructions, s.Question, s.SuccessCriterion).Should().Be(("Motion quality", "Watch both.", "Which moves better?", (string?)null));
        s.Conditions.Select(c => (c.Key, c.Label)).Should().Equal(("a", "Model A"), ("b", "Model B"));
        s.Conditions[0].Settings.Should().NotBeNull().And.BeEmpty();
        s.Conditions[1].Settings.Should().ContainKey("steps");
        s.Tasks.Should().Equal("walking", "dancing");
        s.CompletionCode.Should().Be("DONE-1234");
        s.CompletionUrl.Should().Be("https://app.prolific.com/submissions/complete?cc=DONE-1234");
    }

    [Fact]
    public void Settings_at_every_limit_are_accepted()
    {
        var settings = A.Pairwise() with
        {
            Title = new string('t', 200),
            Conditions = [new Condition(new string('k', 40), "Long key", false), new Condition("b_2-x", "Odd key", false)],
            Tasks = [new string('w', 60)],
            JudgmentsPerTrial = DesigningStudy.MaxJudgmentsPerTrial,
            TrialsPerParticipant = DesigningStudy.MaxTrialsPerParticipant,
            GoldRate = DesigningStudy.MaxGoldRate,
            CompletionCode = new string('c', 100),
            CompletionUrl = "http://example.org/done",
        };

        FluentActions.Invoking(() => DesigningStudy.Validate(settings)).Should().NotThrow();
    }

    [Fact]
    public void A_rating_study_needs_only_one_condition_and_no_baseline()
    {
        var settings = A.Rating("a") with { Pairing = PairingRule.AgainstBaseline };

        FluentActions.Invoking(() => DesigningStudy.Validate(settings)).Should().NotThrow();
    }

    [Theory]
    [InlineData("blank title", "*a title of 1 to 200 characters*")]
    [InlineData("long title", "*a title of 1 to 200 characters*")]
    [InlineData("blank question", "*the question evaluators answer*")]
    [InlineData("rating without criterion", "*the success criterion of a rating study*")]
    [InlineData("pairwise with one condition", "*at least 2 conditions*")]
    [InlineData("rating without conditions", "*at least 1 condition.")]
    [InlineData("key with a space", "*condition key 'Big Model'*")]
    [InlineData("key starting with a dot", "*condition key '.hidden'*")]
    [InlineData("41-character key", "*condition key 'kkkk*")]
    [InlineData("repeated key", "*'a' is used twice*")]
    [InlineData("keys differing in case", "*condition keys that differ, ignoring case ('Kling-1.6' is used twice)*")]
    [InlineData("blank label", "*a label for every condition*")]
    [InlineData("two baselines", "*at most one baseline condition*")]
    [InlineData("against no baseline", "*exactly one baseline condition*")]
    [InlineData("blank task", "*task names of 1 to 60 characters*")]
    [InlineData("61-character task", "*task names of 1 to 60 characters*")]
    [InlineData("tasks differing in case", "*task names that differ*")]
    [InlineData("no judgments per trial", "*1 to 50 judgments per trial*")]
    [InlineData("51 judgments per trial", "*1 to 50 judgments per trial*")]
    [InlineData("negative trials per participant", "*1 to 500 trials per participant*")]
    [InlineData("501 trials per participant", "*1 to 500 trials per participant*")]
    [InlineData("negative gold rate", "*gold-trial rate between 0 and 0.5*")]
    [InlineData("gold rate above half", "*gold-trial rate between 0 and 0.5*")]
    [InlineData("NaN gold rate", "*gold-trial rate between 0 and 0.5*")]
    [InlineData("blank completion code", "*completion code of 1 to 100 characters*")]
    [InlineData("101-character completion code", "*completion code of 1 to 100 characters*")]
    [InlineData("completion code on two lines", "*completion code on one line*")]
    [InlineData("full-study code with a tab", "*full on one line*")]
    [InlineData("completion code with a line separator", "*completion code on one line of visible characters*")]
    [InlineData("full-study code with a zero-width space", "*full on one line of visible characters*")]
    [InlineData("ftp completion URL", "*completion redirect URL*")]
    [InlineData("relative completion URL", "*completion redirect URL*")]
    [InlineData("half-minute trial timeout", "*trial timeout of 1 to 120 minutes*")]
    [InlineData("three-hour trial timeout", "*trial timeout of 1 to 120 minutes*")]
    [InlineData("no failed gold before exclusion", "*number of failed gold trials before exclusion of 1 or more*")]
    public void Each_broken_rule_is_refused_naming_the_problem(string rule, string message)
    {
        var settings = Broken(rule);

        var act = () => DesigningStudy.Validate(settings);

        act.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Invalid).WithMessage("The study needs " + message);
    }

    [Fact]
    public void Condition_keys_are_taken_as_researchers_write_them_with_their_case()
    {
        var settings = A.Pairwise("simdrop-0.1", "Kling-1.6", "gen-3-alpha-turbo", "base_v2");

        var valid = DesigningStudy.Validate(settings);

        valid.Conditions.Select(c => c.Key).Should().Equal("simdrop-0.1", "Kling-1.6", "gen-3-alpha-turbo", "base_v2");
    }

    [Fact]
    public void Each_problem_is_also_given_at_its_field_and_only_broken_fields_are_named()
    {
        var settings = A.Pairwise("ok", "Bad Key") with { Title = "", TrialsPerParticipant = 501 };

        var act = () => DesigningStudy.Validate(settings);

        var refused = act.Should().Throw<DomainException>().Which;
        refused.Fields.Keys.Should().BeEquivalentTo("title", "conditions[1].key", "trialsPerParticipant");
        refused.Fields["conditions[1].key"].Should().ContainSingle().Which.Should().Contain("'Bad Key'");
    }

    [Fact]
    public void A_study_designed_without_a_completion_code_gets_the_one_made_for_it()
    {
        var settings = A.Pairwise() with { CompletionCode = " " };

        var created = DesigningStudy.Handle(new DesignStudy(Guid.NewGuid(), settings, Guid.NewGuid(), CompletionCode: "K7M2Q9XA"), A.Now);

        created.Settings.CompletionCode.Should().Be("K7M2Q9XA");
    }

    [Fact]
    public void A_completion_code_given_is_kept_rather_than_the_one_made()
    {
        var settings = A.Pairwise() with { CompletionCode = "MINE-1" };

        var created = DesigningStudy.Handle(new DesignStudy(Guid.NewGuid(), settings, Guid.NewGuid(), CompletionCode: "K7M2Q9XA"), A.Now);

        created.Settings.CompletionCode.Should().Be("MINE-1");
    }

    [Fact]
    public void Made_completion_codes_are_eight_characters_that_cannot_be_misread()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => CompletionCodes.New()).ToList();

        codes.Should().OnlyContain(c => c.Length == 8 && c.All(ch => CompletionCodes.Alphabet.Contains(ch)));
        codes.Distinct().Should().HaveCountGreaterThan(190);
        CompletionCodes.Alphabet.Should().NotContainAny("0", "O", "1", "I", "L");
    }

    [Fact]
    public void Trials_per_participant_may_be_left_to_the_study_size()
    {
        var settings = A.Pairwise() with { TrialsPerParticipant = StudySettings.EveryTrial };

        DesigningStudy.Validate(settings).TrialsPerParticipant.Should().Be(StudySettings.EveryTrial);
    }

    [Fact]
    public void Several_problems_are_named_in_one_message()
    {
        var settings = A.Pairwise("a") with { Title = " ", JudgmentsPerTrial = 0, CompletionCode = "" };

        var act = () => DesigningStudy.Handle(new DesignStudy(Guid.NewGuid(), settings, Guid.NewGuid()), A.Now);

        act.Should().Throw<DomainException>().WithMessage(
            "The study needs a title of 1 to 200 characters; at least 2 conditions; 1 to 50 judgments per trial; a completion code*");
    }

    private static StudySettings Broken(string rule) => rule switch
    {
        "blank title" => A.Pairwise() with { Title = "   " },
        "long title" => A.Pairwise() with { Title = new string('t', 201) },
        "blank question" => A.Pairwise() with { Question = " " },
        "rating without criterion" => A.Rating() with { SuccessCriterion = " " },
        "pairwise with one condition" => A.Pairwise("a"),
        "rating without conditions" => A.Rating() with { Conditions = [] },
        "key with a space" => A.Pairwise("a", "Big Model"),
        "key starting with a dot" => A.Pairwise("a", ".hidden"),
        "41-character key" => A.Pairwise("a", new string('k', 41)),
        "repeated key" => A.Pairwise("a", "b", " a"),
        "keys differing in case" => A.Pairwise("kling-1.6", "Kling-1.6"),
        "blank label" => A.Pairwise() with { Conditions = [new Condition("a", "  ", false), new Condition("b", "B", false)] },
        "two baselines" => A.Pairwise() with { Conditions = [new Condition("a", "A", true), new Condition("b", "B", true)] },
        "against no baseline" => A.Pairwise() with { Pairing = PairingRule.AgainstBaseline },
        "blank task" => A.Pairwise().WithTasks("walking", " "),
        "61-character task" => A.Pairwise().WithTasks(new string('w', 61)),
        "tasks differing in case" => A.Pairwise().WithTasks("walking", "Walking"),
        "no judgments per trial" => A.Pairwise() with { JudgmentsPerTrial = 0 },
        "half-minute trial timeout" => A.Pairwise() with { TrialTimeoutMinutes = 0.5 },
        "three-hour trial timeout" => A.Pairwise() with { TrialTimeoutMinutes = 180 },
        "no failed gold before exclusion" => A.Pairwise() with { Exclusions = new ExclusionRules(0.2, null, 0) },
        "51 judgments per trial" => A.Pairwise() with { JudgmentsPerTrial = 51 },
        "negative trials per participant" => A.Pairwise() with { TrialsPerParticipant = -1 },
        "501 trials per participant" => A.Pairwise() with { TrialsPerParticipant = 501 },
        "negative gold rate" => A.Pairwise() with { GoldRate = -0.01 },
        "gold rate above half" => A.Pairwise() with { GoldRate = 0.51 },
        "NaN gold rate" => A.Pairwise() with { GoldRate = double.NaN },
        "blank completion code" => A.Pairwise() with { CompletionCode = " " },
        "101-character completion code" => A.Pairwise() with { CompletionCode = new string('c', 101) },
        "completion code on two lines" => A.Pairwise() with { CompletionCode = "DONE\n42" },
        "full-study code with a tab" => A.Pairwise() with { FullStudyCode = "FULL\t1" },
        "completion code with a line separator" => A.Pairwise() with { CompletionCode = "DONE\u2028 42" },
        "full-study code with a zero-width space" => A.Pairwise() with { FullStudyCode = "FULL\u200B1" },
        "ftp completion URL" => A.Pairwise() with { CompletionUrl = "ftp://example.org/done" },
        "relative completion URL" => A.Pairwise() with { CompletionUrl = "/done" },
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };
}

using Bunit;
using Microsoft.AspNetCore.Components;
using Platform.Studies;
using Platform.Tests.Components;
using Platform.Voting;
using Platform.Web.Voting;
using Platform.Web.Voting.Taking;

namespace Platform.Tests.Voting;

public sealed class TrialPlayerTests : BunitTest
{
    private static TrialView Pairwise(params Choice[] choices) => new(
        Guid.NewGuid(), StudyKind.Pairwise, "Which video shows more plausible motion?", null,
        choices.Length == 0 ? [Choice.Left, Choice.Same, Choice.Right] : choices,
        [new VideoView("left", "/media/aaa", 16), new VideoView("right", "/media/bbb")], 0, 3);

    private static TrialView Rating() => new(
        Guid.NewGuid(), StudyKind.Rating, "Did the body stay intact?", "Success: the human body stays anatomically plausible throughout",
        [Choice.Success, Choice.Failure], [new VideoView("single", "/media/ccc")], 1, 3);

    [Fact]
    public void The_answer_buttons_stay_locked_until_both_videos_have_played_through()
    {
        var player = Context.Render<TrialPlayer>(p => p.Add(x => x.Trial, Pairwise()));

        player.FindAll("button[data-choice]").Should().HaveCount(3).And.OnlyContain(b => b.HasAttribute("disabled"));
        player.Find("[data-testid=locked-hint]").TextContent.Should().Contain("videos have played through");

        player.InvokeAsync(() => player.Instance.OnPlayedThrough());

        player.FindAll("button[data-choice]").Should().OnlyContain(b => !b.HasAttribute("disabled"));
        player.FindAll("[data-testid=locked-hint]").Should().BeEmpty();
    }

    [Fact]
    public void Keys_answer_only_once_unlocked()
    {
        var answers = new List<Choice>();
        var player = Context.Render<TrialPlayer>(p => p
            .Add(x => x.Trial, Pairwise())
            .Add(x => x.OnAnswer, a => answers.Add(a.Choice)));

        player.InvokeAsync(() => player.Instance.OnKey("left"));
        answers.Should().BeEmpty("the videos have not played through yet");

        player.InvokeAsync(() => player.Instance.OnPlayedThrough());
        player.InvokeAsync(() => player.Instance.OnKey("right"));

        answers.Should().Equal(Choice.Right);
    }

    [Fact]
    public void Keys_outside_the_scale_are_ignored()
    {
        var answers = new List<Choice>();
        var player = Context.Render<TrialPlayer>(p => p
            .Add(x => x.Trial, Pairwise(Choice.Left, Choice.Right))
            .Add(x => x.OnAnswer, a => answers.Add(a.Choice)));
        player.InvokeAsync(() => player.Instance.OnPlayedThrough());

        player.InvokeAsync(() => player.Instance.OnKey("same"));
        player.InvokeAsync(() => player.Instance.OnKey("success"));

        answers.Should().BeEmpty();
        player.FindAll("button[data-choice]").Select(b => b.GetAttribute("data-choice")).Should().Equal("left", "right");
    }

    [Fact]
    public void A_rating_trial_shows_one_video_the_criterion_and_success_or_failure()
    {
        var answers = new List<(Choice, int)>();
        var player = Context.Render<TrialPlayer>(p => p
            .Add(x => x.Trial, Rating())
            .Add(x => x.OnAnswer, a => answers.Add(a)));
        player.InvokeAsync(() => player.Instance.OnPlayedThrough());

        player.Find("button[data-choice=failure]").Click();

        player.FindAll("video").Should().ContainSingle().Which.GetAttribute("src").Should().Be("/media/ccc");
        player.Markup.Should().Contain("anatomically plausible");
        answers.Should().ContainSingle().Which.Item1.Should().Be(Choice.Failure);
        answers[0].Item2.Should().BeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void Each_side_is_named_for_both_layouts_and_the_keys_stay_out_of_the_answers_names()
    {
        var player = Context.Render<TrialPlayer>(p => p.Add(x => x.Trial, Pairwise()));

        player.FindAll("figcaption .side-wide").Select(c => c.TextContent).Should().Equal("Left", "Right");
        player.FindAll("figcaption .side-stacked").Select(c => c.TextContent).Should().Equal("Top", "Bottom");
        var answers = player.FindAll("button[data-choice]");
        answers.Select(b => b.QuerySelector(".side-wide")?.TextContent).Should().Equal("Left is better", null, "Right is better");
        answers.Select(b => b.QuerySelector(".side-stacked")?.TextContent).Should().Equal("Top is better", null, "Bottom is better");
        answers[1].TextContent.Trim().Should().Be("About the same(↓ or 2)", "one wording fits both layouts");
        answers.Select(b => b.QuerySelector(".key-hint")!.TextContent).Should().Equal("(← or 1)", "(↓ or 2)", "(→ or 3)");
        answers.Should().OnlyContain(b => b.QuerySelector(".key-hint")!.GetAttribute("aria-hidden") == "true");
        answers.Select(b => b.GetAttribute("aria-keyshortcuts")).Should().Equal("ArrowLeft 1", "ArrowDown 2", "ArrowRight 3");
        player.FindAll("[title]").Should().BeEmpty("keys are named in .key-hint spans, which a touch screen hides; CSS cannot hide a title");
    }

    [Fact]
    public void A_rating_names_no_side()
    {
        var player = Context.Render<TrialPlayer>(p => p.Add(x => x.Trial, Rating()));

        player.FindAll("figcaption, .side-wide, .side-stacked").Should().BeEmpty();
        player.FindAll("button[data-choice]").Select(b => b.TextContent.Trim()).Should().Equal("Success(S)", "Failure(F)");
    }

    [Fact]
    public void The_player_module_is_attached_to_the_trial()
    {
        var module = Context.JSInterop.SetupModule("./player.js");

        Context.Render<TrialPlayer>(p => p.Add(x => x.Trial, Pairwise()));

        module.VerifyInvoke("attach");
    }

    [Fact]
    public void The_frame_rate_reaches_the_player_when_known()
    {
        var player = Context.Render<TrialPlayer>(p => p.Add(x => x.Trial, Pairwise()));

        player.FindAll("video").Select(v => v.GetAttribute("data-frame-rate")).Should().Equal("16", null);
    }

    [Fact]
    public void A_new_trial_disposes_the_previous_player_and_attaches_one_to_fresh_elements()
    {
        var module = Context.JSInterop.SetupModule("./player.js");
        var players = module.SetupModule(invocation => invocation.Identifier == "attach");
        var player = Context.Render<TrialPlayer>(p => p.Add(x => x.Trial, Pairwise()));
        player.InvokeAsync(() => player.Instance.OnPlayedThrough());

        player.Render(p => p.Add(x => x.Trial, Pairwise()));

        players.VerifyInvoke("dispose");
        var roots = module.Invocations["attach"].Select(i => ((ElementReference)i.Arguments[0]!).Id).ToList();
        roots.Should().HaveCount(2).And.OnlyHaveUniqueItems("each trial gets new elements, not the previous trial's");
        player.FindAll("button[data-choice]").Should().OnlyContain(b => b.HasAttribute("disabled"), "the new trial has not played through");
    }
}

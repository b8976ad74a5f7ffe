using Platform.Generation;
using Platform.Studies;
using Platform.Web.Generation.Batches;

namespace Platform.Tests.Generation;

public class ConditionRowTests
{
    [Fact]
    public void Prompt_lines_take_an_optional_task_before_a_bar()
    {
        var prompts = ConditionRow.Prompts("a dancer spins\n gym | a gymnast flips \n\n", "dance");

        prompts.Should().Equal(new PromptToGenerate("a dancer spins", "dance"), new PromptToGenerate("a gymnast flips", "gym"));
    }

    [Fact]
    public void Seeds_are_read_from_a_list_and_anything_else_becomes_an_invalid_seed_the_plan_refuses()
    {
        ConditionRow.Seeds("1, 2;3 4").Should().Equal(1, 2, 3, 4);
        ConditionRow.Seeds("1, x").Should().Equal(1, -1);
    }

    [Fact]
    public void A_condition_prefills_its_settings_and_maps_to_a_plan_only_with_a_server()
    {
        var server = Guid.NewGuid();
        var condition = new Condition("ours-0-2", "Ours, SimDrop 0.2", false, new Dictionary<string, string> { ["simdrop"] = "0.2", ["guidance"] = "6.5" });

        var row = ConditionRow.From(condition, server);

        row.ToPlan().Should().Be(new ConditionPlan("ours-0-2", server, new GenerationSettings(GuidanceScale: 6.5, SimDropScale: 0.2)));
        ConditionRow.From(condition, null).ToPlan().Should().BeNull();
    }

    [Fact]
    public void Frames_width_height_and_fps_map_into_the_settings_and_empty_stays_the_servers_default()
    {
        var server = Guid.NewGuid();
        var row = new ConditionRow { Condition = "base", ServerId = server, Steps = 30 };

        row.ToPlan()!.Settings.Should().Be(new GenerationSettings(Steps: 30));

        row.Frames = 49;
        row.Width = 832;
        row.Height = 480;
        row.Fps = 16;

        row.ToPlan()!.Settings.Should().Be(new GenerationSettings(Steps: 30, Frames: 49, Width: 832, Height: 480, Fps: 16));
    }

    [Fact]
    public void Out_of_range_video_values_reach_the_settings_unclamped_so_their_problems_are_reported()
    {
        var row = new ConditionRow { Condition = "base", ServerId = Guid.NewGuid(), Frames = 0, Width = 8, Height = 5000, Fps = 121 };

        row.ToPlan()!.Settings!.Problems().Should().BeEquivalentTo(
            "1 to 1000 frames", "a width and height of 16 to 4096 pixels", "1 to 120 frames per second");
    }

    [Fact]
    public void A_condition_prefills_frames_size_and_fps_from_its_settings()
    {
        var condition = new Condition("ours", "Ours", false, new Dictionary<string, string>
        {
            ["num_frames"] = "81",
            ["width"] = "1280",
            ["height"] = "720",
            ["fps"] = "24",
            ["steps"] = "1e12",
        });

        var row = ConditionRow.From(condition, Guid.NewGuid());

        (row.Frames, row.Width, row.Height, row.Fps).Should().Be((81, 1280, 720, 24));
        row.Steps.Should().BeNull("a value beyond int's range is left to the server's default");
    }
}

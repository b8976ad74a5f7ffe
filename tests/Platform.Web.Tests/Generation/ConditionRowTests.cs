using Platform.Generation;
using Platform.Generation.Batches;
using Platform.Studies;

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
}

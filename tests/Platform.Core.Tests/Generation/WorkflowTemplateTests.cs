using System.Text.Json;
using Platform.Generation;

namespace Platform.Tests.Generation;

public class WorkflowTemplateTests
{
    [Fact]
    public void Placeholders_take_escaped_text_and_bare_numbers_with_fallbacks_for_unset_settings()
    {
        var values = WorkflowTemplate.Values("a \"quoted\" dancer\nspins", 42, new GenerationSettings(GuidanceScale: 7.5, NegativePrompt: "cartoon, [synthetic]"));

        using var filled = JsonDocument.Parse(WorkflowTemplate.Fill(Servers.Template, values));

        var root = filled.RootElement;
        root.GetProperty("6").GetProperty("inputs").GetProperty("text").GetString().Should().Be("a \"quoted\" dancer\nspins");
        root.GetProperty("7").GetProperty("inputs").GetProperty("text").GetString().Should().Be("cartoon, [synthetic]");
        var sampler = root.GetProperty("3").GetProperty("inputs");
        (sampler.GetProperty("seed").GetInt64(), sampler.GetProperty("steps").GetInt32(), sampler.GetProperty("cfg").GetDouble()).Should().Be((42, 30, 7.5));
    }
}

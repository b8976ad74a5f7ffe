using Platform.RenderServer.Rendering;
using Platform.RenderServer.Tests.Support;

namespace Platform.RenderServer.Tests.Rendering;

public sealed class LookTests
{
    private static readonly Dictionary<string, object> Baseline = Videos.Tiny("a dancer spins on a rooftop").With("seed", 7).With("guidance_scale", 5);

    [Fact]
    public async Task Every_source_pattern_with_every_effect_gives_identical_bytes_for_identical_inputs()
    {
        await using var server = await RunningServer.StartAsync(o => (o.Latency, o.MaxConcurrentJobs) = (TimeSpan.Zero, 4));
        var onePromptPerSource = Enumerable.Range(0, 50).Select(i => $"scene {i}")
            .GroupBy(prompt => FilterGraph.For(RenderSettings.From(new RenderRequest(prompt))).Split('=')[0])
            .Select(group => group.First())
            .ToList();
        onePromptPerSource.Should().HaveCount(5, "the prompt picks one of five lavfi sources");

        foreach (var prompt in onePromptPerSource)
        {
            var body = Baseline.With("prompt", prompt).With("simdrop_scale", 0.3).With("negative_prompt", "dark").With("num_inference_steps", 12);
            var first = await server.SubmitVideoAsync(body);
            var second = await server.SubmitVideoAsync(body);

            (await server.DownloadVideoAsync(second)).Should().Equal(await server.DownloadVideoAsync(first), prompt);
        }
    }

    [Fact]
    public async Task Each_condition_on_the_same_prompt_looks_visibly_different()
    {
        await using var server = await RunningServer.StartAsync(o => (o.Latency, o.MaxConcurrentJobs) = (TimeSpan.Zero, 4));
        var variants = new Dictionary<string, Dictionary<string, object>>
        {
            ["guidance"] = Baseline.With("guidance_scale", 9),
            ["simdrop"] = Baseline.With("simdrop_scale", 0.2),
            ["negative prompt"] = Baseline.With("negative_prompt", "blurry, low quality"),
            ["seed"] = Baseline.With("seed", 8),
            ["steps"] = Baseline.With("num_inference_steps", 10),
            ["model"] = Baseline.With("model", "ours-simdrop"),
        };
        var baselineId = await server.SubmitVideoAsync(Baseline);
        var ids = new Dictionary<string, string>();
        foreach (var (name, body) in variants)
        {
            ids[name] = await server.SubmitVideoAsync(body);
        }

        var baseline = await server.DownloadVideoAsync(baselineId);
        foreach (var (name, id) in ids)
        {
            var variant = await server.DownloadVideoAsync(id);
            variant.Should().NotEqual(baseline, $"{name} should change the video");
            (await Ffprobe.MeanPixelDifferenceAsync(baseline, variant)).Should().BeGreaterThan(3, $"{name} should be visible, not just different bytes");
        }
    }
}

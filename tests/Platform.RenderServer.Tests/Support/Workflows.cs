using System.Text.Json.Nodes;

namespace Platform.RenderServer.Tests.Support;

/// <summary>ComfyUI API-format graphs as a HunyuanVideo text-to-video workflow exports them.</summary>
public static class Workflows
{
    public static JsonObject HunyuanTextToVideo(string positive, string negative = "blurry, low quality", int width = 64, int height = 48, int length = 9) => new()
    {
        ["6"] = Node("CLIPTextEncode", "CLIP Text Encode (Positive Prompt)", new JsonObject { ["text"] = positive, ["clip"] = Link("11") }),
        ["7"] = Node("CLIPTextEncode", "CLIP Text Encode (Negative Prompt)", new JsonObject { ["text"] = negative, ["clip"] = Link("11") }),
        ["3"] = Node("KSampler", "KSampler", new JsonObject
        {
            ["seed"] = "1125899906842624",
            ["steps"] = 20,
            ["cfg"] = "6.5",
            ["sampler_name"] = "euler",
            ["scheduler"] = "simple",
            ["denoise"] = 1,
            ["model"] = Link("12"),
            ["positive"] = Link("6"),
            ["negative"] = Link("7"),
            ["latent_image"] = Link("5"),
        }),
        ["5"] = Node("EmptyHunyuanLatentVideo", "EmptyHunyuanLatentVideo", new JsonObject { ["width"] = width, ["height"] = height, ["length"] = length, ["batch_size"] = 1 }),
        ["8"] = Node("VAEDecode", "VAE Decode", new JsonObject { ["samples"] = Link("3"), ["vae"] = Link("10") }),
        ["9"] = Node("VHS_VideoCombine", "Video Combine", new JsonObject
        {
            ["images"] = Link("8"),
            ["frame_rate"] = 8,
            ["loop_count"] = 0,
            ["filename_prefix"] = "HunyuanVideo",
            ["format"] = "video/h264-mp4",
            ["pingpong"] = false,
            ["save_output"] = true,
        }),
    };

    public static JsonObject Request(JsonObject graph, string? promptId = null) => new()
    {
        ["prompt"] = graph,
        ["client_id"] = "tests",
        ["prompt_id"] = promptId ?? Guid.NewGuid().ToString(),
    };

    private static JsonObject Node(string classType, string title, JsonObject inputs) => new()
    {
        ["class_type"] = classType,
        ["inputs"] = inputs,
        ["_meta"] = new JsonObject { ["title"] = title },
    };

    private static JsonArray Link(string node) => [node, 0];
}

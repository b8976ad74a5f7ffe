using System.Text.Json.Nodes;
using Platform.RenderServer.Hosting;
using Platform.RenderServer.Rendering;

namespace Platform.RenderServer.ComfyUi;

/// <summary>What a ComfyUI API-format graph asks to render, and which node is its video output.</summary>
public sealed record Workflow(RenderRequest Request, string OutputNodeId, string OutputNodeType, string FilenamePrefix);

/// <summary>
/// Pulls render inputs out of a ComfyUI API-format graph by input name, whatever the node types: the prompts from
/// text-encode nodes (by title, else by the sampler's positive/negative links, else the first one), numbers from
/// the first node that has them. Linked inputs (["node", slot] arrays) are not followed.
/// </summary>
public static class WorkflowReader
{
    private sealed record Node(string Id, string ClassType, string Title, JsonObject Inputs)
    {
        public string? Input(string name) => JsonValues.Text(Inputs[name]);
        public string? LinkedNode(string input) => Inputs[input] is JsonArray { Count: > 0 } link ? JsonValues.Text(link[0]) : null;
    }

    /// <returns>null when the graph has no prompt text to render.</returns>
    public static Workflow? Read(JsonObject graph)
    {
        var nodes = graph.Select(pair => ToNode(pair.Key, pair.Value)).OfType<Node>().ToList();
        var texts = nodes.Where(node => node.ClassType.Contains("TextEncode", StringComparison.OrdinalIgnoreCase) && node.Input("text") is not null).ToList();
        var positiveIds = nodes.Select(node => node.LinkedNode("positive")).OfType<string>().ToHashSet();
        var negativeIds = nodes.Select(node => node.LinkedNode("negative")).OfType<string>().ToHashSet();

        var positive = texts.FirstOrDefault(node => Titled(node, "positive"))
            ?? texts.FirstOrDefault(node => positiveIds.Contains(node.Id))
            ?? texts.FirstOrDefault(node => !Titled(node, "negative") && !negativeIds.Contains(node.Id));
        var negative = texts.FirstOrDefault(node => Titled(node, "negative"))
            ?? texts.FirstOrDefault(node => negativeIds.Contains(node.Id) && node != positive);
        var prompt = positive?.Input("text") ?? First(nodes, "positive_prompt");
        if (string.IsNullOrWhiteSpace(prompt))
        {
            return null;
        }

        var output = nodes.FirstOrDefault(IsOutput);
        var request = new RenderRequest(prompt)
        {
            NegativePrompt = negative?.Input("text") ?? First(nodes, "negative_prompt"),
            Seed = JsonValues.Seed(First(nodes, "seed", "noise_seed"), "seed"),
            Steps = JsonValues.WholeNumber(First(nodes, "steps"), "steps"),
            Guidance = JsonValues.Number(First(nodes, "cfg", "guidance"), "cfg"),
            Width = JsonValues.WholeNumber(First(nodes, "width"), "width"),
            Height = JsonValues.WholeNumber(First(nodes, "height"), "height"),
            Frames = JsonValues.WholeNumber(First(nodes, "length", "num_frames", "frame_count"), "length"),
            Fps = JsonValues.Number(First(nodes, "frame_rate", "fps"), "frame_rate"),
            Simdrop = JsonValues.Number(First(nodes, "simdrop_scale"), "simdrop_scale"),
        };
        return new Workflow(request, output?.Id ?? "9", output?.ClassType ?? "VHS_VideoCombine", Prefix(output?.Input("filename_prefix")));
    }

    private static Node? ToNode(string id, JsonNode? value) =>
        value is JsonObject node && JsonValues.Text(node["class_type"]) is { } classType
            ? new Node(id, classType, JsonValues.Text(node["_meta"]?["title"]) ?? "", node["inputs"] as JsonObject ?? [])
            : null;

    private static bool Titled(Node node, string word) => node.Title.Contains(word, StringComparison.OrdinalIgnoreCase);

    private static bool IsOutput(Node node) =>
        node.ClassType.Contains("VideoCombine", StringComparison.OrdinalIgnoreCase)
        || node.ClassType.StartsWith("Save", StringComparison.OrdinalIgnoreCase);

    private static string? First(IEnumerable<Node> nodes, params string[] names) =>
        nodes.SelectMany(node => names.Select(node.Input)).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));

    /// <summary>The last path segment of filename_prefix, reduced to characters safe in a file name.</summary>
    private static string Prefix(string? prefix)
    {
        var name = new string((prefix ?? "").Split('/', '\\')[^1].Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-').ToArray());
        return name.Length == 0 ? "render" : name;
    }
}

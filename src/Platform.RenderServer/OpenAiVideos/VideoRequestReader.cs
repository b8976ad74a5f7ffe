using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.RenderServer.Hosting;
using Platform.RenderServer.Rendering;

namespace Platform.RenderServer.OpenAiVideos;

/// <summary>Reads POST /v1/videos from JSON (OpenAI, SGLang) or multipart/urlencoded form fields (vLLM-Omni); unknown fields are ignored.</summary>
public static class VideoRequestReader
{
    public static async Task<RenderRequest> ReadAsync(HttpRequest request)
    {
        Func<string, string?> field;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            field = name => form.TryGetValue(name, out var values) ? values.ToString() : null;
        }
        else
        {
            var body = await ReadJsonAsync(request);
            field = name => JsonValues.Text(body[name]);
        }
        return Read(field);
    }

    private static async Task<JsonObject> ReadJsonAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject
                ?? throw new InvalidRenderRequestException("The body must be a JSON object.");
        }
        catch (JsonException exception)
        {
            throw new InvalidRenderRequestException($"The body is not valid JSON: {exception.Message}");
        }
    }

    private static RenderRequest Read(Func<string, string?> field)
    {
        var prompt = field("prompt");
        if (string.IsNullOrWhiteSpace(prompt))
        {
            throw new InvalidRenderRequestException("prompt is required");
        }
        var (width, height) = Size(field("size"));
        return new RenderRequest(prompt)
        {
            Model = field("model"),
            NegativePrompt = field("negative_prompt"),
            Width = width ?? JsonValues.WholeNumber(field("width"), "width"),
            Height = height ?? JsonValues.WholeNumber(field("height"), "height"),
            Seconds = JsonValues.Number(field("seconds"), "seconds"),
            Frames = JsonValues.WholeNumber(field("num_frames"), "num_frames"),
            Fps = JsonValues.Number(field("fps"), "fps"),
            Seed = JsonValues.Seed(field("seed"), "seed"),
            Guidance = JsonValues.Number(field("guidance_scale"), "guidance_scale"),
            Steps = JsonValues.WholeNumber(field("num_inference_steps"), "num_inference_steps"),
            Simdrop = JsonValues.Number(field("simdrop_scale"), "simdrop_scale"),
        };
    }

    /// <summary>"WxH" as OpenAI and SGLang write it, or "W*H" as some vLLM examples do.</summary>
    private static (int? Width, int? Height) Size(string? size)
    {
        if (string.IsNullOrWhiteSpace(size))
        {
            return (null, null);
        }
        var parts = size.Split(['x', 'X', '*'], StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            throw new InvalidRenderRequestException($"size must look like 1280x720, not \"{size}\"");
        }
        return (JsonValues.WholeNumber(parts[0], "size"), JsonValues.WholeNumber(parts[1], "size"));
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.RenderServer.Hosting;

/// <summary>Reads request values that clients send as JSON numbers, JSON strings or form fields alike.</summary>
public static class JsonValues
{
    /// <summary>The text of a string or number value; null for anything else (absent, null, a ComfyUI link array).</summary>
    public static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;

    public static double? Number(string? text, string name) => text switch
    {
        null or "" => null,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) => number,
        _ => throw new Rendering.InvalidRenderRequestException($"{name} must be a number"),
    };

    public static int? WholeNumber(string? text, string name) => Number(text, name) is { } number
        ? (int)Math.Clamp(Math.Round(number), int.MinValue, int.MaxValue)
        : null;

    /// <summary>Seeds go up to 2^64-1 in ComfyUI, beyond what a double holds exactly; negative seeds wrap around.</summary>
    public static ulong? Seed(string? text, string name) => text switch
    {
        null or "" => null,
        _ when ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) => seed,
        _ when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var signed) => unchecked((ulong)signed),
        _ when Number(text, name) is { } number && number == Math.Floor(number) && Math.Abs(number) < 1e18 => unchecked((ulong)(long)number),
        _ => throw new Rendering.InvalidRenderRequestException($"{name} must be an integer"),
    };
}

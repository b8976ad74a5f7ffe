using System.Globalization;
using System.Text.Json;
using Platform.Captions;
using Platform.Common;

namespace Platform.Web.Captions;

/// <summary>
/// "Any render parameter" for the catalog: <c>path=value</c> with the sidecar's names under renderParameters, e.g.
/// <c>environment.sceneColor=#808080</c>, <c>camera.focalLength=0.6</c>, <c>environment.lights[0].intensity=3</c>.
/// Numbers compare as numbers, text ignoring case.
/// </summary>
public sealed record ParameterMatch(string Path, string Value)
{
    public static ParameterMatch? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
            throw new DomainException($"'{text}' is not a parameter filter; write path=value, e.g. environment.sceneColor=#808080 or camera.focalLength=0.6.");
        return new ParameterMatch(text[..equals].Trim(), text[(equals + 1)..].Trim());
    }

    public bool Matches(RenderParameters parameters)
    {
        var node = JsonSerializer.SerializeToElement(parameters, SidecarReader.Json);
        foreach (var step in Path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, index) = Step(step);
            if (node.ValueKind != JsonValueKind.Object || !TryProperty(node, name, out node)) return false;
            if (index is { } i)
            {
                if (node.ValueKind != JsonValueKind.Array || i >= node.GetArrayLength()) return false;
                node = node[i];
            }
        }
        return node.ValueKind switch
        {
            JsonValueKind.Number => double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var wanted) && Math.Abs(node.GetDouble() - wanted) < 1e-9,
            JsonValueKind.String => string.Equals(node.GetString(), Value, StringComparison.OrdinalIgnoreCase),
            JsonValueKind.True or JsonValueKind.False => string.Equals(node.GetRawText(), Value, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    private static (string Name, int? Index) Step(string step)
    {
        var open = step.IndexOf('[', StringComparison.Ordinal);
        if (open < 0 || !step.EndsWith(']')) return (step, null);
        return int.TryParse(step[(open + 1)..^1], CultureInfo.InvariantCulture, out var index) ? (step[..open], index) : (step, null);
    }

    private static bool TryProperty(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }
        value = default;
        return false;
    }
}

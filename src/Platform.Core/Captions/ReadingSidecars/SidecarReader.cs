using System.Text.Json;
using System.Text.Json.Serialization;
using Json.Schema;
using Platform.Common;

namespace Platform.Captions;

/// <summary>One thing wrong with a sidecar: the field (a dotted path such as <c>renderParameters.camera.movementType</c>) and why.</summary>
public sealed record SidecarProblem(string Field, string Message);

public sealed record SidecarReading(Sidecar? Sidecar, IReadOnlyList<SidecarProblem> Problems)
{
    public bool IsValid => Sidecar is not null;
}

/// <summary>
/// Reads a sidecar file: checks it against <c>synthetic-sidecar.schema.json</c> (JSON Schema draft 2020-12, a copy of
/// the project's shared schema embedded here) and only then maps it to a <see cref="Sidecar"/>.
/// </summary>
public static class SidecarReader
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private static readonly Lazy<string> SchemaText = new(() =>
    {
        using var stream = typeof(SidecarReader).Assembly.GetManifestResourceStream("synthetic-sidecar.schema.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(SchemaText.Value));

    // The schema as plain JSON, to read what a failing keyword allows (the values of an enum).
    private static readonly Lazy<JsonElement> SchemaJson = new(() => JsonDocument.Parse(SchemaText.Value).RootElement.Clone());

    public static SidecarReading Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return new SidecarReading(null, [new SidecarProblem("", $"The sidecar is not valid JSON (line {e.LineNumber + 1}): {e.Message}")]);
        }
        using (document)
        {
            if (Forbidden(document.RootElement, "") is { } where)
                return new SidecarReading(null, [new SidecarProblem(where, SafeText.Problem)]);
            var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (!results.IsValid) return new SidecarReading(null, Problems(results, document.RootElement));
            try
            {
                return new SidecarReading(document.RootElement.Deserialize<Sidecar>(Json)!, []);
            }
            catch (JsonException e)
            {
                // The schema lets through what .NET cannot hold, e.g. "frames": 3.0 or 3e9.
                return new SidecarReading(null, [new SidecarProblem(Field(e.Path?.Replace("$", "", StringComparison.Ordinal).Replace('.', '/') ?? ""), "holds a value out of range")]);
            }
        }
    }

    /// <summary>The first field whose name or text holds a character no field takes (NUL would fail in the database).</summary>
    private static string? Forbidden(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.String => SafeText.HasForbidden(element.GetString()) ? path : null,
        JsonValueKind.Object => element.EnumerateObject()
            .Select(p => SafeText.HasForbidden(p.Name) ? path : Forbidden(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}"))
            .FirstOrDefault(f => f is not null),
        JsonValueKind.Array => element.EnumerateArray().Select((e, i) => Forbidden(e, $"{path}[{i}]")).FirstOrDefault(f => f is not null),
        _ => null,
    };

    private static List<SidecarProblem> Problems(EvaluationResults results, JsonElement sidecar) =>
        [.. (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => new SidecarProblem(Field(d.InstanceLocation.ToString()), Message(e.Key, e.Value, d, sidecar))))
            .Distinct()];

    private static string Message(string keyword, string error, EvaluationResults where, JsonElement sidecar) => keyword switch
    {
        // additionalProperties: false reports each unknown field as failing "the false schema".
        _ when error.Contains("false schema", StringComparison.Ordinal) => "is not a field of the sidecar format",
        "enum" when AllowedValues(where) is { } allowed => $"is {Received(where, sidecar)}; allowed values: {allowed}",
        _ => error,
    };

    /// <summary>The values an enum allows, as they are written in the sidecar ("truck", "dolly", …).</summary>
    private static string? AllowedValues(EvaluationResults where) =>
        where.EvaluationPath.Evaluate(SchemaJson.Value) is { ValueKind: JsonValueKind.Object } schema
        && schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array
            ? string.Join(", ", values.EnumerateArray().Select(v => v.GetRawText()))
            : null;

    private static string Received(EvaluationResults where, JsonElement sidecar)
    {
        var text = where.InstanceLocation.Evaluate(sidecar)?.GetRawText() ?? "missing";
        return text.Length <= 60 ? text : text[..57] + "…";
    }

    /// <summary>"/renderParameters/camera/movementType" → "renderParameters.camera.movementType"; "/lights/0" → "lights[0]".</summary>
    private static string Field(string pointer)
    {
        var parts = pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        var field = "";
        foreach (var part in parts)
            field += int.TryParse(part, out _) ? $"[{part}]" : (field.Length == 0 ? part : "." + part);
        return field;
    }
}

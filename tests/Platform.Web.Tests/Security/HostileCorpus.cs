using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Common;

namespace Platform.Tests.Security;

/// <summary>One hostile request: who sends it and what it is. Every one must be refused and change nothing.</summary>
public sealed record HostileCase(string Name, HttpClient Client, Func<HttpRequestMessage> Request);

/// <summary>
/// Builds hostile requests from valid ones: malformed and oversized bodies, each field of a JSON body given NUL, a
/// bidirectional override, too much text, a number where text belongs (undefined enumerations), huge numbers, lists
/// past their limit and values of the wrong type; path and query tricks.
/// </summary>
public static class HostileCorpus
{
    public static IEnumerable<HostileCase> ForJson(string name, HttpClient client, HttpMethod method, string path, object validBody)
    {
        var valid = JsonSerializer.SerializeToNode(validBody, Testing.ApiClient.Json)!.AsObject();
        foreach (var (what, body) in Malformed())
            yield return Json($"{name}: {what}", client, method, path, body);
        yield return new HostileCase($"{name}: text/plain body", client, () => new HttpRequestMessage(method, path)
        {
            Content = new StringContent(valid.ToJsonString(), Encoding.UTF8, "text/plain"),
        });
        foreach (var (field, mutated) in FieldMutations(valid))
            yield return Json($"{name}: {field}", client, method, path, mutated);
    }

    public static HostileCase Json(string name, HttpClient client, HttpMethod method, string path, string body) =>
        new(name, client, () => new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

    public static HostileCase Send(string name, HttpClient client, HttpMethod method, string path, Func<HttpContent?>? content = null) =>
        new(name, client, () => new HttpRequestMessage(method, path) { Content = content?.Invoke() });

    public static HostileCase Multipart(string name, HttpClient client, string path, params (string Field, string? FileName, byte[] Bytes)[] parts) =>
        new(name, client, () =>
        {
            var form = new MultipartFormDataContent();
            foreach (var (field, fileName, bytes) in parts)
            {
                var content = new ByteArrayContent(bytes);
                if (fileName is null) form.Add(content, field);
                else
                {
                    content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
                    form.Add(content, field, fileName);
                }
            }
            return new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        });

    private static IEnumerable<(string What, string Body)> Malformed()
    {
        yield return ("empty body", "");
        yield return ("null", "null");
        yield return ("an array", "[]");
        yield return ("a string", "\"text\"");
        yield return ("truncated", "{\"a\":");
        yield return ("nested 300 deep", new string('[', 300) + new string(']', 300));
        yield return ("2 MB body", "{\"padding\":\"" + new string('x', 2 * 1024 * 1024) + "\"}");
    }

    /// <summary>For each field (and the fields of objects one level down, and of a list's first object): values no field takes.</summary>
    private static IEnumerable<(string Field, string Body)> FieldMutations(JsonObject valid)
    {
        foreach (var path in Paths(valid, "$"))
            foreach (var (what, value) in HostileValuesFor(path.Value))
            {
                var copy = valid.DeepClone().AsObject();
                path.Set(copy, value);
                yield return ($"{path.Name} {what}", copy.ToJsonString());
            }
    }

    private static IEnumerable<(string What, JsonNode? Value)> HostileValuesFor(JsonNode? value)
    {
        switch (value?.GetValueKind())
        {
            case JsonValueKind.String:
                var text = value.GetValue<string>();
                yield return ("with NUL", JsonValue.Create(text + "\u0000"));
                yield return ("with a bidi override", JsonValue.Create("\u202E" + text));
                yield return ($"of {Limits.Text + 1} characters", JsonValue.Create(new string('a', Limits.Text + 1)));
                yield return ("as the number 99 (an undefined enumeration)", JsonValue.Create(99));
                yield return ("as an object", new JsonObject());
                break;
            case JsonValueKind.Number:
                yield return ("of 1e400", JsonNode.Parse("1e400"));
                yield return ("of 2^64", JsonNode.Parse("18446744073709551616"));
                yield return ("as text", JsonValue.Create("12"));
                break;
            case JsonValueKind.True or JsonValueKind.False:
                yield return ("as text", JsonValue.Create("yes"));
                break;
            case JsonValueKind.Array:
                var first = value.AsArray().FirstOrDefault()?.DeepClone() ?? JsonValue.Create("x");
                yield return ($"with {Limits.List + 1} items", new JsonArray([.. Enumerable.Range(0, Limits.List + 1).Select(_ => first?.DeepClone())]));
                yield return ("as text", JsonValue.Create("not a list"));
                break;
            case JsonValueKind.Object:
                yield return ("as a list", new JsonArray());
                break;
        }
    }

    private sealed record FieldPath(string Name, JsonNode? Value, Action<JsonObject, JsonNode?> Set);

    private static IEnumerable<FieldPath> Paths(JsonObject root, string prefix)
    {
        foreach (var (key, value) in root.ToList())
        {
            yield return new FieldPath($"{prefix}.{key}", value, (copy, v) => copy[key] = v);
            var nested = value switch
            {
                JsonObject o => o,
                JsonArray { Count: > 0 } a when a[0] is JsonObject o => o,
                _ => null,
            };
            if (nested is null || prefix != "$") continue;
            var inList = value is JsonArray;
            foreach (var inner in Paths(nested, inList ? $"$.{key}[0]" : $"$.{key}"))
                yield return new FieldPath(inner.Name, inner.Value, (copy, v) =>
                {
                    var target = inList ? copy[key]![0]!.AsObject() : copy[key]!.AsObject();
                    inner.Set(target, v);
                });
        }
    }
}

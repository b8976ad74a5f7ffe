namespace Platform.RenderServer.Tests.Support;

/// <summary>Request bodies for POST /v1/videos, small enough to render in a blink.</summary>
public static class Videos
{
    public static Dictionary<string, object> Tiny(string prompt) => new()
    {
        ["prompt"] = prompt,
        ["size"] = "64x48",
        ["seconds"] = "1",
        ["fps"] = 8,
    };

    public static Dictionary<string, object> With(this Dictionary<string, object> body, string field, object value) =>
        new(body) { [field] = value };
}

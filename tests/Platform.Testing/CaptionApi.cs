using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.Accounts;
using Platform.Captions;
using Platform.Web.Captions;

namespace Platform.Testing;

/// <summary>Test helpers for the caption catalog API.</summary>
public static class CaptionApi
{
    public const string Sidecar = """
        {
          "renderParameters": {
            "camera": { "focusType": "follow", "movementType": "spin", "movementValue": 30 },
            "environment": { "sceneType": "basic", "sceneColor": "#808080" },
            "render": { "engine": "blender", "quality": "high" }
          },
          "tags": { "character": ["breakdancer"], "motion": ["uprock", "freeze"], "environment": ["studio"] }
        }
        """;

    public static async Task<HttpResponseMessage> ImportAsync(this HttpClient researcher, string videoPath, string sidecar = Sidecar)
    {
        using var form = new MultipartFormDataContent();
        var video = new ByteArrayContent(await File.ReadAllBytesAsync(videoPath));
        video.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        form.Add(video, "file", Path.GetFileName(videoPath));
        form.Add(new StringContent(sidecar), "sidecar");
        return await researcher.PostAsync("/api/synthetic-videos", form);
    }

    public static async Task<CaptionView> ImportedAsync(this HttpClient researcher, int hue)
    {
        var response = await researcher.ImportAsync(await TestVideos.ClipAsync(hue));
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<CaptionView>(ApiClient.Json))!;
    }

    public static async Task<CaptionView> CaptionAsync(this HttpClient user, Guid videoId) =>
        (await user.GetFromJsonAsync<CaptionView>($"/api/synthetic-videos/{videoId}/caption", ApiClient.Json))!;

    public static Task<HttpResponseMessage> SaveCaptionAsync(this HttpClient annotator, Guid videoId, string text, long expectedVersion, ElementTags? tags = null) =>
        annotator.PutAsJsonAsync($"/api/synthetic-videos/{videoId}/caption", new CaptionEdit(text, tags, expectedVersion), ApiClient.Json);

    public static Task<HttpResponseMessage> CaptionStepAsync(this HttpClient user, Guid videoId, string step, object? body = null) =>
        user.PostAsJsonAsync($"/api/synthetic-videos/{videoId}/caption/{step}", body ?? new { }, ApiClient.Json);

    /// <summary>A new account with these roles, signed in.</summary>
    public static async Task<HttpClient> UserAsync(this PlatformFactory factory, string name, params Role[] roles)
    {
        var email = $"{name}.{Guid.NewGuid():N}@platform.test";
        await (await factory.AdminAsync()).CreateUserAsync(email, "a-password-for-tests", roles);
        return await factory.SignedInAsync(email, "a-password-for-tests");
    }
}

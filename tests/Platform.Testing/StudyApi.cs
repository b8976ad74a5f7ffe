using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.Studies;
using Platform.Web.Studies;

namespace Platform.Testing;

/// <summary>What a researcher's script does through the API: create studies, upload videos, wait for processing.</summary>
public static class StudyApi
{
    public static async Task<Guid> CreateStudyAsync(this HttpClient researcher, StudySettings settings)
    {
        var response = await researcher.PostAsJsonAsync("/api/studies", settings, ApiClient.Json);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<CreatedId>(ApiClient.Json))!.Id;
    }

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient researcher, Guid studyId, string path, string condition, string prompt, string task = "dance", int? seed = null, string? fileName = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(File.OpenRead(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        form.Add(file, "file", fileName ?? Path.GetFileName(path));
        form.Add(new StringContent(condition), "condition");
        form.Add(new StringContent(prompt), "prompt");
        form.Add(new StringContent(task), "task");
        if (seed is not null) form.Add(new StringContent(seed.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "seed");
        return await researcher.PostAsync($"/api/studies/{studyId}/videos", form);
    }

    public static async Task<IReadOnlyList<VideoSummary>> WaitForVideosAsync(this HttpClient researcher, Guid studyId, TimeSpan? timeout = null) =>
        await Eventually.ReturnsAsync(
            async () => (IReadOnlyList<VideoSummary>)(await researcher.GetFromJsonAsync<List<VideoSummary>>($"/api/studies/{studyId}/videos", ApiClient.Json))!,
            videos => videos.All(v => v.Status != VideoState.Processing),
            $"every video of study {studyId} is processed", timeout ?? TimeSpan.FromMinutes(3),
            videos => $"{videos.Count(v => v.Status == VideoState.Processing)} of {videos.Count} still processing");

    /// <summary>
    /// A study with one video per condition for each prompt, all processed, and opened. Every video is the same clip:
    /// what these studies test is the voting on them, and the platform converts the same bytes once (ProcessedUploads).
    /// </summary>
    public static async Task<Guid> OpenStudyWithVideosAsync(this HttpClient researcher, StudySettings settings, int prompts, string? fileName = null)
    {
        var id = await researcher.CreateStudyAsync(settings);
        var clip = await TestVideos.ClipAsync();
        for (var p = 0; p < prompts; p++)
        {
            foreach (var condition in settings.Conditions)
            {
                (await researcher.UploadAsync(id, clip, condition.Key, $"a dancer spins, take {p}", settings.Tasks.Count > 0 ? settings.Tasks[0] : "", fileName: fileName)).EnsureSuccessStatusCode();
            }
        }
        var videos = await researcher.WaitForVideosAsync(id);
        if (videos.Any(v => v.Status != VideoState.Ready)) throw new InvalidOperationException("A test video was rejected: " + videos.First(v => v.Status != VideoState.Ready).Reason);
        (await researcher.PostAsync($"/api/studies/{id}/open", null)).EnsureSuccessStatusCode();
        return id;
    }
}

using System.Net.Http.Json;
using Platform.Generation;
using Platform.Web.Generation.Batches;
using Platform.Web.Generation.Servers;

namespace Platform.Testing;

/// <summary>What an admin's and a researcher's scripts do for generation: register servers, start and follow batches.</summary>
public static class GenerationApi
{
    public static async Task<ServerView> RegisterServerAsync(this HttpClient admin, string baseUrl, ServerProtocol protocol = ServerProtocol.OpenAiVideos,
        int maxConcurrentJobs = 2, string? apiKey = null, string? template = null, string name = "reference", string model = "reference-render",
        GenerationSettings? defaults = null)
    {
        var request = new ServerRequest(name, protocol, baseUrl, model, maxConcurrentJobs,
            defaults ?? new GenerationSettings(Width: 64, Height: 48, Fps: 8, Frames: 8), template, apiKey);
        var response = await admin.PostAsJsonAsync("/api/servers", request, ApiClient.Json);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ServerView>(ApiClient.Json))!;
    }

    public static async Task<StartedBatch> StartBatchAsync(this HttpClient researcher, Guid studyId, BatchRequest request)
    {
        var response = await researcher.PostAsJsonAsync($"/api/studies/{studyId}/generation/batches", request, ApiClient.Json);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<StartedBatch>(ApiClient.Json))!;
    }

    public static Task<BatchProgress> WaitForBatchAsync(this HttpClient researcher, Guid batchId, TimeSpan? timeout = null) =>
        Eventually.ReturnsAsync(
            async () => (await researcher.GetFromJsonAsync<BatchProgress>($"/api/generation/batches/{batchId}", ApiClient.Json))!,
            progress => progress.Finished, $"batch {batchId} finishes", timeout ?? TimeSpan.FromSeconds(60),
            progress => $"{progress.Queued} queued, {progress.Running} running, {progress.Succeeded} done");

    /// <summary>A ComfyUI workflow like the ones HunyuanVideo / Wan boxes run, in API format, with the platform's placeholders.</summary>
    public const string ComfyTemplate = """
        {
          "6": { "class_type": "CLIPTextEncode", "inputs": { "text": "{{prompt}}", "clip": ["11", 0] }, "_meta": { "title": "Positive Prompt" } },
          "7": { "class_type": "CLIPTextEncode", "inputs": { "text": "{{negative_prompt}}", "clip": ["11", 0] }, "_meta": { "title": "Negative Prompt" } },
          "3": { "class_type": "KSampler", "inputs": { "seed": {{seed}}, "steps": {{steps}}, "cfg": {{guidance}}, "sampler_name": "euler", "model": ["12", 0] } },
          "5": { "class_type": "EmptyHunyuanLatentVideo", "inputs": { "width": {{width}}, "height": {{height}}, "length": {{frames}}, "batch_size": 1 } },
          "9": { "class_type": "VHS_VideoCombine", "inputs": { "frame_rate": {{fps}}, "format": "video/h264-mp4", "images": ["8", 0] } }
        }
        """;
}

using System.Globalization;
using System.Net.Http.Json;
using Platform.Generation;
using Platform.Testing;
using Platform.Web.Generation.Batches;
using Platform.Web.Results;

namespace Platform.Benchmarks;

/// <summary>
/// How long the platform takes to measure a video's 3D consistency with COLMAP at its default settings: the render
/// server's 2-second 320 × 240 scenes (consistent and unstable, <c>seeds</c> of each), generated through a real host
/// (Hangfire, PostgreSQL) with measuring switched on; each run's time as the job recorded it, frames to figures.
/// </summary>
public static class ConsistencyHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        // consistency [seeds]
        var seeds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PLATFORM_WEB", Path.Combine(RepositoryRoot.Find(), "src", "Platform.Web"));
        await using var render = await RenderServerProcess.StartAsync(TimeSpan.Zero, maxConcurrentJobs: 2);
        await using var factory = new PlatformFactory(await TestDatabase.CreateAsync("consistency"));
        var admin = await factory.AdminAsync();
        var clip = new GenerationSettings(Width: 320, Height: 240, Fps: 12, Frames: 24);
        var rigid = await admin.RegisterServerAsync(render.BaseUrl, model: "reference-scene", defaults: clip, name: "scene");
        var shaky = await admin.RegisterServerAsync(render.BaseUrl, model: "reference-scene-unstable", defaults: clip, name: "scene-unstable");
        var study = await admin.CreateStudyAsync((StudyBuilder.Rating() with
        {
            Conditions = [new("consistent", "Consistent", false), new("unstable", "Unstable", false)],
            Tasks = ["camera"],
        }).Build());
        (await admin.PutAsJsonAsync($"/api/studies/{study}/consistency", new ConsistencySwitchRequest(true), ApiClient.Json)).EnsureSuccessStatusCode();

        var batch = await admin.StartBatchAsync(study, new BatchRequest([new PromptToGenerate("an orbit around the room", "camera")],
            [new ConditionPlan("consistent", rigid.Id, null), new ConditionPlan("unstable", shaky.Id, null)], [.. Enumerable.Range(1, seeds)]));
        await admin.WaitForBatchAsync(batch.BatchId, TimeSpan.FromMinutes(10));
        var view = await Eventually.ReturnsAsync(() => admin.GetFromJsonAsync<ConsistencyView>($"/api/studies/{study}/consistency", ApiClient.Json),
            v => v!.Videos.Count == 2 * seeds && v.Videos.All(x => x.State != "waiting"), "every video measured", TimeSpan.FromMinutes(30));

        Console.WriteLine($"COLMAP parameters: {view!.Parameters}");
        foreach (var v in view.Videos)
        {
            var m = v.Result!;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{v.Condition,-10} seed {v.Seed}: {m.RunTime.TotalSeconds,5:0.0} s  {v.Summary}; N {m.Model?.Points}, T {m.Model?.TrackLength:0.00}, ε {m.Model?.ReprojectionError:0.000}, ε̂ {m.Model?.BestReprojectionError:0.000} ({m.ColmapVersion})"));
        }
        var times = view.Videos.Select(v => v.Result!.RunTime.TotalSeconds).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run time over {times.Count} videos: median {times[times.Count / 2]:0.0} s, max {times[^1]:0.0} s"));
        MachineInfo.Print(args);
        return 0;
    }
}

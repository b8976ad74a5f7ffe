// A stand-in for GPU video-generation inference servers (OpenAI-style /v1/videos and a ComfyUI subset), for demos
// and integration tests. It renders short procedural videos with ffmpeg whose look follows the prompt and
// settings; there is no model. Faults can be injected under /admin to exercise clients' error handling.
using Platform.RenderServer.Admin;
using Platform.RenderServer.ComfyUi;
using Platform.RenderServer.Faults;
using Platform.RenderServer.Hosting;
using Platform.RenderServer.Jobs;
using Platform.RenderServer.OpenAiVideos;
using Platform.RenderServer.Rendering;

namespace Platform.RenderServer;

public static class RenderServerApp
{
    /// <summary>Builds the app without starting it. <paramref name="configure"/> runs after the "Render" configuration section is bound.</summary>
    public static WebApplication Build(string[] args, Action<RenderOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        // Per-request logs would drown test output; configuration ("Logging:LogLevel") can still raise them.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.Configure<RenderOptions>(builder.Configuration.GetSection(RenderOptions.Section));
        if (configure is not null)
        {
            builder.Services.PostConfigure(configure);
        }
        builder.Services
            .AddSingleton<JobStore>()
            .AddSingleton<RenderStats>()
            .AddSingleton<FaultState>()
            .AddSingleton<FfmpegRenderer>()
            .AddSingleton<JobRunner>();

        var app = builder.Build();
        app.Lifetime.ApplicationStopping.Register(() => app.Services.GetRequiredService<JobRunner>().ForgetAll());
        app.UseApiKeyCheck();
        app.MapGet("/health", () => "ok");
        app.MapOpenAiVideos();
        app.MapComfyUi();
        app.MapFaults();
        app.MapAdmin();
        return app;
    }
}

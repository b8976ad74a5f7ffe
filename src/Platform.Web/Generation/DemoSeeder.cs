using Marten;
using Platform.Accounts;
using Platform.Generation;
using Platform.Studies;
using Platform.Web.Generation.Batches;
using Platform.Web.Generation.Servers;
using Platform.Web.Hosting.Database;
using Platform.Web.Studies;

namespace Platform.Web.Generation.Demo;

/// <summary>
/// When <c>Demo:RenderServerUrl</c> is set (./run.sh sets it to the reference render server it starts), registers
/// that server once and, on a platform with no studies yet, designs a small demo study and generates its candidates
/// through it, then opens it: a new user sees the whole loop without a GPU.
/// </summary>
public sealed class DemoSeeder(IConfiguration configuration, IHostApplicationLifetime lifetime, IServiceProvider services, TimeProvider clock, ILogger<DemoSeeder> logger) : BackgroundService
{
    public const string Title = "Demo: SimDrop 0.2 against the base model (reference renders)";
    private const long SeedLock = 0x44454D4F53454544; // "DEMOSEED"

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var url = configuration["Demo:RenderServerUrl"];
        if (string.IsNullOrWhiteSpace(url)) return;
        await WhenStartedAsync(stoppingToken);
        try
        {
            await SeedAsync(url.TrimEnd('/'), stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The demo could not be set up with the render server at {Url}", url);
        }
    }

    private async Task SeedAsync(string url, CancellationToken cancellationToken)
    {
        // Several web processes may start together: one seeds (holding this lock), the others leave it to that one.
        var database = services.GetRequiredService<PlatformDatabase>();
        await using var seeding = await AdvisoryLocks.HoldAsync(database.ConnectionString, SeedLock, wait: false, cancellationToken);
        if (seeding is null) return;

        var store = services.GetRequiredService<IDocumentStore>();
        var registry = services.GetRequiredService<ServerRegistry>();
        var admin = await AdminAsync(store, cancellationToken);
        if (admin is null) return;

        var server = (await registry.ListAsync(cancellationToken)).Select(x => x.Server).FirstOrDefault(s => s.Settings.BaseUrl == url)
            ?? await registry.RegisterAsync(new ServerSettings("Reference render server (demo)", ServerProtocol.OpenAiVideos, url, "reference-render", 2,
                new GenerationSettings(Width: 320, Height: 240, Fps: 16, Frames: 32), null), null, admin.Value, cancellationToken);
        await services.GetRequiredService<ProbeServers>().ProbeAsync(server, cancellationToken);

        var catalog = services.GetRequiredService<StudyCatalog>();
        if (await catalog.AnyAsync(cancellationToken)) return;
        logger.LogInformation("Seeding the demo study through the reference render server at {Url}", url);
        var study = await catalog.CreateAsync(DemoStudy(admin.Value), cancellationToken);
        await GenerateAsync(study, server, admin.Value, cancellationToken);
        await catalog.OpenAsync(new OpenStudy(study.Id, admin.Value), cancellationToken);
        logger.LogInformation("The demo study is open: {Title}", Title);
    }

    private static DesignStudy DemoStudy(Guid admin) => new(Guid.NewGuid(), new StudySettings(
        Title, "Watch **both** videos to the end. Pick the one whose human motion looks more physically plausible.",
        StudyKind.Pairwise, PairwiseScale.ThreeWay, "Which video shows more plausible human motion?", null,
        [
            new Condition("base", "Base model", true, new Dictionary<string, string> { ["model"] = "base" }),
            new Condition("simdrop-0.2", "Fine-tuned, SimDrop 0.2", false, new Dictionary<string, string> { ["simdrop"] = "0.2" }),
        ],
        ["dance", "gym"], PairingRule.AgainstBaseline, 3, 3, 0, "DEMO-DONE", null), admin);

    /// <summary>Generates the study's candidates and waits (ten minutes at most) until they are processed.</summary>
    private async Task GenerateAsync(Study study, InferenceServer server, Guid admin, CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<StudyCatalog>();
        var batches = services.GetRequiredService<GenerationBatches>();
        var batch = await batches.StartAsync(study.Id, new BatchRequest(
            [new("a dancer spins on one foot in a studio", "dance"), new("a breakdancer does an uprock", "dance"), new("a gymnast does a back flip on a mat", "gym")],
            [new("base", server.Id, null), new("simdrop-0.2", server.Id, new GenerationSettings(SimDropScale: 0.2))], [1]), admin, cancellationToken);

        var deadline = clock.GetUtcNow().AddMinutes(10);
        while (!(await batches.ProgressAsync(batch.BatchId, cancellationToken)).Finished && clock.GetUtcNow() < deadline)
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        // The videos are processed after their jobs finish: open once none is processing any more.
        while ((await catalog.CountAsync(study, cancellationToken)).VideosProcessing > 0 && clock.GetUtcNow() < deadline)
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
    }

    private static async Task<Guid?> AdminAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var accounts = await session.Query<UserAccount>().ToListAsync(cancellationToken);
        return accounts.FirstOrDefault(a => a.Roles.Contains(Role.Admin) && a.Roles.Contains(Role.Researcher))?.Id;
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        lifetime.ApplicationStarted.Register(started.SetResult);
        return started.Task.WaitAsync(stoppingToken);
    }
}

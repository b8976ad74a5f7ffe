using Platform.Testing;

namespace Platform.Tests;

/// <summary>One host on a fresh database for a test class.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public PlatformFactory Factory { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(await TestDatabase.CreateAsync("api"));
        _ = Factory.Server; // start the host now, so start-up failures show here rather than in a test
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    private HttpClient? _researcher;

    /// <summary>A signed-in Researcher of this host, made once.</summary>
    public async Task<HttpClient> ResearcherAsync() =>
        _researcher ??= await Factory.NewResearcherAsync("researcher.fixture@platform.test");
}

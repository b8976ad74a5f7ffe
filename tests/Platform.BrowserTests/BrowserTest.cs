using Xunit.Abstractions;

namespace Platform.BrowserTests;

/// <summary>
/// A browser test: after it, the pages it opened are closed (a page left open keeps its circuit, its timers and its
/// videos running through every later test) and what their consoles said goes to the test's output.
/// </summary>
public abstract class BrowserTest(BrowserFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    protected BrowserFixture Fixture { get; } = fixture;

    protected ITestOutputHelper Output { get; } = output;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var line in await Fixture.EndTestAsync()) Output.WriteLine(line);
    }
}

using Bunit;
using MudBlazor.Services;

namespace Platform.Tests.Components;

/// <summary>A bUnit context with MudBlazor's services and loose JS interop, disposed asynchronously as MudBlazor needs.</summary>
public abstract class BunitTest : IAsyncLifetime
{
    protected BunitContext Context { get; } = new();

    protected BunitTest()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddSingleton(TimeProvider.System);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();
}

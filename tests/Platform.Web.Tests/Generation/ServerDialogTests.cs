using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Generation;
using Platform.Tests.Components;
using Platform.Web.Generation.Servers;

namespace Platform.Tests.Generation;

/// <summary>An admin registers a server with default settings and changes it later, through the servers page's dialog.</summary>
public sealed class ServerDialogTests : BunitTest, IClassFixture<PlatformFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly ServerRegistry _registry;

    public ServerDialogTests(PlatformFixture fixture)
    {
        _registry = fixture.Factory.Services.GetRequiredService<ServerRegistry>();
        foreach (var service in new[] { typeof(ServerRegistry), typeof(ProbeServers), typeof(GenerationWorkers) })
            Context.Services.AddSingleton(service, fixture.Factory.Services.GetRequiredService(service));
        Context.AddAuthorization().SetAuthorized("admin").SetClaims(new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()));
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task A_server_registered_with_defaults_is_changed_in_the_same_dialog_and_keeps_its_api_key()
    {
        var page = Open();

        // Given a server registered with a key and some default settings
        var registering = ClickAsync(() => page.Find("[data-testid=register-server]"));
        await TypeAsync(page, "server-name", "gpu-defaults");
        await TypeAsync(page, "server-url", "http://127.0.0.1:9");
        await TypeAsync(page, "server-api-key", "secret-key-1");
        await OpenDefaultsAsync(page);
        await TypeAsync(page, "default-guidance", "6.5");
        await TypeAsync(page, "default-steps", "30");
        await TypeAsync(page, "default-negative-prompt", "blurry, watermark");
        await page.Find("[data-testid=server-save]").ClickAsync(new());
        await registering;
        var registered = await ServerAsync("gpu-defaults");
        registered.Settings.Defaults.Should().Be(new GenerationSettings(GuidanceScale: 6.5, Steps: 30, NegativePrompt: "blurry, watermark"));

        // When the admin changes "at once" and one default, leaving the key field empty
        var changing = ClickAsync(() => ChangeButton(page, "gpu-defaults"));
        page.WaitForAssertion(() => Value(page, "default-steps").Should().Be("30"), Patience);
        Value(page, "server-name").Should().Be("gpu-defaults");
        Value(page, "server-api-key").Should().BeNullOrEmpty("the key is never shown");
        page.Markup.Should().Contain("leave empty to keep the current key");
        await TypeAsync(page, "server-at-once", "5");
        await TypeAsync(page, "default-steps", "50");
        await page.Find("[data-testid=server-save]").ClickAsync(new());
        await changing;

        // Then the registry holds the new values and the key as it was
        var changed = await ServerAsync("gpu-defaults");
        changed.Settings.MaxConcurrentJobs.Should().Be(5);
        changed.Settings.Defaults.Should().Be(new GenerationSettings(GuidanceScale: 6.5, Steps: 50, NegativePrompt: "blurry, watermark"));
        _registry.Connection(changed).ApiKey.Should().Be("secret-key-1");
        page.WaitForAssertion(() => Row(page, "gpu-defaults").TextContent.Should().Contain("set"), Patience);
    }

    [Fact]
    public async Task A_bad_default_is_named_in_the_dialog_and_changes_nothing()
    {
        var before = await _registry.RegisterAsync(new ServerSettings("gpu-strict", ServerProtocol.OpenAiVideos, "http://127.0.0.1:9", null, 2,
            new GenerationSettings(Steps: 30), null), null, Guid.NewGuid(), CancellationToken.None);
        var page = Open();

        _ = ClickAsync(() => ChangeButton(page, "gpu-strict"));
        await TypeAsync(page, "server-at-once", "7");
        await OpenDefaultsAsync(page);
        await TypeAsync(page, "default-steps", "0");
        await page.Find("[data-testid=server-save]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=dialog-error]").TextContent.Should().Contain("defaults with 1 to 1000 steps"), Patience);
        (await ServerAsync("gpu-strict")).Settings.Should().Be(before.Settings);
    }

    private IRenderedComponent<IComponent> Open() => Context.Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<ServersPage>(2);
        builder.CloseComponent();
    });

    private async Task<InferenceServer> ServerAsync(string name) =>
        (await _registry.ListAsync(CancellationToken.None)).Select(x => x.Server).Single(s => s.Settings.Name == name);

    private static async Task TypeAsync(IRenderedComponent<IComponent> page, string testId, string value) =>
        await page.WaitForElement($"[data-testid={testId}]", Patience).ChangeAsync(new ChangeEventArgs { Value = value });

    private static string? Value(IRenderedComponent<IComponent> page, string testId) => page.Find($"[data-testid={testId}]").GetAttribute("value");

    /// <summary>Expands the dialog's "Default settings" part, unless it is open already.</summary>
    private static async Task OpenDefaultsAsync(IRenderedComponent<IComponent> page)
    {
        var panel = page.WaitForElement("[data-testid=server-defaults]", Patience);
        if (!panel.ClassList.Contains("mud-panel-expanded")) await panel.QuerySelector(".mud-expand-panel-header")!.ClickAsync(new());
    }

    /// <summary>
    /// Clicks the element found now; when the page re-rendered between finding and clicking (the list loads in the
    /// background), the handler the element named is gone, so it is found again.
    /// </summary>
    private static Task ClickAsync(Func<IElement> find)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var clicked = find().ClickAsync(new());
                if (clicked.IsFaulted) clicked.GetAwaiter().GetResult();
                return clicked;
            }
            catch (UnknownEventHandlerIdException) when (attempt < 10)
            {
            }
        }
    }

    private static IElement Row(IRenderedComponent<IComponent> page, string name) =>
        page.FindAll("[data-testid=servers] tbody tr").Single(tr => tr.TextContent.Contains(name, StringComparison.Ordinal));

    private static IElement ChangeButton(IRenderedComponent<IComponent> page, string name)
    {
        page.WaitForAssertion(() => Row(page, name), Patience);
        return Row(page, name).QuerySelector("button[aria-label=Change]")!;
    }
}

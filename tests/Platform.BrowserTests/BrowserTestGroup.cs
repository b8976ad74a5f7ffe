namespace Platform.BrowserTests;

/// <summary>
/// All browser tests share one host and one Chromium and run one after another: on two cores, parallel browsers
/// starve the video decoders the player tests depend on.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

using Marten;

namespace Platform.Captions;

/// <summary>The project's caption templates and special tags (one document), editable by researchers.</summary>
public sealed class CaptionSettings
{
    public const string SingleId = "captions";

    public string Id { get; set; } = SingleId;
    public CaptionTemplates Templates { get; set; } = CaptionTemplates.Default;
}

public sealed class CaptionSettingsStore(IDocumentStore store)
{
    public async Task<CaptionTemplates> TemplatesAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<CaptionSettings>(CaptionSettings.SingleId, cancellationToken))?.Templates ?? CaptionTemplates.Default;
    }
}

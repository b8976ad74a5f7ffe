using Marten;
using Platform.Captions;

namespace Platform.Web.Captions;

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

public static class CaptionTemplateEditing
{
    /// <summary>Checks and stores the project's templates; refused whole, with every problem, when any is wrong.</summary>
    public static async Task SaveAsync(IDocumentStore store, CaptionTemplates templates, CancellationToken cancellationToken)
    {
        var problems = templates.Validate();
        if (problems.Count > 0)
            throw new Common.DomainException($"The templates were not saved: {problems[0]}", Common.DomainError.Unprocessable) { Details = problems };
        await using var session = store.LightweightSession();
        session.Store(new CaptionSettings { Templates = templates });
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A copy with one template (by property name) changed, for the editing page.</summary>
    public static CaptionTemplates With(CaptionTemplates templates, string name, string text)
    {
        var node = (System.Text.Json.Nodes.JsonObject)System.Text.Json.JsonSerializer.SerializeToNode(templates)!;
        node[name] = text;
        return System.Text.Json.JsonSerializer.Deserialize<CaptionTemplates>(node)!;
    }
}

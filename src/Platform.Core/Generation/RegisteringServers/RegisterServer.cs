using System.Text.Json;
using Platform.Common;

namespace Platform.Generation;

public sealed record RegisterServer(Guid ServerId, ServerSettings Settings, string? ProtectedApiKey, Guid By);

public sealed record ChangeServer(Guid ServerId, ServerSettings Settings, string? ProtectedApiKey, Guid By);

public static class RegisteringServer
{
    public const int MaxConcurrentJobsLimit = 64;

    /// <summary>The placeholders a ComfyUI workflow template may hold; <c>{{prompt}}</c> is required.</summary>
    public static readonly string[] Placeholders = ["prompt", "negative_prompt", "seed", "steps", "guidance", "frames", "width", "height", "fps", "simdrop"];

    public static InferenceServerRegistered Handle(RegisterServer command, DateTimeOffset now) =>
        new(command.ServerId, Validate(command.Settings), command.ProtectedApiKey, command.By, now);

    public static InferenceServerChanged Handle(InferenceServer server, ChangeServer command, DateTimeOffset now)
    {
        if (server.Retired) throw new DomainException("This server was retired; register it again instead.", DomainError.Conflict);
        return new InferenceServerChanged(server.Id, Validate(command.Settings), command.ProtectedApiKey, command.By, now);
    }

    public static InferenceServerRetired Retire(InferenceServer server, Guid by, DateTimeOffset now) =>
        server.Retired ? throw new DomainException("This server is already retired.", DomainError.Conflict) : new(server.Id, by, now);

    /// <summary>Trims and checks the settings; every problem found is named in one message.</summary>
    public static ServerSettings Validate(ServerSettings settings)
    {
        var s = settings with
        {
            Name = (settings.Name ?? string.Empty).Trim(),
            BaseUrl = (settings.BaseUrl ?? string.Empty).Trim().TrimEnd('/'),
            Model = string.IsNullOrWhiteSpace(settings.Model) ? null : settings.Model.Trim(),
            WorkflowTemplate = string.IsNullOrWhiteSpace(settings.WorkflowTemplate) ? null : settings.WorkflowTemplate.Trim(),
        };
        var problems = new List<string>();
        if (s.Name.Length is 0 or > 100) problems.Add("a name of 1 to 100 characters");
        if (!Uri.TryCreate(s.BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            problems.Add("a base URL that starts with http:// or https://");
        else if (url.UserInfo.Length > 0)
            problems.Add("a base URL without a user name or password in it (researchers see the URL; put a key in the API key field)");
        if (s.MaxConcurrentJobs is < 1 or > MaxConcurrentJobsLimit) problems.Add($"1 to {MaxConcurrentJobsLimit} concurrent jobs");
        if (s.Defaults is not null) problems.AddRange(s.Defaults.Problems().Select(p => "defaults with " + p));
        if (s.Protocol == ServerProtocol.ComfyUi) problems.AddRange(TemplateProblems(s.WorkflowTemplate));
        if (problems.Count > 0) throw new DomainException("The server needs " + string.Join("; ", problems) + ".");
        return s;
    }

    private static IEnumerable<string> TemplateProblems(string? template)
    {
        if (template is null)
        {
            yield return "a ComfyUI workflow template (API-format JSON) with a {{prompt}} placeholder";
            yield break;
        }
        if (!template.Contains("{{prompt}}", StringComparison.Ordinal))
            yield return "a {{prompt}} placeholder in the workflow template";
        string? invalid = null;
        try
        {
            using var _ = JsonDocument.Parse(WorkflowTemplate.Fill(template, WorkflowTemplate.Sample));
        }
        catch (JsonException e)
        {
            invalid = e.Message;
        }
        if (invalid is not null) yield return $"a workflow template that is valid JSON once filled in ({invalid})";
    }
}

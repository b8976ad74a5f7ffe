using System.Security.Claims;
using Platform.Accounts;

namespace Platform.Web.Components.Pages;

public sealed record NextStep(string Role, string Title, string Text, string Href);

/// <summary>What the home page suggests to each role.</summary>
public static class NextSteps
{
    private static readonly NextStep[] Steps =
    [
        new(Roles.Admin, "Give your team accounts", "Create accounts for researchers, annotators and reviewers and give each the roles they need.", "admin/users"),
        new(Roles.Researcher, "Design a user study", "Set the question, the conditions to compare and the prompts; then open it to evaluators.", "studies"),
        new(Roles.Researcher, "Generate candidate videos", "Send prompts to your inference servers and collect the videos for your studies.", "generation"),
        new(Roles.Annotator, "Refine captions", "Improve fine-grained captions of synthetic training videos from their tags and render parameters.", "captions"),
        new(Roles.Reviewer, "Review captions", "Accept or reject the caption revisions annotators have submitted.", "reviews"),
    ];

    public static IReadOnlyList<NextStep> For(ClaimsPrincipal user) => [.. Steps.Where(s => user.IsInRole(s.Role))];
}

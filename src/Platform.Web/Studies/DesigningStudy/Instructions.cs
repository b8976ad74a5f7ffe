using Ganss.Xss;
using Markdig;

namespace Platform.Studies;

/// <summary>Study instructions: Markdown rendered with Markdig, raw HTML escaped, the result sanitised (no scripts, no javascript: links).</summary>
public sealed class Instructions
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();
    private readonly HtmlSanitizer _sanitizer = new();

    public string ToHtml(string? markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown ?? string.Empty, _pipeline));
}

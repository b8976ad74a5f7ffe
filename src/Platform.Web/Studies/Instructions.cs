using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

namespace Platform.Web.Studies;

/// <summary>
/// Study instructions: Markdown rendered with Markdig (raw HTML shown as text, no attribute syntax), then sanitised
/// down to text formatting, lists, tables, code and links — nothing else: no images, no styles, no classes, no
/// frames. Links go to http(s) or mailto only and open in a new tab, so a participant never leaves the study page.
/// </summary>
public sealed class Instructions
{
    private static readonly string[] Tags =
    [
        "p", "br", "hr", "strong", "em", "b", "i", "del", "s", "sub", "sup", "mark", "code", "pre", "blockquote",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
    ];

    // No GenericAttributes ({style=…} / {target=…}) and no figures or media: formatting only.
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras().UsePipeTables().UseListExtras().UseAutoLinks().UseTaskLists().DisableHtml().Build();

    private readonly HtmlSanitizer _sanitizer = Sanitizer();

    public string ToHtml(string? markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown ?? string.Empty, _pipeline));

    private static HtmlSanitizer Sanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        sanitizer.AllowedTags.UnionWith(Tags);
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.UnionWith(["href", "start", "align"]);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowedClasses.Clear();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.UriAttributes.Clear();
        sanitizer.UriAttributes.Add("href");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } link)
            {
                link.SetAttribute("target", "_blank");
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer;
    }
}

using Platform.Web.Studies;

namespace Platform.Tests.Studies;

/// <summary>What participants see of a researcher's Markdown: formatting kept, anything that could run dropped.</summary>
public class InstructionsTests
{
    private readonly Instructions _instructions = new();

    [Fact]
    public void Markdown_becomes_html()
    {
        var html = _instructions.ToHtml("Watch **both** videos.\n\n- left\n- right\n\n[Prolific](https://www.prolific.com)");

        html.Should().Contain("<strong>both</strong>").And.Contain("<li>left</li>").And.Contain("href=\"https://www.prolific.com\"");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("<a href=\"javascript:alert(1)\">click</a>", "<a")]
    public void Raw_html_and_script_links_never_reach_the_page(string markdown, string forbidden)
    {
        var html = _instructions.ToHtml(markdown);

        html.Should().NotContain(forbidden);
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_dropped()
    {
        _instructions.ToHtml("Press <b>left</b>").Should().Contain("&lt;b&gt;left&lt;/b&gt;");
    }

    [Fact]
    public void No_instructions_render_as_nothing()
    {
        _instructions.ToHtml(null).Should().BeEmpty();
    }
}

/// <summary>Markdown tricks a researcher's instructions (or a copied template) could carry: only formatting survives.</summary>
public class InstructionsTricksTests
{
    private readonly Instructions _instructions = new();

    [Theory]
    [InlineData("Read me{style=\"position:fixed;inset:0;background:white\"}", "style")]
    [InlineData("# Title {.mud-overlay}", "class")]
    [InlineData("![tracker](https://evil.example/pixel.png)", "<img")]
    [InlineData("[out](https://evil.example){target=\"_top\"}", "_top")]
    [InlineData("[data](data:text/html;base64,PHNjcmlwdD4=)", "data:")]
    [InlineData("[vb](vbscript:msgbox(1))", "vbscript:")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<form action=\"https://evil.example\"><input></form>", "<form")]
    public void Only_formatting_survives(string markdown, string forbidden)
    {
        // What the syntax asked for never becomes a tag or an attribute (at most it stays visible as text).
        var tags = System.Text.RegularExpressions.Regex.Matches(_instructions.ToHtml(markdown), "<[^>]*>").Select(m => m.Value);

        tags.Should().NotContain(t => t.Contains(forbidden, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Links_open_in_a_new_tab_without_the_opener()
    {
        var html = _instructions.ToHtml("See [the consent form](https://example.org/consent) or https://example.org/faq.");

        html.Should().Contain("<a href=\"https://example.org/consent\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">the consent form</a>");
        html.Should().Contain("href=\"https://example.org/faq\" target=\"_blank\"");
    }

    [Fact]
    public void Text_formatting_lists_and_tables_are_kept()
    {
        var html = _instructions.ToHtml("**bold** *it* ~~gone~~ `code`\n\n1. one\n2. two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quoted");

        html.Should().Contain("<strong>bold</strong>").And.Contain("<em>it</em>").And.Contain("<del>gone</del>").And.Contain("<code>code</code>")
            .And.Contain("<ol>").And.Contain("<table>").And.Contain("<blockquote>");
    }
}

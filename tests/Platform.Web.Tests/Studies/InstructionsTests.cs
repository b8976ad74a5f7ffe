using Platform.Studies;

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

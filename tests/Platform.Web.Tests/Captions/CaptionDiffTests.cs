using Bunit;
using Platform.Tests.Components;
using Platform.Web.Captions;

namespace Platform.Tests.Captions;

public class CaptionDiffTests
{
    [Fact]
    public void Changed_words_show_as_removed_and_added_runs_between_unchanged_ones()
    {
        var parts = CaptionDiff.Between("A dancer does an uprock.", "A breakdancer does an uprock and a freeze.");

        parts.Where(p => p.Kind == DiffKind.Removed).Select(p => p.Text.Trim()).Should().Contain(t => t.Contains("dancer"));
        parts.Where(p => p.Kind == DiffKind.Added).Select(p => p.Text).Should().Contain(t => t.Contains("breakdancer") || t.Contains("freeze"));
        Reassembled(parts, DiffKind.Removed).Should().Be("A breakdancer does an uprock and a freeze.");
        Reassembled(parts, DiffKind.Added).Should().Be("A dancer does an uprock.");
    }

    [Fact]
    public void The_same_text_is_one_unchanged_run()
    {
        CaptionDiff.Between("same words", "same words").Should().Equal(new DiffPart(DiffKind.Same, "same words"));
    }

    [Fact]
    public void A_word_swapped_for_another_keeps_its_space_so_the_two_do_not_run_together()
    {
        var parts = CaptionDiff.Between("A dancer spins in a grey studio.", "A dancer spins of a grey studio.");

        parts.Should().Equal(
            new DiffPart(DiffKind.Same, "A dancer spins "),
            new DiffPart(DiffKind.Removed, "in "),
            new DiffPart(DiffKind.Added, "of "),
            new DiffPart(DiffKind.Same, "a grey studio."));
    }

    [Fact]
    public void Removed_words_come_before_added_ones_each_run_with_its_spaces_and_punctuation()
    {
        const string before = "The dancer stands in a grey studio. The camera slowly pans left.";
        const string after = "The dancer stands in a grey studwly pans left.";

        var parts = CaptionDiff.Between(before, after);

        parts.Should().Equal(
            new DiffPart(DiffKind.Same, "The dancer stands in a grey "),
            new DiffPart(DiffKind.Removed, "studio. The camera slowly "),
            new DiffPart(DiffKind.Added, "studwly "),
            new DiffPart(DiffKind.Same, "pans left."));
        Reassembled(parts, DiffKind.Removed).Should().Be(after);
        Reassembled(parts, DiffKind.Added).Should().Be(before);
    }

    [Fact]
    public void Spaces_and_line_breaks_of_either_text_survive_the_diff()
    {
        const string before = "  Two  spaces,\na new line\tand a tab.";
        const string after = "  Two  spaces,\nthe new line\tand  a tab!";

        var parts = CaptionDiff.Between(before, after);

        Reassembled(parts, DiffKind.Removed).Should().Be(after);
        Reassembled(parts, DiffKind.Added).Should().Be(before);
    }

    private static string Reassembled(IEnumerable<DiffPart> parts, DiffKind leftOut) =>
        string.Concat(parts.Where(p => p.Kind != leftOut).Select(p => p.Text));
}

/// <summary>What a reader of the diff view sees: words with the spaces between them, never two glued together.</summary>
public sealed class DiffViewTests : BunitTest
{
    [Fact]
    public void The_view_reads_with_every_space_and_a_gap_where_a_last_word_was_replaced()
    {
        var view = Context.Render<DiffView>(p => p
            .Add(v => v.Before, "A dancer spins in a grey box")
            .Add(v => v.After, "A dancer spins of a grey crate")
            .Add(v => v.TestId, "diff"));

        view.Find("[data-testid=diff]").TextContent.Should().Be("A dancer spins in of a grey box crate");
        view.FindAll("del").Select(e => e.TextContent).Should().Equal("in ", "box");
        view.FindAll("ins").Select(e => e.TextContent).Should().Equal("of ", "crate");
    }

    [Fact]
    public void Line_breaks_and_double_spaces_are_shown_as_typed()
    {
        var view = Context.Render<DiffView>(p => p
            .Add(v => v.Before, "One line.\nAnother  line.")
            .Add(v => v.After, "One line.\nAnother  line."));

        var diff = view.Find(".caption-diff");
        diff.TextContent.Should().Be("One line.\nAnother  line.");
        diff.GetAttribute("style").Should().Contain("pre-wrap");
    }
}

using Platform.Captions;

namespace Platform.Tests.Captions;

public class CaptionDiffTests
{
    [Fact]
    public void Changed_words_show_as_removed_and_added_runs_between_unchanged_ones()
    {
        var parts = CaptionDiff.Between("A dancer does an uprock.", "A breakdancer does an uprock and a freeze.");

        parts.Where(p => p.Kind == DiffKind.Removed).Select(p => p.Text.Trim()).Should().Contain(t => t.Contains("dancer"));
        parts.Where(p => p.Kind == DiffKind.Added).Select(p => p.Text).Should().Contain(t => t.Contains("breakdancer") || t.Contains("freeze"));
        string.Concat(parts.Where(p => p.Kind != DiffKind.Removed).Select(p => p.Text)).Should().Be("A breakdancer does an uprock and a freeze.");
        string.Concat(parts.Where(p => p.Kind != DiffKind.Added).Select(p => p.Text)).Should().Be("A dancer does an uprock.");
    }

    [Fact]
    public void The_same_text_is_one_unchanged_run()
    {
        CaptionDiff.Between("same words", "same words").Should().Equal(new DiffPart(DiffKind.Same, "same words"));
    }
}

using Platform.Results;
using Platform.Tests.Studies;
using Platform.Voting;

namespace Platform.Tests.Results;

public class ImportPreviewTests
{
    [Fact]
    public void A_pairwise_file_is_counted_per_pair_with_the_baseline_second_whichever_side_it_was_on()
    {
        var settings = A.Pairwise("ours", "older", "base").AgainstBaseline("base");
        var judgments = new ImportedJudgment[]
        {
            new("w1", "x", "", "ours", "base", Choice.Left), new("w2", "x", "", "base", "ours", Choice.Right),
            new("w1", "y", "", "older", "base", Choice.Same), new("w3", "y", "", "ours", "base", Choice.Same),
        };

        var preview = ImportPreview.Of(settings, judgments, new HashSet<string>());

        preview.Should().Be(new ImportPreview(4, 3, 0, preview.Rows));
        preview.Rows.Should().Equal(new ImportPreviewRow("ours", "base", 3), new ImportPreviewRow("older", "base", 1));
    }

    [Fact]
    public void Pairs_without_the_baseline_are_counted_in_the_study_s_order_as_the_results_give_them()
    {
        var settings = A.Pairwise("a_1", "B.2", "c-3");
        var judgments = new ImportedJudgment[] { new("w1", "x", "", "B.2", "a_1", Choice.Left), new("w1", "x", "", "c-3", "a_1", Choice.Left) };

        var preview = ImportPreview.Of(settings, judgments, new HashSet<string>());

        preview.Rows.Should().Equal(new ImportPreviewRow("a_1", "B.2", 1), new ImportPreviewRow("a_1", "c-3", 1));
    }

    [Fact]
    public void A_rating_file_is_counted_per_condition_and_participants_already_in_the_study_are_named()
    {
        var settings = A.Rating("ours", "base");
        var judgments = new ImportedJudgment[]
        {
            new("w1", "x", "", "base", null, Choice.Success), new("w2", "x", "", "ours", null, Choice.Failure), new("w2", "y", "", "ours", null, Choice.Success),
        };

        var preview = ImportPreview.Of(settings, judgments, new HashSet<string> { "w2", "someone-else" });

        (preview.Judgments, preview.Participants, preview.AlreadyInStudy).Should().Be((3, 2, 1));
        preview.Rows.Should().Equal(new ImportPreviewRow("ours", null, 2), new ImportPreviewRow("base", null, 1));
    }
}

using Platform.Common;
using Platform.Results;
using Platform.Studies;
using Platform.Tests.Studies;
using Platform.Voting;

namespace Platform.Tests.Results;

public class ImportingJudgmentsTests
{
    private static readonly Study PairStudy = A.Draft(A.Pairwise("ours", "base").WithTasks("dance"));
    private static readonly Study RatingStudy = A.Draft(A.Rating("ours").WithTasks("gym"));

    private static JudgmentsImported Import(Study study, params ImportRow[] rows) =>
        ImportingJudgments.Handle(study, [], new ImportJudgments(Guid.NewGuid(), study.Id, "elsewhere.csv", rows, Guid.NewGuid()), A.Now);

    [Fact]
    public void Valid_rows_are_imported_trimmed_and_with_their_choice()
    {
        var imported = Import(PairStudy, new ImportRow(2, " p1 ", "a dancer spins", "dance", "ours", "base", "LEFT"), new ImportRow(3, "p2", "a dancer spins", "dance", "base", "ours", "same"));

        imported.Judgments.Should().Equal(
            new ImportedJudgment("p1", "a dancer spins", "dance", "ours", "base", Choice.Left),
            new ImportedJudgment("p2", "a dancer spins", "dance", "base", "ours", Choice.Same));
    }

    [Fact]
    public void Conditions_named_in_another_case_are_imported_as_the_study_spells_them()
    {
        var imported = Import(PairStudy, new ImportRow(2, "p1", "a dancer spins", "dance", "OURS", "Base", "left"));

        imported.Judgments.Single().Should().Be(new ImportedJudgment("p1", "a dancer spins", "dance", "ours", "base", Choice.Left));
    }

    [Fact]
    public void A_task_named_in_another_case_is_imported_as_the_study_spells_it()
    {
        var study = A.Draft(A.Pairwise("ours", "base").WithTasks("dance", "gym"));

        var imported = Import(study, new ImportRow(2, "p1", "a dancer spins", " Dance ", "ours", "base", "left"), new ImportRow(3, "p1", "a gymnast", "GYM", "ours", "base", "left"));

        imported.Judgments.Select(j => j.Task).Should().Equal("dance", "gym");
    }

    [Fact]
    public void A_task_the_study_does_not_have_in_any_case_is_refused_naming_the_study_s_tasks()
    {
        var study = A.Draft(A.Pairwise("ours", "base").WithTasks("dance", "gym"));

        var act = () => Import(study, new ImportRow(2, "p1", "a swimmer", "swim", "ours", "base", "left"));

        act.Should().Throw<DomainException>().Which.Details.Should().Equal("line 2: task 'swim' is not one of the study's (dance, gym)");
    }

    private static ImportRow[] SomeRows(string firstChoice = "left") =>
    [
        new(2, "p1", "a dancer spins", "dance", "ours", "base", firstChoice),
        new(3, "p2", "a dancer spins", "dance", "base", "ours", "same"),
    ];

    [Fact]
    public void A_file_whose_judgments_were_already_imported_is_refused_naming_the_earlier_import()
    {
        var first = Import(PairStudy, SomeRows());
        var earlier = new EarlierImport(first.ImportId, "batch-1.csv", new DateTimeOffset(2026, 3, 1, 14, 5, 0, TimeSpan.Zero), first.ContentHash);
        // The same judgments written another way: rows swapped, other letter case and spacing.
        ImportRow[] again = [new(2, " p2", "a dancer spins ", "Dance", "BASE", "ours", "SAME"), new(3, "p1", "a dancer spins", "dance", "Ours", "base", "Left")];

        var act = () => ImportingJudgments.Handle(PairStudy, [earlier], new ImportJudgments(Guid.NewGuid(), PairStudy.Id, "batch-1 (copy).csv", again, Guid.NewGuid()), A.Now);

        var refused = act.Should().Throw<DomainException>().Which;
        refused.Kind.Should().Be(DomainError.Conflict);
        refused.Message.Should().Be("Nothing was imported: these judgments were already imported from batch-1.csv on 2026-03-01 at 14:05 UTC; " +
            "importing them again would count each twice.");
        refused.Extensions[ImportingJudgments.EarlierImportMember].Should().BeEquivalentTo(
            new Dictionary<string, object> { ["id"] = first.ImportId, ["fileName"] = "batch-1.csv", ["at"] = earlier.At });
    }

    [Fact]
    public void A_file_with_other_judgments_or_an_import_from_before_hashes_were_kept_does_not_match()
    {
        var first = Import(PairStudy, SomeRows());
        EarlierImport[] earlier = [new(first.ImportId, "batch-1.csv", A.Now, first.ContentHash), new(Guid.NewGuid(), "old.csv", A.Now, null)];

        var other = ImportingJudgments.Handle(PairStudy, earlier, new ImportJudgments(Guid.NewGuid(), PairStudy.Id, "batch-2.csv", SomeRows("right"), Guid.NewGuid()), A.Now);
        var fewer = ImportingJudgments.Handle(PairStudy, earlier, new ImportJudgments(Guid.NewGuid(), PairStudy.Id, "batch-3.csv", SomeRows()[..1], Guid.NewGuid()), A.Now);

        first.ContentHash.Should().MatchRegex("^sha256:[0-9a-f]{64}$");
        other.ContentHash.Should().NotBe(first.ContentHash);
        fewer.ContentHash.Should().NotBe(first.ContentHash);
        JudgmentImport.Create(other).ContentHash.Should().Be(other.ContentHash);
    }

    [Fact]
    public void Ratings_have_the_rated_condition_left_and_right_empty()
    {
        var imported = Import(RatingStudy, new ImportRow(2, "p1", "a gymnast", "gym", "ours", "", "success"));

        imported.Judgments.Single().Should().Be(new ImportedJudgment("p1", "a gymnast", "gym", "ours", null, Choice.Success));
    }

    [Fact]
    public void Any_bad_row_refuses_the_whole_file_naming_every_bad_line()
    {
        var act = () => Import(PairStudy,
            new ImportRow(2, "p1", "a dancer spins", "dance", "ours", "base", "left"),
            new ImportRow(3, "p1", "a dancer spins", "dance", "ours", "nobody", "left"),
            new ImportRow(4, "", "a dancer spins", "dance", "ours", "base", "sideways"),
            new ImportRow(5, "p2", "a dancer spins", "dance", "ours", "ours", "left"));

        var refused = act.Should().Throw<DomainException>().Which;
        refused.Kind.Should().Be(DomainError.Unprocessable);
        refused.Details.Should().Equal(
            "line 3: right condition 'nobody' is not one of the study's (ours, base)",
            "line 4: participant is empty, choice 'sideways' is not one of left, same, right",
            "line 5: left and right are the same condition");
        refused.Message.Should().StartWith("Nothing was imported: 3 lines are not valid.");
        refused.Extensions[ImportingJudgments.BadLines].Should().Be("3-5");
    }

    [Fact]
    public void Every_bad_line_number_is_listed_even_past_the_ones_described()
    {
        // Lines 2 to 1001; 3-7, 12 and 40-1000 name an unknown condition.
        var rows = Enumerable.Range(2, 1000).Select(line => new ImportRow(line, "p1", "x", "dance", "ours",
            line is >= 3 and <= 7 or 12 or >= 40 and <= 1000 ? "nobody" : "base", "left")).ToArray();

        var act = () => Import(PairStudy, rows);

        var refused = act.Should().Throw<DomainException>().Which;

        refused.Extensions[ImportingJudgments.BadLines].Should().Be("3-7, 12, 40-1000");
        refused.Details.Should().HaveCount(ImportingJudgments.MaxProblemsListed);
        refused.Details[0].Should().StartWith("line 3: ");
        refused.Message.Should().StartWith("Nothing was imported: 967 lines are not valid.").And.EndWith("; 767 more, numbered in badLines.");
    }

    [Fact]
    public void A_line_that_could_not_be_read_is_refused_with_why()
    {
        var act = () => Import(PairStudy, new ImportRow(2, "p1", "x", "dance", "ours", "base", "left", Unreadable: "a quote is out of place"));

        act.Should().Throw<DomainException>().Which.Details.Should().Equal("line 2: a quote is out of place");
    }

    [Theory]
    [InlineData(new[] { 5 }, "5")]
    [InlineData(new[] { 12, 3, 4, 5, 6, 7, 40, 41 }, "3-7, 12, 40-41")]
    [InlineData(new[] { 2, 2, 4 }, "2, 4")]
    public void Line_numbers_are_written_as_ranges(int[] lines, string written)
    {
        LineRanges.Of(lines).Should().Be(written);
    }

    [Fact]
    public void A_two_way_study_takes_no_ties_and_a_rating_study_no_right_condition()
    {
        var twoWay = A.Draft(A.Pairwise("ours", "base") with { Scale = PairwiseScale.TwoWay });

        var tie = () => Import(twoWay, new ImportRow(2, "p1", "x", "", "ours", "base", "same"));
        var right = () => Import(RatingStudy, new ImportRow(2, "p1", "x", "gym", "ours", "base", "failure"));

        tie.Should().Throw<DomainException>().Which.Details.Should().Equal("line 2: choice 'same' is not one of left, right");
        right.Should().Throw<DomainException>().Which.Details.Should().Equal("line 2: right must be empty in a rating study (left is the rated condition)");
    }

    [Theory]
    [InlineData("same, right")]
    [InlineData("1")]
    [InlineData("sideways")]
    public void Only_the_named_choices_are_taken(string choice)
    {
        var act = () => Import(PairStudy, new ImportRow(2, "p1", "x", "dance", "ours", "base", choice));

        act.Should().Throw<DomainException>().Which.Details.Should().ContainSingle().Which.Should().Contain("is not one of left, same, right");
    }

    [Fact]
    public void Case_and_spaces_around_a_choice_do_not_matter()
    {
        var imported = Import(PairStudy, new ImportRow(2, "p1", "x", "dance", "ours", "base", " Left "));

        imported.Judgments.Single().Choice.Should().Be(Choice.Left);
    }

    [Fact]
    public void An_unknown_task_is_refused_when_the_study_names_its_tasks()
    {
        var act = () => Import(PairStudy, new ImportRow(2, "p1", "x", "gym", "ours", "base", "left"));

        act.Should().Throw<DomainException>().Which.Details.Should().Equal("line 2: task 'gym' is not one of the study's (dance)");
    }

    [Fact]
    public void An_empty_file_or_a_closed_study_is_refused()
    {
        var empty = () => Import(PairStudy);
        var closed = () => Import(A.Draft(A.Pairwise("ours", "base")).Opened().Closed(), new ImportRow(2, "p1", "x", "", "ours", "base", "left"));

        empty.Should().Throw<DomainException>().Which.Kind.Should().Be(DomainError.Unprocessable);
        closed.Should().Throw<DomainException>().Which.Kind.Should().Be(DomainError.Conflict);
    }

    [Fact]
    public void Imported_answers_on_the_same_prompt_and_pair_are_one_unit_for_agreement()
    {
        var import = JudgmentImport.Create(Import(PairStudy,
            new ImportRow(2, "p1", "x", "dance", "ours", "base", "left"),
            new ImportRow(3, "p2", "x", "dance", "base", "ours", "right")));

        var judgments = Judgment.From(import).ToList();

        judgments.Select(j => j.Unit).Distinct().Should().ContainSingle();
        judgments.Should().OnlyContain(j => j.Imported && j.DecisionMs == null);
    }
}

using System.Text;
using Platform.Results;
using Platform.Web.Results;

namespace Platform.Tests.Results;

public class ReadingImportFilesTests
{
    private static Task<IReadOnlyList<ImportRow>> ReadAsync(string csv) =>
        JudgmentImports.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), CancellationToken.None);

    [Fact]
    public async Task Rows_carry_the_line_they_start_on_even_after_a_prompt_over_two_lines()
    {
        var rows = await ReadAsync("participant,prompt,task,left,right,choice\r\n" +
            "w1,\"a dancer\nspins\",dance,ours,base,left\r\n" +
            "w2,a gymnast,gym,base,ours,right\r\n");

        rows.Select(r => (r.Line, r.Participant, r.Prompt)).Should().Equal((2, "w1", "a dancer\nspins"), (4, "w2", "a gymnast"));
    }

    [Fact]
    public async Task Columns_are_found_by_name_in_any_order_and_case_with_semicolons_too()
    {
        var rows = await ReadAsync("Choice;Right;Left;Task;Prompt;Participant\nleft;base;ours;dance;a dancer spins;w1\n");

        rows.Should().Equal(new ImportRow(2, "w1", "a dancer spins", "dance", "ours", "base", "left"));
    }

    [Fact]
    public async Task A_quote_out_of_place_marks_its_line_unreadable_and_no_other()
    {
        var rows = await ReadAsync("participant,prompt,task,left,right,choice\n" +
            "w1,a \"dancer\" spins,dance,ours,base,left\n" +
            "w2,\"a gymnast, twice\",gym,base,ours,right\n" +
            "w3,\"a swimmer\"x,gym,base,ours,right\n");

        rows.Select(r => (r.Line, r.Unreadable is null)).Should().Equal((2, false), (3, true), (4, false));
        rows[0].Unreadable.Should().StartWith("a quote is out of place in a \"dancer\" spins");
    }
}

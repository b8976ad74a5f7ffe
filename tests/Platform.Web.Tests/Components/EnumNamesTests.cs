using Platform.Captions;
using Platform.Web.Components;

namespace Platform.Tests.Components;

public class EnumNamesTests
{
    [Fact]
    public void An_enum_value_reads_as_words_in_sentence_case_or_as_its_description()
    {
        CaptionStatus.InProgress.DisplayName().Should().Be("In progress");
        CaptionStatus.Submitted.DisplayName().Should().Be("Submitted");
        CaptionStatus.Drafted.DisplayName().Should().Be("Composed draft");
        CaptionWarningKind.CameraContradiction.DisplayName().Should().Be("Camera contradiction");
        SceneType.Env.DisplayName().Should().Be("Environment map");
    }

    [Fact]
    public void A_select_shows_the_chosen_value_by_its_display_name_and_nothing_when_none_is_chosen()
    {
        EnumNames.Of<CaptionStatus>(CaptionStatus.InProgress).Should().Be("In progress");
        EnumNames.Of<CaptionStatus>(null).Should().BeEmpty();
    }
}

using Platform.Captions;

namespace Platform.Tests.Captions;

public class CaptionComposerTests
{
    private const string Opening = "[synthetic] A dancer performs uprock, spin and freeze in a studio setting.";
    private static readonly CaptionTemplates Templates = CaptionTemplates.Default;

    private static ComposedCaption Compose(Sidecar sidecar, CaptionTemplates? templates = null) =>
        CaptionComposer.Compose(sidecar, templates ?? Templates);

    [Fact]
    public void A_tagged_dancer_gets_a_fine_grained_and_a_generic_caption()
    {
        var caption = Compose(Sidecars.Dancer());

        caption.FineGrained.Should().Be($"{Opening} The camera slowly orbits around the dancer.");
        caption.Generic.Should().Be("[synthetic] A dancer in motion.");
        caption.SpecialTags.Should().Equal("[synthetic]");
    }

    [Theory]
    [InlineData(MovementType.Truck, 0.5, "The camera slowly trucks right alongside the dancer.")]
    [InlineData(MovementType.Truck, -5, "The camera quickly trucks left alongside the dancer.")]
    [InlineData(MovementType.Dolly, 2, "The camera steadily dollies in, facing the dancer.")]
    [InlineData(MovementType.Dolly, -0.5, "The camera slowly dollies out, facing the dancer.")]
    [InlineData(MovementType.Pedestal, 1.5, "The camera steadily cranes up in front of the dancer.")]
    [InlineData(MovementType.Pedestal, -3, "The camera quickly cranes down in front of the dancer.")]
    [InlineData(MovementType.Tilt, 20, "The camera slowly tilts up across the dancer.")]
    [InlineData(MovementType.Tilt, -90, "The camera steadily tilts down across the dancer.")]
    [InlineData(MovementType.Pan, -45, "The camera slowly pans left across the dancer.")]
    [InlineData(MovementType.Pan, 200, "The camera quickly pans right across the dancer.")]
    [InlineData(MovementType.Spin, 30, "The camera slowly orbits around the dancer.")]
    [InlineData(MovementType.Spin, -360, "The camera quickly orbits around the dancer.")]
    [InlineData(MovementType.Following, 2, "The camera follows the dancer.")]
    [InlineData(MovementType.Zoom, 2, "The camera steadily zooms in on the dancer.")]
    [InlineData(MovementType.Zoom, 0.8, "The camera slowly zooms out on the dancer.")]
    [InlineData(MovementType.Zoom, 0.25, "The camera quickly zooms out on the dancer.")]
    public void Each_movement_type_gets_its_camera_phrase_with_direction_by_sign_and_speed_by_value(MovementType movement, double value, string phrase)
    {
        var caption = Compose(Sidecars.Dancer().Moving(movement, value));

        caption.FineGrained.Should().Be($"{Opening} {phrase}");
    }

    [Fact]
    public void Without_a_movement_value_the_camera_phrase_has_no_speed_and_no_direction()
    {
        var caption = Compose(Sidecars.Dancer().Moving(MovementType.Pan, null));

        caption.FineGrained.Should().Be($"{Opening} The camera pans across the dancer.");
    }

    [Fact]
    public void A_fixed_focus_or_one_that_follows_off_center_adds_a_phrase()
    {
        Compose(Sidecars.Dancer().Focused(FocusType.Fixed)).FineGrained
            .Should().EndWith("The camera slowly orbits around the dancer, with the focus fixed in place.");
        Compose(Sidecars.Dancer().Focused(FocusType.Follow, FocusPosition.Upper)).FineGrained
            .Should().EndWith("The camera slowly orbits around the dancer, framing the upper part of the dancer.");
    }

    [Fact]
    public void Elements_without_tags_leave_no_empty_phrases()
    {
        var noEnvironment = Compose(Sidecars.Dancer().Tagged(t => t with { Environment = [] }));
        var untagged = Compose(Sidecars.Dancer().Untagged());

        noEnvironment.FineGrained.Should().Be("[synthetic] A dancer performs uprock, spin and freeze. The camera slowly orbits around the dancer.");
        untagged.FineGrained.Should().Be("[synthetic] A person. The camera slowly orbits around the person.");
        untagged.Generic.Should().Be("[synthetic] A person in motion.");
        untagged.FineGrained.Should().NotContainAny("  ", " .", " ,", "in .", "performs .");
    }

    [Fact]
    public void Every_element_has_its_phrase_and_articles_follow_the_next_word()
    {
        var sidecar = Sidecars.Dancer().Tagged(t => t with
        {
            Character = ["acrobat"],
            Object = ["a ball"],
            Environment = ["indoor"],
            Camera = ["close-up"],
            Style = ["cartoon"],
        });

        Compose(sidecar).FineGrained.Should().Be(
            "[synthetic] An acrobat performs uprock, spin and freeze with a ball in an indoor setting. " +
            "The camera slowly orbits around the acrobat. Close-up shot. Rendered in cartoon style.");
    }

    [Fact]
    public void Without_a_character_the_objects_are_the_subject()
    {
        var sidecar = Sidecars.Dancer().Untagged().Tagged(t => t with { Object = ["red car", "truck"] });

        Compose(sidecar).FineGrained.Should().Be("[synthetic] A red car and truck. The camera slowly orbits around the red car and truck.");
    }

    [Fact]
    public void Special_tags_are_prepended_to_both_variants_and_an_empty_list_adds_none()
    {
        var two = Compose(Sidecars.Dancer(), Templates with { SpecialTags = ["[synthetic]", "<cgi>"] });
        var none = Compose(Sidecars.Dancer(), Templates with { SpecialTags = [] });

        two.FineGrained.Should().StartWith("[synthetic] <cgi> A dancer performs");
        two.Generic.Should().Be("[synthetic] <cgi> A dancer in motion.");
        none.FineGrained.Should().StartWith("A dancer performs");
        none.Generic.Should().Be("A dancer in motion.");
        none.SpecialTags.Should().BeEmpty();
    }

    [Fact]
    public void Edited_templates_take_effect()
    {
        var edited = Templates with
        {
            Motion = "dancing {motion}",
            Spin = "an orbit shot circling {subject} {speed}",
            Generic = "{subject} dancing",
            Slow = "gently",
        };

        var caption = Compose(Sidecars.Dancer(), edited);

        caption.FineGrained.Should().Be("[synthetic] A dancer dancing uprock, spin and freeze in a studio setting. An orbit shot circling the dancer gently.");
        caption.Generic.Should().Be("[synthetic] The dancer dancing.");
    }

    [Fact]
    public void An_unknown_placeholder_stays_visible_in_the_draft()
    {
        var caption = Compose(Sidecars.Dancer(), Templates with { Spin = "the camera {sped} orbits" });

        caption.FineGrained.Should().EndWith("The camera {sped} orbits.");
    }

    [Fact]
    public void Composing_twice_gives_the_same_caption()
    {
        Compose(Sidecars.Dancer()).Should().BeEquivalentTo(Compose(Sidecars.Dancer()));
    }

    [Fact]
    public void English_lists_join_the_last_item_with_and()
    {
        CaptionComposer.List([]).Should().BeEmpty();
        CaptionComposer.List(["uprock"]).Should().Be("uprock");
        CaptionComposer.List(["uprock", "spin"]).Should().Be("uprock and spin");
        CaptionComposer.List(["uprock", "spin", "freeze"]).Should().Be("uprock, spin and freeze");
    }

    [Fact]
    public void The_default_templates_are_valid_and_every_movement_type_has_one()
    {
        Templates.Validate().Should().BeEmpty();
        CaptionTemplates.Placeholders.Keys.Should().Contain(Enum.GetNames<MovementType>());
    }

    [Fact]
    public void Validation_names_unknown_placeholders_stray_braces_and_empty_templates()
    {
        var edited = Templates with
        {
            Spin = "the camera {spead} orbits around {subject}",
            Pan = "the camera {speed pans",
            Motion = " ",
            FixedFocus = "",
            SpecialTags = ["[synthetic]", ""],
        };

        edited.Validate().Should().BeEquivalentTo(
            "The Motion template is empty.",
            "The Spin template uses {spead}, which it cannot fill; it may use {subject}, {speed}, {direction}.",
            "The Pan template has a brace that does not belong to a {placeholder}.",
            "Special tag 2 is empty.");
    }
}

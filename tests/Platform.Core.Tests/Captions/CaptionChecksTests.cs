using Platform.Captions;

namespace Platform.Tests.Captions;

public class CaptionChecksTests
{
    private static readonly string[] Special = ["[synthetic]"];

    private static IReadOnlyList<CaptionWarning> Check(string caption, Sidecar sidecar) => CaptionChecks.Check(caption, sidecar, Special);

    [Theory]
    [InlineData(MovementType.Truck, -2)]
    [InlineData(MovementType.Dolly, 1)]
    [InlineData(MovementType.Pedestal, 0.5)]
    [InlineData(MovementType.Tilt, 10)]
    [InlineData(MovementType.Pan, 30)]
    [InlineData(MovementType.Spin, 360)]
    [InlineData(MovementType.Following, 0)]
    [InlineData(MovementType.Zoom, 0.5)]
    public void A_composed_caption_is_consistent_with_its_sidecar(MovementType movement, double value)
    {
        var sidecar = Sidecars.Dancer().Moving(movement, value).Focused(FocusType.Fixed);

        var caption = CaptionComposer.Compose(sidecar, CaptionTemplates.Default);

        Check(caption.FineGrained, sidecar).Should().BeEmpty();
    }

    [Fact]
    public void An_edited_but_consistent_caption_gives_no_warnings()
    {
        var caption = "[synthetic] A breakdancer uprocks, spins and freezes on the floor while the camera circles around her.";

        Check(caption, Sidecars.Dancer()).Should().BeEmpty();
    }

    [Fact]
    public void A_camera_move_of_another_type_is_a_contradiction()
    {
        var sidecar = Sidecars.Dancer().Moving(MovementType.Pan, 30);

        var warnings = Check("[synthetic] A dancer performs uprock, spin and freeze. The camera slowly orbits around the dancer.", sidecar);

        warnings.Should().ContainSingle().Which.Should().Be(new CaptionWarning(CaptionWarningKind.CameraContradiction,
            "The caption says the camera \"orbits\" (a spin move), but the sidecar's camera movement is pan by 30°."));
    }

    [Fact]
    public void A_still_camera_contradicts_any_movement()
    {
        var sidecar = Sidecars.Dancer().Moving(MovementType.Dolly, -1.5);

        var warnings = Check("[synthetic] The camera stays still as a dancer performs uprock, spin and freeze.", sidecar);

        warnings.Should().ContainSingle().Which.Message.Should()
            .Be("The caption says the camera \"stays still\", but in the sidecar it moves: dolly by -1.5 m.");
    }

    [Theory]
    [InlineData("[synthetic] A dancer does an uprock, spins around and freezes while the camera pans left.")]
    [InlineData("[synthetic] The camera pans left across the dancer, who spins around after an uprock and a freeze.")]
    [InlineData("[synthetic] The camera pans left across a dancer who spins around after an uprock and a freeze.")]
    [InlineData("[synthetic] The camera pans left and the dancer spins around between uprock and freeze.")]
    public void A_dancers_spin_is_not_read_as_a_camera_move(string caption)
    {
        Check(caption, Sidecars.Dancer().Moving(MovementType.Pan, -20)).Should().BeEmpty();
    }

    [Fact]
    public void Camera_words_count_only_in_a_clause_about_the_camera()
    {
        var sidecar = Sidecars.Dancer().Tagged(t => t with { Motion = [] }).Moving(MovementType.Pan, -20);

        Check("[synthetic] A dancer circles around the stage. The camera pans left and tilts up.", sidecar)
            .Should().ContainSingle().Which.Message.Should().Contain("\"tilts\"").And.Contain("pan by -20°");
    }

    [Fact]
    public void A_tagged_dance_move_the_caption_does_not_mention_is_missing()
    {
        var warnings = Check("[synthetic] A dancer spins and freezes. The camera slowly orbits around the dancer.", Sidecars.Dancer());

        warnings.Should().ContainSingle().Which.Should().Be(new CaptionWarning(CaptionWarningKind.MissingMotion,
            "The caption does not mention the motion \"uprock\" tagged in the sidecar."));
    }

    [Fact]
    public void Motion_tags_match_whole_words_in_simple_forms()
    {
        var sidecar = Sidecars.Dancer().Tagged(t => t with { Motion = ["head spin", "freeze"] });

        Check("[synthetic] A dancer does head-spins, then freezing. The camera orbits.", sidecar).Should().BeEmpty();
        Check("[synthetic] A dancer does a headspin and is freezed. The camera orbits.", sidecar)
            .Select(w => w.Kind).Should().Equal(CaptionWarningKind.MissingMotion, CaptionWarningKind.MissingMotion);
    }

    [Fact]
    public void A_special_tag_must_appear_verbatim()
    {
        var warnings = Check("[Synthetic] A dancer performs uprock, spin and freeze. The camera orbits around the dancer.", Sidecars.Dancer());

        warnings.Should().ContainSingle().Which.Should().Be(new CaptionWarning(CaptionWarningKind.MissingSpecialTag,
            "The caption lacks the special tag \"[synthetic]\"."));
    }
}

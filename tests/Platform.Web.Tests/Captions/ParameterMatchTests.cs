using Platform.Captions;
using Platform.Common;
using Platform.Web.Captions;

namespace Platform.Tests.Captions;

public class ParameterMatchTests
{
    private static readonly RenderParameters Parameters = new(
        new CameraParameters(FocusType.Fixed, MovementType.Dolly, MovementValue: -1.5, FocalLength: 0.6),
        new EnvironmentParameters(SceneType.Basic, SceneColor: "#A0B0C0", Lights: [new Light(Intensity: 3), new Light(ColorTemperature: 5600)]),
        new RenderSettings(RenderEngine.Unreal, RenderQuality.Low));

    [Theory]
    [InlineData("camera.movementType=dolly", true)]
    [InlineData("camera.movementValue=-1.5", true)]
    [InlineData("camera.focalLength=0.60", true)]
    [InlineData("environment.sceneColor=#a0b0c0", true)]
    [InlineData("environment.lights[1].colorTemperature=5600", true)]
    [InlineData("render.engine=Unreal", true)]
    [InlineData("render.engine=blender", false)]
    [InlineData("environment.lights[2].intensity=3", false)]
    [InlineData("camera.nothing=1", false)]
    public void Any_render_parameter_matches_by_its_path(string filter, bool matches)
    {
        ParameterMatch.Parse(filter)!.Matches(Parameters).Should().Be(matches);
    }

    [Fact]
    public void A_filter_without_a_value_is_refused_with_an_example()
    {
        var act = () => ParameterMatch.Parse("camera.focalLength");

        act.Should().Throw<DomainException>().WithMessage("*path=value*");
    }
}

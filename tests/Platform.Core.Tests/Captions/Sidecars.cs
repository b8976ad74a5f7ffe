using Platform.Captions;

namespace Platform.Tests.Captions;

/// <summary>Test data: the sidecar of a rendered dancer, to vary with the extension methods below.</summary>
internal static class Sidecars
{
    /// <summary>A dancer doing uprock, spin and freeze in a studio, the camera orbiting it by 30° with a centered, following focus.</summary>
    public static Sidecar Dancer() => new(
        new RenderParameters(
            new CameraParameters(FocusType.Follow, MovementType.Spin, FocusPosition.Center, MovementValue: 30),
            new EnvironmentParameters(SceneType.Basic, SceneColor: "#808080"),
            new RenderSettings(RenderEngine.Blender, RenderQuality.High)),
        new ElementTags { Character = ["dancer"], Motion = ["uprock", "spin", "freeze"], Environment = ["studio"] });

    public static Sidecar Moving(this Sidecar sidecar, MovementType movement, double? value) =>
        sidecar.WithCamera(c => c with { MovementType = movement, MovementValue = value });

    public static Sidecar Focused(this Sidecar sidecar, FocusType focus, FocusPosition position = FocusPosition.Center) =>
        sidecar.WithCamera(c => c with { FocusType = focus, FocusPosition = position });

    public static Sidecar Tagged(this Sidecar sidecar, Func<ElementTags, ElementTags> change) =>
        sidecar with { Tags = change(sidecar.Tags) };

    public static Sidecar Untagged(this Sidecar sidecar) => sidecar with { Tags = new ElementTags() };

    private static Sidecar WithCamera(this Sidecar sidecar, Func<CameraParameters, CameraParameters> change) =>
        sidecar with { RenderParameters = sidecar.RenderParameters with { Camera = change(sidecar.RenderParameters.Camera) } };
}

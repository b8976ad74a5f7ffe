using System.ComponentModel;

namespace Platform.Captions;

/// <summary>
/// What a synthetic (CGI-rendered) video's sidecar file says about it: its render parameters (table 10 of the digest)
/// and its element tags. The format is <c>synthetic-sidecar.schema.json</c>; read it with <see cref="SidecarReader"/>.
/// </summary>
public sealed record Sidecar(RenderParameters RenderParameters, ElementTags Tags, SourceClip? Source = null);

public sealed record RenderParameters(CameraParameters Camera, EnvironmentParameters Environment, RenderSettings Render);

/// <param name="MovementValue">Metres for truck, dolly and pedestal; degrees for tilt, pan and spin; a factor for zoom.</param>
/// <param name="FocalLength">The share of the object visible on screen, in (0, 1].</param>
public sealed record CameraParameters(
    FocusType FocusType,
    MovementType MovementType,
    FocusPosition FocusPosition = FocusPosition.Center,
    double? MovementValue = null,
    IReadOnlyList<double>? InitialPosition = null,
    double? FocalLength = null);

public enum FocusType
{
    /// <summary>The focus follows the object.</summary>
    Follow,

    /// <summary>The focus stays put in world space.</summary>
    Fixed,
}

public enum FocusPosition
{
    Upper,
    Center,
    Lower,
}

public enum MovementType
{
    Truck,
    Dolly,
    Pedestal,
    Tilt,
    Pan,
    Spin,
    Following,
    Zoom,
}

public sealed record EnvironmentParameters(
    SceneType SceneType,
    string? EnvironmentMap = null,
    string? SceneColor = null,
    IReadOnlyList<Light>? Lights = null,
    double? AmbientLightIntensity = null);

public enum SceneType
{
    /// <summary>An HDR environment map, which is also the light.</summary>
    [Description("Environment map")]
    Env,

    /// <summary>An indoor room of the scene colour with two lights.</summary>
    Basic,

    /// <summary>Two lights or one environment map, nothing else.</summary>
    Empty,
}

/// <param name="ColorTemperature">Kelvin, 1,000 to 20,000.</param>
public sealed record Light(IReadOnlyList<double>? Position = null, double? ColorTemperature = null, double? Intensity = null);

public sealed record RenderSettings(RenderEngine Engine, RenderQuality Quality, string? BackgroundColor = null);

public enum RenderEngine
{
    Blender,
    Unreal,
}

public enum RenderQuality
{
    High,
    Low,
}

/// <summary>Element tags, each list possibly empty: motion holds e.g. dance moves such as "uprock", "spin", "freeze".</summary>
public sealed record ElementTags
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The schema's name for the element.")]
    public IReadOnlyList<string> Object { get; init; } = [];
    public IReadOnlyList<string> Character { get; init; } = [];
    public IReadOnlyList<string> Motion { get; init; } = [];
    public IReadOnlyList<string> Camera { get; init; } = [];
    public IReadOnlyList<string> Environment { get; init; } = [];
    public IReadOnlyList<string> Style { get; init; } = [];
}

/// <summary>Where the render came from (asset and animation names, length).</summary>
public sealed record SourceClip(string? Asset = null, string? Animation = null, int? Frames = null, double? Fps = null);

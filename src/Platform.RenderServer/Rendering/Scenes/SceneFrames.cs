namespace Platform.RenderServer.Rendering.Scenes;

/// <summary>
/// Renders a scene model's frames by ray casting (one ray per pixel) as packed RGB bytes. The unstable model moves the
/// boxes and slides every texture by a different amount each frame: true parallax from the camera, no stable 3D.
/// </summary>
public static class SceneFrames
{
    /// <summary>How far the unstable model moves boxes each frame, in metres.</summary>
    public const double Shake = 0.15;

    /// <summary>How far the unstable model slides a texture each frame, in metres.</summary>
    public const double Slide = 0.08;

    /// <summary>The share of the unstable model's frames in which every texture is drawn anew (a morph, as generators flicker).</summary>
    public const double MorphShare = 0.4;

    public static byte[] Render(RenderSettings settings, int frame)
    {
        var unstable = settings.Model == SceneModels.Unstable;
        var seed = StableHash.Mix(settings.Seed ^ StableHash.Of(settings.Prompt));
        var frameHash = StableHash.Mix(seed + (ulong)frame * 0x2545F4914F6CDD1DUL);
        var room = Room.Lay(seed);
        var textures = seed;
        if (unstable)
        {
            room = room.Shaken(frameHash, Shake);
            if (StableHash.Unit(frameHash, 48) < MorphShare) textures = frameHash;
        }
        var progress = settings.Frames > 1 ? (double)frame / (settings.Frames - 1) : 0;
        var camera = Camera.Along(SceneModels.MoveIn(settings.Prompt), progress, StableHash.Unit(seed, 0) - 0.5);
        var (width, height) = (settings.Width, settings.Height);
        var focal = Camera.FocalPerWidth * width;
        var pixels = new byte[width * height * 3];
        Parallel.For(0, height, y =>
        {
            for (var x = 0; x < width; x++)
            {
                var direction = (camera.Forward + camera.Right * ((x + 0.5 - width / 2.0) / focal) + camera.Down * ((y + 0.5 - height / 2.0) / focal)).Normalized();
                var hit = room.Trace(camera.Position, direction);
                var (u, v) = unstable ? Slid(frameHash, hit) : (hit.U, hit.V);
                var (r, g, b) = Texture.At(textures, hit.Surface, u, v);
                var shade = (hit.Axis == 1 ? 1.0 : 0.8 - 0.1 * (hit.Surface & 1)) * Math.Clamp(1.15 - hit.Distance * 0.06, 0.5, 1);
                var at = (y * width + x) * 3;
                (pixels[at], pixels[at + 1], pixels[at + 2]) = (Byte(r * shade), Byte(g * shade), Byte(b * shade));
            }
        });
        return pixels;
    }

    private static (double U, double V) Slid(ulong frameHash, Hit hit)
    {
        var h = StableHash.Mix(frameHash ^ (ulong)hit.Surface);
        return (hit.U + (StableHash.Unit(h, 0) * 2 - 1) * Slide, hit.V + (StableHash.Unit(h, 16) * 2 - 1) * Slide);
    }

    private static byte Byte(double value) => (byte)Math.Clamp(Math.Round(value * 255), 0, 255);
}

namespace Platform.RenderServer.Rendering.Scenes;

/// <summary>A pinhole camera: its centre and the world directions of its image axes (right, down) and view.</summary>
public readonly record struct Camera(Vec3 Position, Vec3 Right, Vec3 Down, Vec3 Forward)
{
    /// <summary>Horizontal field of view of about 60°, as a focal length in units of the image width.</summary>
    public const double FocalPerWidth = 0.87;

    public static Camera LookingAt(Vec3 position, Vec3 target)
    {
        var forward = (target - position).Normalized();
        var right = Vec3.Cross(forward, new Vec3(0, 1, 0)).Normalized();
        return new Camera(position, right, Vec3.Cross(forward, right), forward);
    }

    /// <summary>The camera at <paramref name="progress"/> (0 at the first frame, 1 at the last) of a move through the room.</summary>
    public static Camera Along(CameraMove move, double progress, double start)
    {
        var eye = new Vec3(0, 1.4, 0);
        return move switch
        {
            CameraMove.Dolly => LookingAt(new Vec3(0.3 * start, 1.4, 2.9 - 1.0 * progress), new Vec3(0.3 * start, 1.0, -4)),
            CameraMove.Truck => LookingAt(new Vec3(-1.4 + 2.8 * progress, 1.4, 2.5), new Vec3(-1.4 + 2.8 * progress, 1.0, -2)),
            CameraMove.Pan => LookingAt(new Vec3(0, 1.4, 2.5), new Vec3(0, 1.2, 2.5) + Heading(Math.PI + start - 0.35 + 0.7 * progress) * 4),
            _ => LookingAt(eye + Heading(start + 1.0 * progress) * 2.6, new Vec3(0, 0.8, 0)),
        };
    }

    /// <summary>A horizontal direction: angle 0 looks along +z, increasing counterclockwise seen from above.</summary>
    private static Vec3 Heading(double angle) => new(Math.Sin(angle), 0, Math.Cos(angle));
}

namespace Platform.RenderServer.Rendering.Scenes;

/// <summary>Where a camera ray meets the room: the face's texture number and the point's two coordinates in that face.</summary>
public readonly record struct Hit(int Surface, double U, double V, int Axis, double Distance);

/// <summary>
/// A room of 8 × 3 × 8 m seen from inside, with boxes standing on its floor in the middle, where no camera move of
/// <see cref="Camera.Along"/> reaches them. The seed places the boxes.
/// </summary>
public sealed class Room(IReadOnlyList<Box> boxes)
{
    private static readonly Box Walls = new(new Vec3(-4, 0, -4), new Vec3(4, 3, 4), 0);

    public IReadOnlyList<Box> Boxes => boxes;

    public static Room Lay(ulong seed)
    {
        var boxes = new List<Box>();
        for (var i = 0; i < 7; i++)
        {
            var hash = StableHash.Mix(seed ^ (0x51ED27UL * (ulong)(i + 1)));
            var angle = StableHash.Unit(hash, 0) * 2 * Math.PI;
            var radius = 0.3 + StableHash.Unit(hash, 16) * 1.2;
            var size = new Vec3(0.25 + StableHash.Unit(hash, 32) * 0.5, 0.3 + StableHash.Unit(hash, 48) * 1.0, 0.25 + StableHash.Unit(StableHash.Mix(hash), 0) * 0.5);
            var centre = new Vec3(Math.Sin(angle) * radius, 0, Math.Cos(angle) * radius);
            var min = new Vec3(centre.X - size.X / 2, 0, centre.Z - size.Z / 2);
            boxes.Add(new Box(min, min + size, 6 * (i + 1)));
        }
        return new Room(boxes);
    }

    /// <summary>The same room with every box moved by up to <paramref name="amount"/> metres along the floor.</summary>
    public Room Shaken(ulong hash, double amount) => new([.. boxes.Select((box, i) =>
    {
        var h = StableHash.Mix(hash + (ulong)i);
        return box.Moved(new Vec3((StableHash.Unit(h, 0) * 2 - 1) * amount, 0, (StableHash.Unit(h, 16) * 2 - 1) * amount));
    })]);

    public Hit Trace(Vec3 origin, Vec3 direction)
    {
        var (_, _, far, farAxis) = Walls.Cross(origin, direction);
        var best = Face(Walls, origin + direction * far, farAxis, direction[farAxis] > 0, far);
        foreach (var box in boxes)
        {
            var (enter, axis, _, _) = box.Cross(origin, direction);
            if (enter > 1e-6 && enter < best.Distance) best = Face(box, origin + direction * enter, axis, direction[axis] < 0, enter);
        }
        return best;
    }

    private static Hit Face(Box box, Vec3 point, int axis, bool positiveSide, double distance)
    {
        var (u, v) = axis switch { 0 => (point.Z, point.Y), 1 => (point.X, point.Z), _ => (point.X, point.Y) };
        return new Hit(box.Surface + axis * 2 + (positiveSide ? 1 : 0), u, v, axis, distance);
    }
}

namespace Platform.RenderServer.Rendering.Scenes;

/// <summary>An axis-aligned box; <paramref name="Surface"/> numbers its six faces from there on, for their textures.</summary>
public sealed record Box(Vec3 Min, Vec3 Max, int Surface)
{
    /// <summary>Where a ray enters and leaves the box (the slab method), and across which axis; NaN when it misses.</summary>
    public (double Enter, int EnterAxis, double Leave, int LeaveAxis) Cross(Vec3 origin, Vec3 direction)
    {
        var (enter, enterAxis, leave, leaveAxis) = (double.NegativeInfinity, 0, double.PositiveInfinity, 0);
        for (var axis = 0; axis < 3; axis++)
        {
            var inverse = 1 / direction[axis];
            var a = (Min[axis] - origin[axis]) * inverse;
            var b = (Max[axis] - origin[axis]) * inverse;
            if (a > b) (a, b) = (b, a);
            if (a > enter) (enter, enterAxis) = (a, axis);
            if (b < leave) (leave, leaveAxis) = (b, axis);
        }
        return enter <= leave ? (enter, enterAxis, leave, leaveAxis) : (double.NaN, 0, double.NaN, 0);
    }

    public Box Moved(Vec3 offset) => this with { Min = Min + offset, Max = Max + offset };
}

namespace Platform.RenderServer.Rendering.Scenes;

/// <summary>
/// Procedural textures with the detail a feature matcher needs and no repetition to confuse it: value noise at three
/// scales in a colour of the face's own, and a scatter of dark and bright spots (blobs, which SIFT finds well).
/// </summary>
public static class Texture
{
    private const double SpotCell = 0.3;

    public static (double R, double G, double B) At(ulong seed, int surface, double u, double v)
    {
        var face = StableHash.Mix(seed ^ (ulong)surface * 0x9E3779B97F4A7C15UL);
        var noise = 0.5 * Noise(face, u * 3, v * 3) + 0.3 * Noise(face + 1, u * 8, v * 8) + 0.2 * Noise(face + 2, u * 19, v * 19);
        var light = 0.3 + 0.7 * noise;
        var spot = Spot(face, u, v);
        if (spot != 0) light = spot > 0 ? 1.1 : 0.08;
        return (light * (0.35 + 0.65 * StableHash.Unit(face, 0)), light * (0.35 + 0.65 * StableHash.Unit(face, 16)), light * (0.35 + 0.65 * StableHash.Unit(face, 32)));
    }

    /// <summary>Bilinear value noise with a smooth step, 0..1.</summary>
    private static double Noise(ulong face, double x, double y)
    {
        var (ix, iy) = (Math.Floor(x), Math.Floor(y));
        var (fx, fy) = (Smooth(x - ix), Smooth(y - iy));
        double Corner(double cx, double cy) => StableHash.Unit(Lattice(face, (long)cx, (long)cy), 8);
        var (topLeft, bottomLeft) = (Corner(ix, iy), Corner(ix, iy + 1));
        var top = topLeft + (Corner(ix + 1, iy) - topLeft) * fx;
        var bottom = bottomLeft + (Corner(ix + 1, iy + 1) - bottomLeft) * fx;
        return top + (bottom - top) * fy;
    }

    /// <summary>+1 inside a bright spot, −1 inside a dark one, 0 elsewhere; at most one spot per cell, off its edges.</summary>
    private static int Spot(ulong face, double u, double v)
    {
        var (cx, cy) = (Math.Floor(u / SpotCell), Math.Floor(v / SpotCell));
        var hash = Lattice(face ^ 0xA5A5A5A5UL, (long)cx, (long)cy);
        if (StableHash.Unit(hash, 0) < 0.35) return 0;
        var radius = SpotCell * (0.08 + 0.17 * StableHash.Unit(hash, 16));
        var x = (cx + 0.3 + 0.4 * StableHash.Unit(hash, 32)) * SpotCell;
        var y = (cy + 0.3 + 0.4 * StableHash.Unit(hash, 48)) * SpotCell;
        if ((u - x) * (u - x) + (v - y) * (v - y) > radius * radius) return 0;
        return (hash & 1) == 0 ? 1 : -1;
    }

    private static ulong Lattice(ulong face, long x, long y) => StableHash.Mix(face ^ StableHash.Mix((ulong)x * 0x632BE59BD9B4E019UL + (ulong)y));

    private static double Smooth(double t) => t * t * (3 - 2 * t);
}

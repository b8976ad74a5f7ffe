using System.Globalization;

namespace Platform.Results;

/// <summary>A registered camera's centre in world coordinates, for a plot from above (x, z).</summary>
public sealed record CameraPoint(string Frame, double X, double Y, double Z);

/// <summary>
/// The figures of table 4 read from one COLMAP sparse model: registered frames, N (3D points), T (mean track length,
/// observations per point), ε_proj (mean reprojection error over all points, px) and ε̂_proj (mean over the
/// <see cref="SparseModel.BestPoints"/> lowest errors), with the registered cameras in frame order.
/// </summary>
public sealed record Reconstruction(int Registered, int Points, double TrackLength, double ReprojectionError, double BestReprojectionError,
    IReadOnlyList<CameraPoint> Cameras);

/// <summary>Reads COLMAP's text export (<c>model_converter --output_type TXT</c>): <c>images.txt</c> and <c>points3D.txt</c>.</summary>
public static class SparseModel
{
    public const int BestPoints = 1000;

    /// <param name="images">images.txt: two lines per image, the first <c>IMAGE_ID QW QX QY QZ TX TY TZ CAMERA_ID NAME</c>.</param>
    /// <param name="points">points3D.txt: <c>POINT3D_ID X Y Z R G B ERROR TRACK[] as (IMAGE_ID, POINT2D_IDX)</c>.</param>
    public static Reconstruction Read(IEnumerable<string> images, IEnumerable<string> points)
    {
        var cameras = Content(images).Where((_, i) => i % 2 == 0).Select(Camera).OrderBy(c => c.Frame, StringComparer.Ordinal).ToList();
        var errors = new List<double>();
        var observations = 0L;
        foreach (var line in Content(points))
        {
            var fields = Fields(line, 8);
            errors.Add(Number(fields[7]));
            observations += (fields.Length - 8) / 2;
        }
        errors.Sort();
        var best = errors.Take(BestPoints).ToList();
        return new Reconstruction(cameras.Count, errors.Count,
            errors.Count == 0 ? double.NaN : (double)observations / errors.Count,
            errors.Count == 0 ? double.NaN : errors.Average(),
            best.Count == 0 ? double.NaN : best.Average(),
            cameras);
    }

    /// <summary>The camera centre C = −Rᵀt, R the rotation of the unit quaternion (qw, qx, qy, qz) from world to camera.</summary>
    private static CameraPoint Camera(string line)
    {
        var f = Fields(line, 10);
        var (w, x, y, z) = (Number(f[1]), Number(f[2]), Number(f[3]), Number(f[4]));
        var (tx, ty, tz) = (Number(f[5]), Number(f[6]), Number(f[7]));
        double[,] r =
        {
            { 1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y) },
            { 2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x) },
            { 2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y) },
        };
        double Centre(int axis) => -(r[0, axis] * tx + r[1, axis] * ty + r[2, axis] * tz);
        return new CameraPoint(string.Join(' ', f[9..]), Centre(0), Centre(1), Centre(2));
    }

    private static IEnumerable<string> Content(IEnumerable<string> lines) => lines.Where(l => !l.StartsWith('#'));

    private static string[] Fields(string line, int atLeast)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= atLeast ? fields : throw new FormatException($"A COLMAP model line has {fields.Length} fields, expected at least {atLeast}: '{line}'");
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}

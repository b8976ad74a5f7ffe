using System.Globalization;

namespace Platform.RenderServer.Rendering;

/// <summary>
/// Turns render settings into an ffmpeg lavfi graph. The prompt picks the source pattern and palette, the seed the
/// motion, and each setting a visible effect, so conditions compared in a study look different on the same prompt.
/// </summary>
public static class FilterGraph
{
    private static readonly int[] CellRules = [18, 30, 45, 73, 90, 105, 110, 150];

    public static string For(RenderSettings settings)
    {
        var prompt = StableHash.Of(settings.Prompt);
        var motion = StableHash.Mix(settings.Seed);
        var filters = new List<string> { Source(settings, prompt, motion) };

        var hue = Math.Floor(StableHash.Unit(prompt, 8) * 360) + Shift(settings.Model, settings.NegativePrompt);
        var hueRate = StableHash.Unit(motion, 0) * 90 - 45;
        var saturation = settings.Guidance is { } g ? Math.Clamp(0.3 + 0.15 * g, 0, 4) : 1;
        filters.Add($"hue=h={Linear(hue, hueRate)}:s={N(saturation)}");
        if (settings.Guidance is { } guidance)
        {
            filters.Add($"eq=contrast={N(Math.Clamp(0.85 + 0.03 * guidance, 0.5, 2))}");
        }

        var spin = (0.15 + StableHash.Unit(motion, 32) * 0.5) * ((motion >> 63) == 0 ? 1 : -1);
        filters.Add($"rotate=a={Linear(StableHash.Unit(motion, 16) * 2 * Math.PI, spin)}:c=black");
        if (settings.Steps is { } steps && PixelSize(steps) is var cell and > 1)
        {
            var w = Math.Max(2, settings.Width / cell);
            var h = Math.Max(2, settings.Height / cell);
            filters.Add($"scale={w}:{h}:flags=area,scale={settings.Width}:{settings.Height}:flags=neighbor");
        }
        if (settings.NegativePrompt is not null)
        {
            filters.Add("vignette=angle=0.9");
        }
        if (settings.Simdrop is { } simdrop && simdrop > 0)
        {
            var radius = Math.Min(1 + (int)Math.Round(simdrop * 8), Math.Min(settings.Width, settings.Height) / 4);
            filters.Add($"noise=alls={(int)Math.Round(simdrop * 40)}:allf=t");
            filters.Add($"boxblur=luma_radius={radius}:luma_power=1:chroma_radius={radius / 2}:chroma_power=1");
        }
        filters.Add("format=yuv420p");
        return string.Join(',', filters);
    }

    private static string Source(RenderSettings settings, ulong prompt, ulong motion)
    {
        var common = $"s={settings.Width}x{settings.Height}:r={settings.Fps}";
        var seed = (uint)motion;
        var (c0, c1, c2) = (Color(prompt, 0), Color(prompt, 24), Color(StableHash.Mix(prompt), 0));
        return (prompt % 5) switch
        {
            0 => $"testsrc2={common}",
            1 => $"mandelbrot={common}:maxiter=200",
            2 => $"cellauto={common}:rule={CellRules[(prompt >> 4) % 8]}:seed={seed},"
                 + $"colorize=hue={(int)(StableHash.Unit(prompt, 40) * 360)}:saturation=0.8:lightness=0.5:mix=0.7",
            3 => $"life={common}:seed={seed}:mold=10:life_color={c0}:death_color={c1}:mold_color={c2}",
            // gradients picks random colours unless all are given, which would break reproducibility.
            _ => $"gradients={common}:seed={seed}:speed={N(0.01 + StableHash.Unit(motion, 8) * 0.04)}:n=3:c0={c0}:c1={c1}:c2={c2}",
        };
    }

    /// <summary>A hue offset for a non-default model and another for a negative prompt, so each shows at a glance.</summary>
    private static double Shift(string model, string? negativePrompt)
    {
        var shift = 0.0;
        if (model != RenderSettings.DefaultModel)
        {
            shift += 30 + StableHash.Of(model) % 300;
        }
        if (negativePrompt is not null)
        {
            shift += 60 + StableHash.Of(negativePrompt) % 120;
        }
        return shift;
    }

    /// <summary>Fewer denoising steps, coarser pixels: 30 or more steps leave the picture alone.</summary>
    private static int PixelSize(int steps) => steps switch
    {
        >= 30 => 1,
        >= 15 => 2,
        >= 8 => 4,
        _ => 8,
    };

    private static string Color(ulong hash, int shift) => $"0x{(hash >> shift) & 0xFFFFFF:X6}";

    private static string Linear(double start, double perSecond) =>
        perSecond < 0 ? $"{N(start)}-{N(-perSecond)}*t" : $"{N(start)}+{N(perSecond)}*t";

    private static string N(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace Platform.Studies;

/// <summary>Videos:MaxUploadBytes and Videos:MaxDurationSeconds.</summary>
public sealed record VideoLimits(long MaxUploadBytes, double MaxDurationSeconds)
{
    public static VideoLimits From(IConfiguration configuration) => new(
        configuration.GetValue("Videos:MaxUploadBytes", 500L * 1024 * 1024),
        configuration.GetValue("Videos:MaxDurationSeconds", 120.0));

    /// <summary>A size for people: "500 MiB", "78.1 KiB", "900 bytes".</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.#} MiB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        _ => $"{bytes} bytes",
    };
}

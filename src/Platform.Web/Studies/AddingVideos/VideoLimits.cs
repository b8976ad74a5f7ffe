namespace Platform.Studies;

/// <summary>Videos:MaxUploadBytes and Videos:MaxDurationSeconds.</summary>
public sealed record VideoLimits(long MaxUploadBytes, double MaxDurationSeconds)
{
    public static VideoLimits From(IConfiguration configuration) => new(
        configuration.GetValue("Videos:MaxUploadBytes", 500L * 1024 * 1024),
        configuration.GetValue("Videos:MaxDurationSeconds", 120.0));
}

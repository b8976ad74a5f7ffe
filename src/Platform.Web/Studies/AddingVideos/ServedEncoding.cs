using System.Globalization;

namespace Platform.Web.Studies;

/// <summary>
/// How every file a participant is served is encoded, so that nothing in its bytes tells the researcher's file or a
/// gold copy apart: no container or stream metadata and no chapters (an upload's title or comment would name its
/// model), no SEI (x264 writes its options string there, which would differ between copies), bit-exact muxing (no
/// library versions or dates), and one H.264 configuration for a video and its gold copies.
/// </summary>
public static class ServedEncoding
{
    /// <summary>Encoder and muxer options shared by the real video and its gold copies.</summary>
    public const string Video = "-map_metadata -1 -map_chapters -1 -c:v libx264 -preset veryfast -profile:v high -pix_fmt yuv420p "
        + "-bsf:v filter_units=remove_types=6 -fflags +bitexact -flags:v +bitexact -movflags +faststart -an";

    /// <summary>The first pass over an upload: constant quality, to find the bitrate its video needs.</summary>
    public const string Quality = "-crf 20";

    /// <summary>A poster frame: no metadata, no encoder comment.</summary>
    public const string Picture = "-map_metadata -1 -fflags +bitexact -flags:v +bitexact";

    /// <summary>
    /// The served video and its gold copies: constant bitrate at the rate the quality pass found, padded with filler,
    /// so that a frozen frame (which costs almost nothing to encode) lands at about the real video's size instead of a
    /// tenth of it, and the three streams share one configuration (HRD parameters, filler) down to their headers.
    /// </summary>
    public static string ConstantBitrate(long bitsPerSecond)
    {
        var rate = Math.Max(bitsPerSecond, 50_000).ToString(CultureInfo.InvariantCulture);
        return $"-b:v {rate} -minrate {rate} -maxrate {rate} -bufsize {rate} -x264-params nal-hrd=cbr:filler=1";
    }
}

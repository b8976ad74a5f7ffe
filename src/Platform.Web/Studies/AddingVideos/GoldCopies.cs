using FFMpegCore;

namespace Platform.Web.Studies;

/// <summary>
/// The degraded copies of a video whose right answer is known, for gold trials. Frozen: the first frame held for the
/// whole duration, set against the real video in pairwise gold. Corrupted: pixels shuffled in 8×8 blocks, strong moving
/// noise and inverted colours, an unmistakable failure for a rating gold whatever the success criterion. Both are
/// encoded as the real video is (<see cref="ServedEncoding"/>), at its bitrate, so their bytes do not give them away.
/// </summary>
public static class GoldCopies
{
    public const string FrozenFilter = "-vf loop=loop=-1:size=1:start=0";

    public const string CorruptedFilter = "-vf shufflepixels=m=block:w=8:h=8:s=1,noise=alls=100:allf=t+u,negate";

    /// <param name="normalised">The served video: the copy takes its first frame, and with it its size and colour tags.</param>
    public static FFMpegArgumentProcessor Frozen(VideoTools tools, string normalised, string output, TimeSpan duration, long bitsPerSecond) =>
        tools.Input(normalised)
            .OutputToFile(output, overwrite: true, o => o
                .WithCustomArgument(FrozenFilter)
                .WithDuration(duration)
                .WithCustomArgument(ServedEncoding.Video)
                .WithCustomArgument(ServedEncoding.ConstantBitrate(bitsPerSecond))
                .WithCustomArgument(tools.Threads));

    /// <param name="normalised">The web-playable video: even dimensions, so the copy keeps its size.</param>
    public static FFMpegArgumentProcessor Corrupted(VideoTools tools, string normalised, string output, long bitsPerSecond) =>
        tools.Input(normalised)
            .OutputToFile(output, overwrite: true, o => o
                .WithCustomArgument(CorruptedFilter)
                .WithCustomArgument(ServedEncoding.Video)
                .WithCustomArgument(ServedEncoding.ConstantBitrate(bitsPerSecond))
                .WithCustomArgument(tools.Threads));
}

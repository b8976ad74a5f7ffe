using FFMpegCore;

namespace Platform.Web.Studies;

/// <summary>
/// What is made from the served video once it is encoded: its poster frame and the degraded copies whose right answer is
/// known, for gold trials. Frozen: the first frame held for the whole duration, set against the real video in pairwise
/// gold. Corrupted: pixels shuffled in 8×8 blocks, strong moving noise and inverted colours, an unmistakable failure for a
/// rating gold whatever the success criterion. Both are encoded as the real video is (<see cref="ServedEncoding"/>), at
/// its bitrate, so their bytes do not give them away. The three come from one ffmpeg run, which reads the video once.
/// </summary>
public static class GoldCopies
{
    /// <summary>The first frame, then the end of the input (read to its end, not held in memory), looped without end.</summary>
    public const string FrozenFilter = "-vf trim=end_frame=1,loop=loop=-1:size=1:start=0";

    public const string CorruptedFilter = "-vf shufflepixels=m=block:w=8:h=8:s=1,noise=alls=100:allf=t+u,negate";

    public const string PosterQuality = "-q:v 3";

    /// <param name="normalised">The served video: the poster and the copies take its size and colour tags (even dimensions).</param>
    /// <param name="duration">The served video's: the frozen copy lasts as long.</param>
    public static FFMpegArgumentProcessor Make(VideoTools tools, string normalised, GoldFiles files, TimeSpan duration, long bitsPerSecond) =>
        tools.Input(normalised).OutputToMany(outputs => outputs
            .OutputToFile(files.Poster, overwrite: true, o => o
                .WithFrameCount(1)
                .WithCustomArgument(PosterQuality)
                .WithCustomArgument(ServedEncoding.Picture)
                .WithCustomArgument(tools.Threads))
            .OutputToFile(files.Frozen, overwrite: true, o => o
                .WithCustomArgument(FrozenFilter)
                .WithDuration(duration)
                .WithCustomArgument(ServedEncoding.Video)
                .WithCustomArgument(ServedEncoding.ConstantBitrate(bitsPerSecond))
                .WithCustomArgument(tools.Threads))
            .OutputToFile(files.Corrupted, overwrite: true, o => o
                .WithCustomArgument(CorruptedFilter)
                .WithCustomArgument(ServedEncoding.Video)
                .WithCustomArgument(ServedEncoding.ConstantBitrate(bitsPerSecond))
                .WithCustomArgument(tools.Threads)));
}

/// <summary>Where the poster frame and the gold copies of one video are written.</summary>
public sealed record GoldFiles(string Poster, string Frozen, string Corrupted)
{
    public static GoldFiles In(string work) =>
        new(Path.Combine(work, "poster.jpg"), Path.Combine(work, "frozen.mp4"), Path.Combine(work, "corrupted.mp4"));
}

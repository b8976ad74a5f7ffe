namespace Platform.Web.Hosting;

/// <summary>The data directory (Storage:DataDirectory, relative to the working directory) and its parts.</summary>
public sealed class Storage
{
    public Storage(IConfiguration configuration)
    {
        Root = Path.GetFullPath(configuration["Storage:DataDirectory"] is { Length: > 0 } dir ? dir : ".data");
        Media = Directory.CreateDirectory(Path.Combine(Root, "media")).FullName;
        Uploads = Directory.CreateDirectory(Path.Combine(Root, "uploads")).FullName;
    }

    public string Root { get; }

    /// <summary>Content-addressed files: media/ab/abcdef….ext.</summary>
    public string Media { get; }

    /// <summary>Uploads waiting to be processed, and scratch space for ffmpeg.</summary>
    public string Uploads { get; }
}

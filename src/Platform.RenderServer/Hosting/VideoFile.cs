namespace Platform.RenderServer.Hosting;

/// <summary>Sends a rendered MP4, or, with the truncateContent fault on, a download that breaks halfway.</summary>
public static class VideoFile
{
    public const string ContentType = "video/mp4";

    public static IResult Send(string path, bool truncate) => !File.Exists(path)
        ? Results.NotFound()
        : truncate
            ? new TruncatedResult(path)
            : TypedResults.PhysicalFile(path, ContentType, enableRangeProcessing: true);

    /// <summary>Announces the full length, sends half, then aborts the connection: what a client sees when a server dies mid-download.</summary>
    private sealed class TruncatedResult(string path) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var bytes = await File.ReadAllBytesAsync(path, httpContext.RequestAborted);
            var response = httpContext.Response;
            response.ContentType = ContentType;
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), httpContext.RequestAborted);
            await response.Body.FlushAsync(httpContext.RequestAborted);
            // Give the flushed half time to reach the client before the reset.
            await Task.Delay(TimeSpan.FromMilliseconds(100), httpContext.RequestAborted);
            httpContext.Abort();
        }
    }
}

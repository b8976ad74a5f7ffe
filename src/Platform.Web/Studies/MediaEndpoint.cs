using Marten;
using Microsoft.Net.Http.Headers;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace Platform.Web.Studies;

public static class MediaEndpoint
{
    /// <summary>
    /// Every file's Last-Modified: one date for all, since when a file was made (a researcher uploads one condition's
    /// videos, then the next) would group videos by condition. A file under an id never changes, so none is stale.
    /// </summary>
    public static readonly DateTimeOffset LastModified = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Streams stored media with byte ranges (206), ETag and If-Range, for anyone holding the opaque id (GET and HEAD).
    /// The validators say nothing about the file: the ETag is its id (a file under an id never changes), not its hash,
    /// which would link the same upload across studies, and Last-Modified is one date for every file.
    /// </summary>
    public static void MapMedia(this IEndpointRouteBuilder app) =>
        app.MapMethods("/media/{id}", [HttpMethods.Get, HttpMethods.Head], async (string id, IDocumentStore store, MediaStore media, HttpContext http) =>
            {
                await using var session = store.QuerySession();
                var file = await session.LoadAsync<MediaFile>(id, http.RequestAborted);
                if (file is null || !File.Exists(media.PathOf(file))) return HttpResults.NotFound();
                http.Response.Headers.CacheControl = "private, max-age=86400";
                return HttpResults.File(media.PathOf(file), file.ContentType, enableRangeProcessing: true,
                    lastModified: LastModified, entityTag: new EntityTagHeaderValue($"\"{id}\""));
            })
            .AllowAnonymous()
            .WithTags("Media")
            .WithSummary("A stored video or poster, by its opaque id; supports byte ranges");
}

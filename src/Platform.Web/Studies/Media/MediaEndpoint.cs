using HttpResults = Microsoft.AspNetCore.Http.Results;
using Marten;
using Microsoft.Net.Http.Headers;

namespace Platform.Studies;

public static class MediaEndpoint
{
    /// <summary>Streams stored media with byte ranges (206), ETag and If-Range, for anyone holding the opaque id.</summary>
    public static void MapMedia(this IEndpointRouteBuilder app) =>
        app.MapGet("/media/{id}", async (string id, IDocumentStore store, MediaStore media, HttpContext http) =>
            {
                await using var session = store.QuerySession();
                var file = await session.LoadAsync<MediaFile>(id, http.RequestAborted);
                if (file is null || !File.Exists(media.PathOf(file))) return HttpResults.NotFound();
                http.Response.Headers.CacheControl = "private, max-age=86400";
                return HttpResults.File(media.PathOf(file), file.ContentType, enableRangeProcessing: true,
                    entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
            })
            .AllowAnonymous()
            .WithTags("Media")
            .WithSummary("A stored video or poster, by its opaque id; supports byte ranges");
}

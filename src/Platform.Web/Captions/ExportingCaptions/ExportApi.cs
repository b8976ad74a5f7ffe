using System.Text;
using Platform.Common;
using Platform.Web.Accounts;

namespace Platform.Web.Captions;

public static class ExportApi
{
    public static void MapCaptionExport(this WebApplication app) =>
        app.MapGet("/api/captions/export", ExportAsync)
            .RequireAuthorization(Policies.Researcher)
            .WithTags("Captions")
            .WithSummary("Captions for training, one record per video: video, sha256, caption, genericCaption, tags, specialTags, renderParameters, revisionId");

    private static async Task ExportAsync(string? status, string? format, CaptionExport export, IConfiguration configuration, HttpContext http)
    {
        var kind = (format ?? "jsonl").ToLowerInvariant();
        if (kind is not ("jsonl" or "csv")) throw new DomainException("Use format=jsonl or format=csv.");
        // Captions:PublicBaseUrl names the platform as training machines reach it (behind a proxy, say).
        var site = configuration["Captions:PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var records = await export.RecordsAsync(status ?? "accepted", site + "/media/", http.RequestAborted);
        http.Response.ContentType = (kind == "csv" ? "text/csv" : "application/x-ndjson") + "; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"captions.{kind}\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false));
        if (kind == "csv") await CaptionExport.WriteCsvAsync(records, writer, http.RequestAborted);
        else await CaptionExport.WriteJsonLinesAsync(records, writer);
        await writer.FlushAsync(http.RequestAborted);
    }
}

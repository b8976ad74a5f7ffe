namespace Platform.Web.Results;

/// <summary>How an import's CSV arrives (judgments, metrics): a multipart field named file, or the whole body.</summary>
public static class ImportFiles
{
    public const long MaxBytes = 100L * 1024 * 1024;

    public static async Task<(string FileName, Stream Content)> ReadAsync(HttpRequest request)
    {
        if (!request.HasFormContentType) return ("upload.csv", request.Body);
        var form = await Hosting.MultipartForms.ReadAsync(request, "Nothing was imported");
        var file = form.Files.GetFile("file") ?? throw new Common.DomainException("Send the CSV as a multipart field named 'file', or as a text/csv body.");
        return (file.FileName, file.OpenReadStream());
    }
}

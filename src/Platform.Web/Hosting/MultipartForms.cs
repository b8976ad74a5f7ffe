using Platform.Common;

namespace Platform.Hosting;

public static class MultipartForms
{
    /// <summary>Reads a multipart form; a body that cannot be read is a readable 422, not a 500.</summary>
    public static async Task<IFormCollection> ReadAsync(HttpRequest request, string refusal)
    {
        try
        {
            return await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            throw new DomainException($"{refusal}: the multipart body could not be read ({e.Message}).", DomainError.Unprocessable);
        }
    }
}

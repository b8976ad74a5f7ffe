using Platform.Common;

namespace Platform.Web.Hosting;

public static class MultipartForms
{
    /// <summary>The longest file name a form may send.</summary>
    public const int MaxFileName = 255;

    /// <summary>Reads a multipart form; a body that cannot be read is a readable 422, not a 500.</summary>
    public static async Task<IFormCollection> ReadAsync(HttpRequest request, string refusal)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            throw new DomainException($"{refusal}: the multipart body could not be read ({e.Message}).", DomainError.Unprocessable);
        }
        Check(form);
        return form;
    }

    /// <summary>
    /// The rules JSON bodies follow, for a form: no field, value or file name with control or bidirectional override
    /// characters, values up to <see cref="Limits.Text"/> characters, file names up to <see cref="MaxFileName"/>. A 400
    /// naming the field, before anything is stored.
    /// </summary>
    public static void Check(IFormCollection form)
    {
        foreach (var (name, values) in form)
        {
            if (SafeText.HasForbidden(name) || values.Any(SafeText.HasForbidden))
                throw new DomainException($"{SafeText.Problem} Field: {Visible(name)}.");
            if (values.Any(v => v?.Length > Limits.Text))
                throw new DomainException($"{Limits.Problem} Field: {Visible(name)} takes at most {Limits.Text} characters.");
        }
        foreach (var file in form.Files)
            if (SafeText.HasForbidden(file.FileName) || SafeText.HasForbidden(file.Name) || file.FileName.Length > MaxFileName)
                throw new DomainException($"A file name has at most {MaxFileName} characters and no control or bidirectional override characters. Field: {Visible(file.Name)}.");
    }

    /// <summary>An endpoint filter for endpoints that bind their form's fields: checked before the handler runs.</summary>
    public static async ValueTask<object?> CheckForm(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.Request.HasFormContentType)
            Check(await context.HttpContext.Request.ReadFormAsync(context.HttpContext.RequestAborted));
        return await next(context);
    }

    private static string Visible(string name) => new(name.Where(c => !SafeText.IsForbidden(c)).Take(100).ToArray());
}

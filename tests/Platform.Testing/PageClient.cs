using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Testing;

/// <summary>Visits pages the way a browser does: signed in by the sign-in form, with its cookie, redirects not followed.</summary>
public static partial class PageClient
{
    public static async Task<HttpClient> SignedInWithCookieAsync(this PlatformFactory factory, string email, string password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/signin");
        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(form).Groups["token"].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        // A successful sign-in sets the cookie and redirects; a refused one renders the form again with a 200.
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new HttpRequestException($"Signing in as {email} gave {(int)response.StatusCode} instead of a redirect.");
        return client;
    }

    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*value="(?<token>[^"]+)""")]
    private static partial Regex AntiforgeryField();
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Testing;

/// <summary>
/// A browser whose cookies the test holds itself, so it can copy them into another client. Its requests say
/// <c>Sec-Fetch-Site: same-origin</c>, as a browser's do from the site's own pages, unless a request says otherwise.
/// </summary>
public sealed partial class CookieBrowser(PlatformFactory factory, Dictionary<string, string> cookies)
{
    public const string UserAgent = "PlatformTests/1.0 (a browser)";

    private readonly HttpClient _client = Create(factory);

    public static async Task<CookieBrowser> SignInAsync(PlatformFactory factory, string email, string password)
    {
        var browser = new CookieBrowser(factory, []);
        var form = await browser.GetFormTokenAsync("/signin");
        var response = await browser.PostAsync("/signin", new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = form,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new HttpRequestException($"Signing in as {email} gave {(int)response.StatusCode} instead of a redirect.");
        return browser;
    }

    public CookieBrowser Copy() => new(factory, new Dictionary<string, string>(cookies));

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public async Task<HttpResponseMessage> SignOutAsync() =>
        await PostAsync("/signout", new Dictionary<string, string> { ["__RequestVerificationToken"] = await GetFormTokenAsync("/account") });

    /// <summary>The antiforgery token of a page's form, as a browser would post it back.</summary>
    public async Task<string> GetFormTokenAsync(string page)
    {
        var html = await (await GetAsync(page)).Content.ReadAsStringAsync();
        return WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups["token"].Value);
    }

    public Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> form) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) });

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (cookies.Count > 0)
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        if (!request.Headers.Contains("Sec-Fetch-Site")) request.Headers.Add("Sec-Fetch-Site", "same-origin");
        var response = await _client.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0].Split('=', 2);
            if (header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) cookies.Remove(pair[0]);
            else cookies[pair[0]] = pair[1];
        }
        return response;
    }

    private static HttpClient Create(PlatformFactory factory)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        return client;
    }

    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*value="(?<token>[^"]+)""")]
    private static partial Regex AntiforgeryField();
}

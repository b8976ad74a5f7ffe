using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;
using Platform.Testing;

namespace Platform.Tests.Hosting;

/// <summary>Signs in through the form with a client that keeps no cookies of its own, so the cookies as set can be read.</summary>
internal static partial class SignInCookies
{
    /// <returns>The antiforgery cookie the form set, and the sign-in cookie the post set.</returns>
    public static async Task<(SetCookieHeaderValue Antiforgery, SetCookieHeaderValue SignedIn)> SignInAsync(HttpClient client)
    {
        var form = await client.GetAsync("/signin");
        var antiforgery = SetCookies(form).Single(c => c.Name.Value!.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "signin",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenField().Match(await form.Content.ReadAsStringAsync()).Groups["token"].Value),
                ["Input.Email"] = PlatformFactory.AdminEmail,
                ["Input.Password"] = PlatformFactory.AdminPassword,
            }),
        };
        post.Headers.Add(HeaderNames.Cookie, $"{antiforgery.Name}={antiforgery.Value}");

        var signedIn = await client.SendAsync(post);

        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect, "a successful sign-in redirects");
        return (antiforgery, SetCookies(signedIn).Single(c => c.Name == "platform.auth"));
    }

    private static IList<SetCookieHeaderValue> SetCookies(HttpResponseMessage response) =>
        SetCookieHeaderValue.ParseList(response.Headers.TryGetValues(HeaderNames.SetCookie, out var values) ? [.. values] : []);

    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*value="(?<token>[^"]+)""")]
    private static partial Regex TokenField();
}

using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Platform.Testing;

namespace Platform.Tests.Hosting;

/// <summary>
/// Behind a reverse proxy: X-Forwarded-For and X-Forwarded-Proto count only from a configured proxy. Over a real
/// socket from 127.0.0.1, with two requests a minute per participant address.
/// </summary>
public sealed class ProxiesTests
{
    private const string Limited = "/api/sessions/no-such-session/next";

    [Theory]
    [InlineData("Proxy:KnownProxies", "192.0.2.7, 127.0.0.1")]
    [InlineData("Proxy:KnownNetworks:0", "127.0.0.0/8")]
    public async Task Behind_a_known_proxy_each_client_has_its_own_rate_limit_and_https_at_the_proxy_makes_the_cookies_Secure(string key, string value)
    {
        await using var factory = await StartAsync(new() { [key] = value });
        using var client = Client(factory);
        using var https = Client(factory, forwardedProto: "https");

        var first = await CountAsync(client, "203.0.113.1", 3);
        var second = await CountAsync(client, "203.0.113.2", 1);
        var (antiforgery, signedIn) = await SignInCookies.SignInAsync(https);

        first.Should().Equal(HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests);
        second.Should().Equal([HttpStatusCode.NotFound], "another client behind the proxy has a limit of its own");
        (antiforgery.Secure, signedIn.Secure).Should().Be((true, true), "the browser spoke https to the proxy");
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("Proxy:KnownProxies:0", "192.0.2.7")]
    public async Task Forwarded_headers_from_anyone_but_a_known_proxy_are_ignored(string? key, string? value)
    {
        await using var factory = await StartAsync(key is null ? [] : new() { [key] = value });
        using var client = Client(factory);
        using var https = Client(factory, forwardedProto: "https");

        var first = await CountAsync(client, "203.0.113.1", 2);
        var second = await CountAsync(client, "203.0.113.2", 1);
        var (antiforgery, signedIn) = await SignInCookies.SignInAsync(https);

        first.Should().Equal(HttpStatusCode.NotFound, HttpStatusCode.NotFound);
        second.Should().Equal([HttpStatusCode.TooManyRequests], "every request came from one address, whatever it claimed");
        (antiforgery.Secure, signedIn.Secure).Should().Be((false, false), "the request itself was plain http");
    }

    private static async Task<PlatformFactory> StartAsync(Dictionary<string, string?> settings)
    {
        settings["Voting:RequestsPerClientPerMinute"] = "2";
        var factory = new PlatformFactory(await TestDatabase.CreateAsync("proxies"), settings);
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    /// <summary>A client of the real socket, on 127.0.0.1 (not ::1) whatever the server listens on.</summary>
    private static HttpClient Client(PlatformFactory factory, string? forwardedProto = null)
    {
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        if (forwardedProto is not null) client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        return client;
    }

    private static async Task<List<HttpStatusCode>> CountAsync(HttpClient client, string forwardedFor, int requests)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < requests; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Limited);
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }
        return statuses;
    }
}

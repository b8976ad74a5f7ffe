using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Platform.Web.Hosting;

/// <summary>
/// A reverse proxy in front of the platform: X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies
/// and networks listed under <c>Proxy:</c>, so the rate limits see each client's own address and
/// <see cref="HttpRequest.IsHttps"/> (and with it the cookies' Secure flag) the scheme the browser used. Off unless
/// configured: a forwarded header from anyone else is ignored.
/// </summary>
public static class Proxies
{
    public static IServiceCollection AddProxies(this IServiceCollection services) =>
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            var trusted = Trusted.From(configuration);
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = configuration.GetValue("Proxy:ForwardLimit", 1);
            // Enabled with nothing listed keeps ASP.NET's default: a proxy on this machine (loopback).
            if (trusted.Proxies.Count + trusted.Networks.Count == 0) return;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in trusted.Proxies) o.KnownProxies.Add(proxy);
            foreach (var network in trusted.Networks) o.KnownIPNetworks.Add(network);
        }).Services;

    /// <summary>First in the pipeline, so everything after it sees the client's address and scheme.</summary>
    public static WebApplication UseProxies(this WebApplication app)
    {
        if (Trusted.From(app.Configuration).Enabled) app.UseForwardedHeaders();
        return app;
    }

    /// <param name="Enabled">Proxy:Enabled, by default whether any proxy or network is listed.</param>
    private sealed record Trusted(IReadOnlyList<IPAddress> Proxies, IReadOnlyList<System.Net.IPNetwork> Networks, bool Enabled)
    {
        public static Trusted From(IConfiguration configuration)
        {
            var proxies = Parse(configuration, "Proxy:KnownProxies", IPAddress.Parse);
            var networks = Parse(configuration, "Proxy:KnownNetworks", s => System.Net.IPNetwork.Parse(s));
            return new Trusted(proxies, networks, configuration.GetValue<bool?>("Proxy:Enabled") ?? proxies.Count + networks.Count > 0);
        }

        /// <summary>A list (<c>key:0</c>, <c>key:1</c>, …) or one value separated by commas (handy in an environment variable).</summary>
        private static List<T> Parse<T>(IConfiguration configuration, string key, Func<string, T> parse)
        {
            var section = configuration.GetSection(key);
            var values = string.IsNullOrWhiteSpace(section.Value) ? section.GetChildren().Select(c => c.Value) : section.Value.Split(',');
            return [.. values.OfType<string>().Where(v => !string.IsNullOrWhiteSpace(v)).Select(v =>
            {
                try { return parse(v.Trim()); }
                catch (FormatException e) { throw new InvalidOperationException($"{key} holds '{v}', which is not an address or network: {e.Message}", e); }
            })];
        }
    }
}

using System.Net;
using System.Net.Http.Headers;

namespace Platform.Web.Generation.Protocols;

/// <summary>HTTP details both protocols share: authentication, back-pressure, refusals, length-checked downloads.</summary>
public static class Http
{
    public const string ClientName = "inference-servers";

    public static HttpRequestMessage Request(HttpMethod method, ServerConnection server, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, new Uri(server.Settings.BaseUrl.TrimEnd('/') + path)) { Content = content };
        if (server.ApiKey is { Length: > 0 } key) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }

    /// <summary>Throws <see cref="ServerBusyException"/> for back-pressure, <see cref="ServerRefusedException"/> for a refusal.</summary>
    public static async Task EnsureAcceptedAsync(HttpResponseMessage response, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await BodyAsync(response, cancellationToken);
        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.Conflict)
            throw new ServerBusyException($"The server is busy ({(int)response.StatusCode}{(body.Length > 0 ? ": " + body : "")}).", RetryAfter(response, clock));
        if ((int)response.StatusCode is >= 400 and < 500)
            throw new ServerRefusedException($"The server refused the job ({(int)response.StatusCode}{(body.Length > 0 ? ": " + body : "")}).");
        throw new HttpRequestException($"The server failed ({(int)response.StatusCode}{(body.Length > 0 ? ": " + body : "")}).", null, response.StatusCode);
    }

    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock)
    {
        var retry = response.Headers.RetryAfter;
        if (retry?.Delta is { } delta) return delta;
        if (retry?.Date is { } date) return date - clock.GetUtcNow() is { Ticks: > 0 } wait ? wait : TimeSpan.Zero;
        return null;
    }

    /// <summary>
    /// Streams the body to a temporary file beside <paramref name="path"/>, checks its length against what was
    /// announced and against <paramref name="maxBytes"/> (a server cannot fill the disk), then renames it.
    /// </summary>
    public static async Task SaveAsync(HttpResponseMessage response, string path, long maxBytes, CancellationToken cancellationToken)
    {
        var partial = path + ".part";
        try
        {
            if (response.Content.Headers.ContentLength > maxBytes)
                throw new DownloadException($"The video has {response.Content.Headers.ContentLength} bytes; at most {maxBytes} are accepted.");
            long written = 0;
            await using (var file = File.Create(partial))
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                var buffer = new byte[81920];
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    written += read;
                    if (written > maxBytes) throw new DownloadException($"The video is larger than the {maxBytes} bytes accepted.");
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            if (response.Content.Headers.ContentLength is { } expected && written != expected)
                throw new DownloadException($"The download was cut short: {written} of {expected} bytes arrived.");
            if (written == 0) throw new DownloadException("The server sent an empty file.");
            File.Move(partial, path, overwrite: true);
        }
        catch (Exception e) when (e is HttpRequestException or IOException && e is not DownloadException)
        {
            File.Delete(partial);
            throw new DownloadException($"The download was cut short: {e.Message}", e);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    private static async Task<string> BodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}

/// <summary>A video could not be fetched whole; nothing of it is kept.</summary>
public sealed class DownloadException(string message, Exception? inner = null) : IOException(message, inner);

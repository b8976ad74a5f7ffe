using System.Net.Http.Headers;
using Platform.RenderServer.Tests.Support;

namespace Platform.RenderServer.Tests.Hosting;

public sealed class ApiKeyTests
{
    [Theory]
    [InlineData("GET", "/v1/models")]
    [InlineData("POST", "/v1/videos")]
    [InlineData("GET", "/system_stats")]
    [InlineData("POST", "/prompt")]
    [InlineData("GET", "/queue")]
    public async Task With_an_api_key_set_requests_need_the_bearer_token(string method, string path)
    {
        await using var server = await RunningServer.StartAsync(o => o.ApiKey = "s3cret");

        using var anonymous = await SendAsync(server, method, path, token: null);
        using var wrong = await SendAsync(server, method, path, token: "guess");
        using var right = await SendAsync(server, method, path, token: "s3cret");

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("message").GetString().Should().NotBeNullOrWhiteSpace();
        ((int)right.StatusCode).Should().BeInRange(200, 201);
    }

    [Fact]
    public async Task Health_and_admin_stay_open_when_an_api_key_is_set()
    {
        await using var server = await RunningServer.StartAsync(o => o.ApiKey = "s3cret");

        (await server.Client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await server.Client.GetAsync("/admin/stats")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await server.Client.GetAsync("/admin/faults")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task<HttpResponseMessage> SendAsync(RunningServer server, string method, string path, string? token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = path == "/prompt"
                ? JsonContent.Create(Workflows.Request(Workflows.HunyuanTextToVideo("a quiet street")))
                : JsonContent.Create(Videos.Tiny("a quiet street"));
        }
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await server.Client.SendAsync(request);
    }
}

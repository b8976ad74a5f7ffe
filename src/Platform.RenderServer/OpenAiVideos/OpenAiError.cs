namespace Platform.RenderServer.OpenAiVideos;

/// <summary>OpenAI's error envelope: { "error": { "message", "type", "param", "code" } }.</summary>
public static class OpenAiError
{
    public static IResult BadRequest(string message) =>
        Results.Json(Body(message, "invalid_request_error"), statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string id) =>
        Results.Json(Body($"No video with id '{id}'.", "not_found"), statusCode: StatusCodes.Status404NotFound);

    private static object Body(string message, string type) =>
        new { error = new { message, type, param = (string?)null, code = (string?)null } };
}

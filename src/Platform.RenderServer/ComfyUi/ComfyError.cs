namespace Platform.RenderServer.ComfyUi;

/// <summary>ComfyUI's validation error envelope for POST /prompt.</summary>
public static class ComfyError
{
    public static IResult BadRequest(string type, string message, string details = "") => Results.Json(
        new { error = new { type, message, details, extra_info = new { } }, node_errors = new { } },
        statusCode: StatusCodes.Status400BadRequest);
}

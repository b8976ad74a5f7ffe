using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Platform.Common;

namespace Platform.Web.Hosting;

/// <summary>
/// <see cref="Limits"/> applied to every request: a body size per endpoint (413 beyond it, before it is read), and
/// every string and list of a JSON body bounded — by its field's <c>[MaxLength]</c>, or else by the general limits —
/// with a 400 naming the field.
/// </summary>
public static class RequestLimits
{
    /// <summary>Checks each deserialised object's lists and strings against their field's limit.</summary>
    public static void Bound(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        var bounded = type.Properties.Where(p => p.Get is not null && (p.PropertyType == typeof(string) || IsList(p.PropertyType)))
            .Select(p => (Property: p, Max: MaxOf(p))).ToList();
        if (bounded.Count == 0) return;
        var earlier = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            earlier?.Invoke(value);
            foreach (var (property, max) in bounded)
            {
                var length = property.Get!(value) switch
                {
                    string text => text.Length,
                    ICollection list => list.Count,
                    _ => 0,
                };
                if (length > max)
                    throw new JsonException($"{Limits.Problem} Field: {property.Name} takes at most {max} {(property.PropertyType == typeof(string) ? "characters" : "items")}; it has {length}.");
            }
        };
    }

    /// <summary>
    /// Before routing hands the request to its endpoint: a body longer than the endpoint takes is refused with 413 at
    /// once when its length is declared, and cut off when it is streamed. Endpoints declare larger limits with
    /// <c>RequestSizeLimit</c> metadata (uploads, imports); participants' endpoints take <see cref="Limits.ParticipantBody"/>.
    /// </summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var query = http.Request.QueryString.Value ?? string.Empty;
        if (query.Length > Limits.Query || SafeText.HasForbidden(Uri.UnescapeDataString(query)))
        {
            await Microsoft.AspNetCore.Http.Results.Problem(
                $"The query string may have at most {Limits.Query} characters, none of them control or bidirectional override characters.",
                statusCode: StatusCodes.Status400BadRequest, title: "Query string refused").ExecuteAsync(http);
            return;
        }
        var endpoint = http.GetEndpoint();
        var limit = endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? (endpoint?.Metadata.GetMetadata<ParticipantEndpoint>() is not null ? Limits.ParticipantBody : Limits.Body);
        if (http.Request.ContentLength > limit)
        {
            await Microsoft.AspNetCore.Http.Results.Problem($"The request body may have at most {limit} bytes here.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large").ExecuteAsync(http);
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;
        await next(http);
    });

    private static int MaxOf(JsonPropertyInfo property)
    {
        var declared = property.AttributeProvider?.GetCustomAttributes(typeof(MaxLengthAttribute), inherit: true).OfType<MaxLengthAttribute>().FirstOrDefault();
        return declared?.Length ?? (property.PropertyType == typeof(string) ? Limits.Text : Limits.List);
    }

    private static bool IsList(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);
}

/// <summary>Marks the endpoints anonymous participants call: their bodies are small (<see cref="Limits.ParticipantBody"/>).</summary>
public sealed class ParticipantEndpoint;

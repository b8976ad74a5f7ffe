using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Common;

namespace Platform.Web.Hosting;

/// <summary>
/// Every string read from an API body, values and property names alike, refused when it holds a character no field
/// takes (<see cref="SafeText"/>) or is longer than any field takes (<see cref="Limits.Text"/>): a 400 naming the field, before anything is stored (PostgreSQL would answer NUL with an error).
/// </summary>
public sealed class SafeStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string? Checked(string? value) =>
        SafeText.HasForbidden(value) ? throw new JsonException(SafeText.Problem)
        : value is { Length: > Limits.Text } ? throw new JsonException($"{Limits.Problem} Any text takes at most {Limits.Text} characters; this one has {value.Length}.")
        : value;
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.Configuration.Attributes;
using Marten;
using Platform.Captions;
using Platform.Common;

namespace Platform.Web.Captions;

/// <summary>
/// One record per video for training pipelines: JSONL (the <c>video</c> and <c>caption</c> keys common fine-tuning
/// scripts read) or CSV. Ordered by SHA-256 and free of timestamps, so the same catalog exports the same bytes.
/// </summary>
public sealed class CaptionExport(IDocumentStore store)
{
    public sealed record Record(
        string Video, string Sha256, string Caption, string GenericCaption, ElementTags Tags, IReadOnlyList<string> SpecialTags,
        RenderParameters RenderParameters, Guid RevisionId);

    private sealed record Line(
        [property: Name("video")] string Video,
        [property: Name("sha256")] string Sha256,
        [property: Name("caption")] string Caption,
        [property: Name("genericCaption")] string GenericCaption,
        [property: Name("tags")] string Tags,
        [property: Name("specialTags")] string SpecialTags,
        [property: Name("renderParameters")] string RenderParameters,
        [property: Name("revisionId")] Guid RevisionId);

    private static readonly JsonSerializerOptions Json = new(SidecarReader.Json)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="mediaBase">Absolute URL prefix of /media/ (the videos are served there).</param>
    public async Task<IReadOnlyList<Record>> RecordsAsync(string status, string mediaBase, CancellationToken cancellationToken)
    {
        // "in-progress" as the API writes it, or "InProgress"; never a number.
        if (!Enum.TryParse<CaptionStatus>(status.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var wanted)
            || !Enum.IsDefined(wanted) || status.Any(char.IsAsciiDigit))
            throw new DomainException($"'{status}' is not a caption status; use one of: {string.Join(", ", Enum.GetNames<CaptionStatus>().Select(n => n.ToLowerInvariant()))}.");
        await using var session = store.QuerySession();
        // "accepted" means having a caption of record, even while a newer revision is being worked on.
        var videos = wanted == CaptionStatus.Accepted
            ? await session.Query<SyntheticVideo>().Where(v => v.AcceptedRevisionId != null).ToListAsync(cancellationToken)
            : await session.Query<SyntheticVideo>().Where(v => v.Status == wanted).ToListAsync(cancellationToken);
        return [.. videos.OrderBy(v => v.Sha256, StringComparer.Ordinal).Select(v =>
        {
            var revision = wanted == CaptionStatus.Accepted ? v.Accepted! : v.Latest!;
            return new Record(mediaBase + v.MediaId, v.Sha256, revision.Text, v.GenericCaption, revision.Tags, v.SpecialTags, v.Sidecar.RenderParameters, revision.Id);
        })];
    }

    public static async Task WriteJsonLinesAsync(IEnumerable<Record> records, TextWriter writer)
    {
        foreach (var record in records)
        {
            await writer.WriteAsync(JsonSerializer.Serialize(record, Json));
            await writer.WriteAsync('\n');
        }
    }

    public static async Task WriteCsvAsync(IEnumerable<Record> records, TextWriter writer, CancellationToken cancellationToken)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
        await using var csv = new CsvWriter(writer, configuration, leaveOpen: true);
        await csv.WriteRecordsAsync(records.Select(r => new Line(r.Video, r.Sha256, r.Caption, r.GenericCaption,
            JsonSerializer.Serialize(r.Tags, Json), string.Join(" ", r.SpecialTags), JsonSerializer.Serialize(r.RenderParameters, Json), r.RevisionId)), cancellationToken);
    }
}

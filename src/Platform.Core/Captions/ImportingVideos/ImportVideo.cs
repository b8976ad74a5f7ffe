using Platform.Common;

namespace Platform.Captions;

/// <param name="MediaId">The stored original (served at /media/{id}); <paramref name="PosterId"/> its first frame.</param>
public sealed record SyntheticVideoImported(Guid VideoId, string Sha256, string FileName, long Bytes, string MediaId, string PosterId, Sidecar Sidecar, Guid By, DateTimeOffset At);

/// <summary>The draft composed from the video's tags and render parameters when it was imported.</summary>
public sealed record CaptionDrafted(Guid VideoId, Guid RevisionId, string Text, string GenericText, ElementTags Tags, IReadOnlyList<string> SpecialTags, Guid By, DateTimeOffset At);

public sealed record ImportVideo(Guid VideoId, string Sha256, string FileName, long Bytes, string MediaId, string PosterId, Sidecar Sidecar, Guid By);

public static class ImportingVideo
{
    /// <summary>The import and the composed draft (revision 1) of a new catalog entry.</summary>
    public static object[] Handle(ImportVideo command, string fineGrained, string generic, IReadOnlyList<string> specialTags, DateTimeOffset now)
    {
        if (command.Sha256.Length != 64)
            throw new DomainException("A video is identified by its SHA-256 (64 hex digits).", DomainError.Invalid);
        var name = Path.GetFileName(command.FileName ?? "");
        if (name.Length == 0)
            throw new DomainException("The video needs a file name.", DomainError.Unprocessable);
        return
        [
            new SyntheticVideoImported(command.VideoId, command.Sha256, name, command.Bytes, command.MediaId, command.PosterId, command.Sidecar, command.By, now),
            new CaptionDrafted(command.VideoId, Common.StableId.From("composed", command.VideoId), fineGrained, generic, command.Sidecar.Tags, specialTags, command.By, now),
        ];
    }
}

using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Platform.Captions;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffPart(DiffKind Kind, string Text);

/// <summary>Word by word differences between two caption texts (DiffPlex), for the editor's diff views.</summary>
public static class CaptionDiff
{
    public static IReadOnlyList<DiffPart> Between(string before, string after)
    {
        var model = new InlineDiffBuilder(new Differ()).BuildDiffModel(before, after, false, false, new WordChunker());
        var parts = new List<DiffPart>();
        foreach (var piece in model.Lines)
        {
            var kind = piece.Type switch
            {
                ChangeType.Inserted => DiffKind.Added,
                ChangeType.Deleted => DiffKind.Removed,
                _ => DiffKind.Same,
            };
            // Neighbouring words of one kind read as one run.
            if (parts.Count > 0 && parts[^1].Kind == kind) parts[^1] = parts[^1] with { Text = parts[^1].Text + piece.Text };
            else parts.Add(new DiffPart(kind, piece.Text ?? ""));
        }
        return parts;
    }
}

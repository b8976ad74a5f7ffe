using System.Text;
using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Platform.Web.Captions;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffPart(DiffKind Kind, string Text);

/// <summary>
/// Word by word differences between two caption texts (DiffPlex), for the editor's diff views. Each word carries the
/// spaces after it, so a removed or added run keeps its own spaces; between two unchanged runs the removed words come
/// first, then the added ones.
/// </summary>
public static partial class CaptionDiff
{
    private static readonly InlineDiffBuilder Builder = new(new Differ());
    private static readonly CustomFunctionChunker Words = new(text => [.. Word().Matches(text).Select(m => m.Value)]);

    public static IReadOnlyList<DiffPart> Between(string before, string after)
    {
        var model = Builder.BuildDiffModel(before, after, ignoreWhitespace: false, ignoreCase: false, Words);
        var parts = new List<DiffPart>();
        StringBuilder removed = new(), added = new();
        foreach (var piece in model.Lines)
        {
            switch (piece.Type)
            {
                case ChangeType.Deleted: removed.Append(piece.Text); break;
                case ChangeType.Inserted: added.Append(piece.Text); break;
                default:
                    Flush();
                    Add(DiffKind.Same, piece.Text ?? "");
                    break;
            }
        }
        Flush();
        return parts;

        void Flush()
        {
            Add(DiffKind.Removed, removed.ToString());
            Add(DiffKind.Added, added.ToString());
            (removed, added) = (new(), new());
        }

        void Add(DiffKind kind, string text)
        {
            if (text.Length == 0) return;
            if (parts.Count > 0 && parts[^1].Kind == kind) parts[^1] = parts[^1] with { Text = parts[^1].Text + text };
            else parts.Add(new DiffPart(kind, text));
        }
    }

    /// <summary>
    /// Whether a removed run ends right where the added run after it starts, with no space on either side ("box" →
    /// "crate" at the end of a text): shown as they are, the two would read as one word, so the view puts a gap between.
    /// </summary>
    public static bool Touch(DiffPart first, DiffPart second) =>
        first.Kind == DiffKind.Removed && second.Kind == DiffKind.Added
        && !char.IsWhiteSpace(first.Text[^1]) && !char.IsWhiteSpace(second.Text[0]);

    // A word or a punctuation mark, each with the spaces after it; spaces at the very start stand alone.
    [GeneratedRegex(@"\w+\s*|[^\w\s]\s*|\s+")]
    private static partial Regex Word();
}

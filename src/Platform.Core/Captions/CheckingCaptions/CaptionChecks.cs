using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Captions;

public enum CaptionWarningKind
{
    /// <summary>The caption names a camera move of another type than the sidecar's, or a still camera.</summary>
    CameraContradiction,

    /// <summary>A motion tag (e.g. a dance move) is not mentioned.</summary>
    MissingMotion,

    /// <summary>A special tag is not in the caption verbatim.</summary>
    MissingSpecialTag,
}

/// <summary>A reason for an annotator or reviewer to look at a caption again; never a reason to refuse it.</summary>
public sealed record CaptionWarning(CaptionWarningKind Kind, string Message);

/// <summary>Consistency checks between a caption and the render data of its synthetic video.</summary>
/// <remarks>
/// Camera words only count in a clause about the camera: clauses end at punctuation (. ! ? ; : ,), before "while",
/// "as", "whereas", "whilst", "when", "although", and before "and"/"but"/"then" followed by a new subject ("the", "a",
/// "an", a possessive); a clause is about the camera when it contains the word "camera". So in "a dancer spins while
/// the camera pans left" the spin belongs to the dancer. A camera word that is a form of a motion tag (e.g. a dancer's
/// "circles" tagged as a motion) is never counted either. Matching is whole-word and case-insensitive.
/// </remarks>
public static partial class CaptionChecks
{
    public static IReadOnlyList<CaptionWarning> Check(string caption, Sidecar sidecar, IReadOnlyList<string> specialTags)
    {
        var warnings = new List<CaptionWarning>();
        var camera = sidecar.RenderParameters.Camera;
        var motions = sidecar.Tags.Motion.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var motionForms = motions.Select(MotionForms).ToList();

        foreach (var word in CameraWords(caption).Where(w => !motionForms.Any(f => f.IsMatch(w.Text))).DistinctBy(w => w.Text.ToUpperInvariant()))
        {
            if (word.Movement is null)
                warnings.Add(new(CaptionWarningKind.CameraContradiction,
                    $"The caption says the camera \"{word.Text}\", but in the sidecar it moves: {Describe(camera)}."));
            else if (word.Movement != camera.MovementType)
                warnings.Add(new(CaptionWarningKind.CameraContradiction,
                    $"The caption says the camera \"{word.Text}\" (a {Name(word.Movement.Value)} move), but the sidecar's camera movement is {Describe(camera)}."));
        }

        for (var i = 0; i < motions.Count; i++)
        {
            if (!motionForms[i].IsMatch(caption))
                warnings.Add(new(CaptionWarningKind.MissingMotion, $"The caption does not mention the motion \"{motions[i]}\" tagged in the sidecar."));
        }

        foreach (var tag in specialTags.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal))
        {
            if (!caption.Contains(tag, StringComparison.Ordinal))
                warnings.Add(new(CaptionWarningKind.MissingSpecialTag, $"The caption lacks the special tag \"{tag}\"."));
        }

        return warnings;
    }

    private sealed record CameraWord(string Text, MovementType? Movement);

    // Longer phrases come first in the pattern, so "tracks sideways" wins over a shorter word at the same place.
    private static readonly (MovementType? Movement, string[] Words)[] Vocabulary =
    [
        (MovementType.Truck, ["trucks", "trucking", "truck", "tracks sideways", "tracking sideways", "slides sideways", "moves sideways", "strafes"]),
        (MovementType.Dolly, ["dollies", "dollying", "dolly", "pushes in", "pushing in", "pulls back", "pulling back", "moves closer", "moves toward", "moves towards", "moves away"]),
        (MovementType.Pedestal, ["pedestals", "pedestal", "rises", "rising", "cranes", "cranes up", "cranes down", "craning", "lowers", "lowering", "ascends", "descends", "moves up", "moves down"]),
        (MovementType.Tilt, ["tilts", "tilting", "tilt"]),
        (MovementType.Pan, ["pans", "panning", "pan"]),
        (MovementType.Spin, ["orbits", "orbiting", "orbit", "circles around", "circling around", "rotates around", "revolves around", "spins around"]),
        (MovementType.Following, ["follows", "following", "trails", "trailing"]),
        (MovementType.Zoom, ["zooms", "zooming", "zoom"]),
        (null, ["static", "stationary", "motionless", "stays still", "remains still", "holds still", "stands still", "does not move", "doesn't move", "locked off", "locked-off"]),
    ];

    private static readonly Dictionary<string, MovementType?> MovementOf = Vocabulary
        .SelectMany(v => v.Words.Select(w => (w, v.Movement)))
        .ToDictionary(p => p.w, p => p.Movement, StringComparer.OrdinalIgnoreCase);

    private static readonly Regex CameraVocabulary = new(
        @"\b(?:" + string.Join('|', MovementOf.Keys.OrderByDescending(w => w.Length).Select(w => Regex.Escape(w).Replace(@"\ ", @"\s+", StringComparison.Ordinal))) + @")\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static IEnumerable<CameraWord> CameraWords(string caption) =>
        ClauseBreak().Split(caption)
            .Where(clause => CameraNoun().IsMatch(clause))
            .SelectMany(clause => CameraVocabulary.Matches(clause))
            .Select(m => Spaces().Replace(m.Value, " "))
            .Select(text => new CameraWord(text, MovementOf[text]));

    /// <summary>The tag and its simple forms ("spin": spins, spinning; "freeze": freezes, freezing), words joined by spaces or hyphens.</summary>
    private static Regex MotionForms(string tag)
    {
        var words = Spaces().Split(tag);
        var last = words[^1];
        string[] forms = [last, last + "s", last + "es", last + "ing", last + last[^1] + "ing", last.TrimEnd('e') + "ing"];
        var lastForms = "(?:" + string.Join('|', forms.Distinct(StringComparer.Ordinal).Select(Regex.Escape)) + ")";
        return new Regex(@"\b" + string.Join(@"[\s-]+", [.. words[..^1].Select(Regex.Escape), lastForms]) + @"\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    private static string Name(MovementType movement) => movement.ToString().ToLowerInvariant();

    private static string Describe(CameraParameters camera)
    {
        var name = Name(camera.MovementType);
        if (camera.MovementValue is not { } value)
            return name;
        var amount = value.ToString("0.##", CultureInfo.InvariantCulture);
        return camera.MovementType switch
        {
            MovementType.Truck or MovementType.Dolly or MovementType.Pedestal => $"{name} by {amount} m",
            MovementType.Tilt or MovementType.Pan or MovementType.Spin => $"{name} by {amount}°",
            MovementType.Zoom => $"{name} by a factor of {amount}",
            _ => $"{name} ({amount})",
        };
    }

    [GeneratedRegex(@"[.!?;:,]|\b(?=(?:while|whilst|as|whereas|when|although)\b)|\b(?=(?:and|but|then)\s+(?:the|a|an|his|her|their|its)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"\bcamera\b", RegexOptions.IgnoreCase)]
    private static partial Regex CameraNoun();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

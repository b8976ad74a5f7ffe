using System.Text.RegularExpressions;

namespace Platform.Captions;

/// <summary>A caption draft: the fine-grained and the generic variant, each starting with the special tags.</summary>
public sealed record ComposedCaption(string FineGrained, string Generic, IReadOnlyList<string> SpecialTags);

/// <summary>
/// Composes caption drafts from a sidecar's tags and render parameters by <see cref="CaptionTemplates"/>. Pure and
/// deterministic, so a draft can be recomposed at any time and compared with what annotators made of it.
/// </summary>
/// <remarks>
/// The fine-grained caption has up to four sentences: subject, motion, object and environment; the camera move (with
/// a focus phrase when the focus is fixed, or follows off-center); the shot (camera tags); the style. Element phrases
/// whose tags are empty are left out. When no character is tagged, the objects are the subject (and get no phrase of
/// their own). Speed words come from |movementValue|, since clips are of similar length: metres (truck, dolly,
/// pedestal) below 1 slow, below 3 steady, else fast; degrees (tilt, pan, spin) below 60 slow, below 180 steady, else
/// fast; a zoom factor f counts as max(f, 1/f), below 1.5 slow, below 3 steady, else fast. Following has no unit and
/// no speed word, and neither has a missing value.
/// </remarks>
public static partial class CaptionComposer
{
    public static ComposedCaption Compose(Sidecar sidecar, CaptionTemplates templates)
    {
        var tags = sidecar.Tags;
        var camera = sidecar.RenderParameters.Camera;
        var characters = Clean(tags.Character);
        var objects = Clean(tags.Object);
        var subjects = characters.Count > 0 ? characters : objects;

        var slots = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["character"] = subjects.Count > 0 ? List(subjects) : templates.UnnamedSubject.Trim(),
            ["motion"] = List(Clean(tags.Motion)),
            ["object"] = List(objects),
            ["environment"] = List(Clean(tags.Environment)),
            ["camera"] = List(Clean(tags.Camera)),
            ["style"] = List(Clean(tags.Style)),
            ["speed"] = Speed(camera, templates),
            ["direction"] = Direction(camera),
            ["position"] = Position(camera.FocusPosition),
        };
        slots["subject"] = Tidy(Fill(templates.Subject, slots));

        string Phrase(string template, string slot) => slots[slot].Length == 0 ? "" : Fill(template, slots);

        var opening = string.Join(' ',
            Fill(templates.Character, slots),
            Phrase(templates.Motion, "motion"),
            characters.Count > 0 ? Phrase(templates.Object, "object") : "",
            Phrase(templates.Environment, "environment"));
        var focus = Fill(Focus(camera, templates), slots);
        var moving = Fill(templates.Camera(camera.MovementType), slots) + (string.IsNullOrWhiteSpace(focus) ? "" : ", " + focus);
        string[] sentences = [opening, moving, Phrase(templates.Shot, "camera"), Phrase(templates.Style, "style")];

        var special = Clean(templates.SpecialTags);
        var fineGrained = string.Join(' ', sentences.Select(Sentence).Where(s => s.Length > 0));
        return new ComposedCaption(Prefix(special, fineGrained), Prefix(special, Sentence(Fill(templates.Generic, slots))), special);
    }

    /// <summary>An English list: "a", "a and b", "a, b and c"; empty for no items.</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    private static string Speed(CameraParameters camera, CaptionTemplates t)
    {
        if (camera.MovementValue is not { } value || !double.IsFinite(value))
            return "";
        var amount = Math.Abs(value);
        var (steady, fast) = camera.MovementType switch
        {
            MovementType.Truck or MovementType.Dolly or MovementType.Pedestal => (1.0, 3.0),
            MovementType.Tilt or MovementType.Pan or MovementType.Spin => (60.0, 180.0),
            MovementType.Zoom when value > 0 => (1.5, 3.0),
            _ => (double.NaN, double.NaN),
        };
        if (double.IsNaN(steady))
            return "";
        if (camera.MovementType == MovementType.Zoom)
            amount = Math.Max(value, 1 / value);
        return amount < steady ? t.Slow : amount < fast ? t.Steady : t.Fast;
    }

    private static string Direction(CameraParameters camera)
    {
        if (camera.MovementValue is not { } value || !double.IsFinite(value))
            return "";
        if (camera.MovementType == MovementType.Zoom)
            return value > 1 ? "in" : value is > 0 and < 1 ? "out" : "";
        if (value == 0)
            return "";
        var positive = value > 0;
        return camera.MovementType switch
        {
            MovementType.Truck or MovementType.Pan => positive ? "right" : "left",
            MovementType.Dolly => positive ? "in" : "out",
            MovementType.Pedestal or MovementType.Tilt => positive ? "up" : "down",
            MovementType.Spin => positive ? "counterclockwise" : "clockwise",
            _ => "",
        };
    }

    private static string Position(FocusPosition position) => position switch
    {
        FocusPosition.Upper => "upper part",
        FocusPosition.Lower => "lower part",
        _ => "center",
    };

    // A centered focus that follows the subject is what every camera phrase already implies, so it adds no words.
    private static string Focus(CameraParameters camera, CaptionTemplates t) => camera.FocusType switch
    {
        FocusType.Fixed => t.FixedFocus,
        FocusType.Follow when camera.FocusPosition != FocusPosition.Center => t.FollowFocus,
        _ => "",
    };

    // Unknown placeholders stay as written, so a typo shows in the draft instead of silently vanishing.
    private static string Fill(string template, Dictionary<string, string> slots) =>
        CaptionTemplates.Slot().Replace(template, m => slots.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    private static List<string> Clean(IReadOnlyList<string> tags) =>
        [.. tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)];

    private static string Prefix(List<string> special, string text) =>
        special.Count == 0 ? text : text.Length == 0 ? string.Join(' ', special) : string.Join(' ', special) + " " + text;

    /// <summary>One sentence: single spaces, no space before punctuation, no stray commas, "a" before a vowel as "an", a capital and a full stop.</summary>
    private static string Sentence(string text)
    {
        var tidy = Tidy(text).Trim(' ', ',', ';', ':');
        if (tidy.Length == 0)
            return "";
        tidy = char.ToUpperInvariant(tidy[0]) + tidy[1..];
        return tidy[^1] is '.' or '!' or '?' ? tidy : tidy + ".";
    }

    private static string Tidy(string text)
    {
        var tidy = Spaces().Replace(text, " ");
        tidy = SpaceBeforePunctuation().Replace(tidy, "$1");
        tidy = RepeatedCommas().Replace(tidy, ",");
        return Article().Replace(tidy, "$1n$2").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+([,.;:!?])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@",(\s*,)+")]
    private static partial Regex RepeatedCommas();

    // English spelling, not sound: "a uprock" becomes "an uprock" (and, rarely wrong, "a unicorn" "an unicorn").
    [GeneratedRegex(@"(?<![\w'])([Aa])(\s+)(?=[aeiouAEIOU])")]
    private static partial Regex Article();
}

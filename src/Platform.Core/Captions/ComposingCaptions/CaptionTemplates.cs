using System.Text.RegularExpressions;

namespace Platform.Captions;

/// <summary>
/// The researcher-editable templates a caption draft is composed from (<see cref="CaptionComposer"/>). A template is
/// plain English with <c>{placeholder}</c> slots; <see cref="Placeholders"/> names the slots each template may use.
/// Element templates (<see cref="Character"/> … <see cref="Style"/>) are left out of the caption when their tags are
/// empty; the camera template is picked by the sidecar's movement type.
/// </summary>
/// <remarks>
/// Slots: <c>{character}</c> the subject's tags as an English list ("dancer and robot"; the object tags when no
/// character is tagged, else <see cref="UnnamedSubject"/>); <c>{subject}</c> the <see cref="Subject"/> template filled
/// ("the dancer"); <c>{motion}</c>, <c>{object}</c>, <c>{environment}</c>, <c>{style}</c>, <c>{camera}</c> the tags of
/// that element; <c>{speed}</c> a speed word (see <see cref="CaptionComposer"/> for the thresholds) or nothing;
/// <c>{direction}</c> left/right, in/out, up/down or clockwise/counterclockwise by the sign of the movement value;
/// <c>{position}</c> the focus position ("upper part", "center", "lower part").
/// </remarks>
public sealed partial record CaptionTemplates
{
    /// <summary>How the subject is introduced: the fine-grained caption's first words.</summary>
    public string Character { get; init; } = "a {character}";

    /// <summary>How the subject is named again, e.g. in the camera phrase.</summary>
    public string Subject { get; init; } = "the {character}";

    /// <summary>What the subject is called when the sidecar tags neither a character nor an object.</summary>
    public string UnnamedSubject { get; init; } = "person";

    public string Motion { get; init; } = "performs {motion}";
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Named after the element, as in ElementTags.")]
    public string Object { get; init; } = "with {object}";
    public string Environment { get; init; } = "in a {environment} setting";

    /// <summary>Camera tags (shot sizes and the like) get a sentence of their own.</summary>
    public string Shot { get; init; } = "{camera} shot";

    public string Style { get; init; } = "rendered in {style} style";

    // One camera phrase per movement type. Signs: positive is right (truck, pan), in toward the subject (dolly),
    // up (pedestal, tilt), counterclockwise seen from above (spin); a zoom factor above 1 zooms in.
    public string Truck { get; init; } = "the camera {speed} trucks {direction} alongside {subject}";
    public string Dolly { get; init; } = "the camera {speed} dollies {direction}, facing {subject}";
    public string Pedestal { get; init; } = "the camera {speed} cranes {direction} in front of {subject}";
    public string Tilt { get; init; } = "the camera {speed} tilts {direction} across {subject}";
    public string Pan { get; init; } = "the camera {speed} pans {direction} across {subject}";
    public string Spin { get; init; } = "the camera {speed} orbits around {subject}";
    public string Following { get; init; } = "the camera follows {subject}";
    public string Zoom { get; init; } = "the camera {speed} zooms {direction} on {subject}";

    // The focus phrases may be emptied to leave the focus out of captions.
    /// <summary>Added to the camera phrase when the focus follows the subject off its center (upper or lower).</summary>
    public string FollowFocus { get; init; } = "framing the {position} of {subject}";

    /// <summary>Added to the camera phrase when the focus stays put in world space.</summary>
    public string FixedFocus { get; init; } = "with the focus fixed in place";

    /// <summary>The short, vague variant (the paper's generic captions, e.g. "a person dancing").</summary>
    public string Generic { get; init; } = "a {character} in motion";

    // Speed words for small, medium and large movement values; each may be emptied to drop the word.
    public string Slow { get; init; } = "slowly";
    public string Steady { get; init; } = "steadily";
    public string Fast { get; init; } = "quickly";

    /// <summary>Tags that mark a caption as synthetic, prepended to both variants (and usable in negative prompts).</summary>
    public IReadOnlyList<string> SpecialTags { get; init; } = ["[synthetic]"];

    public static readonly CaptionTemplates Default = new();

    private static readonly string[] Elements = ["character", "motion", "object", "environment", "camera", "style"];
    private static readonly string[] Naming = ["character"];
    private static readonly string[] Moving = ["subject", "speed", "direction"];
    private static readonly string[] Focusing = ["subject", "position"];

    /// <summary>The placeholders each template (by property name) may use.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders = new Dictionary<string, IReadOnlyList<string>>
    {
        [nameof(Character)] = Naming,
        [nameof(Subject)] = Naming,
        [nameof(Motion)] = ["motion", "subject"],
        [nameof(Object)] = ["object", "subject"],
        [nameof(Environment)] = ["environment", "subject"],
        [nameof(Shot)] = ["camera", "subject"],
        [nameof(Style)] = ["style"],
        [nameof(Truck)] = Moving,
        [nameof(Dolly)] = Moving,
        [nameof(Pedestal)] = Moving,
        [nameof(Tilt)] = Moving,
        [nameof(Pan)] = Moving,
        [nameof(Spin)] = Moving,
        [nameof(Following)] = Moving,
        [nameof(Zoom)] = Moving,
        [nameof(FollowFocus)] = Focusing,
        [nameof(FixedFocus)] = Focusing,
        [nameof(Generic)] = [.. Elements, "subject"],
    };

    /// <summary>The camera template for a movement type.</summary>
    public string Camera(MovementType movement) => movement switch
    {
        MovementType.Truck => Truck,
        MovementType.Dolly => Dolly,
        MovementType.Pedestal => Pedestal,
        MovementType.Tilt => Tilt,
        MovementType.Pan => Pan,
        MovementType.Spin => Spin,
        MovementType.Following => Following,
        MovementType.Zoom => Zoom,
        _ => throw new ArgumentOutOfRangeException(nameof(movement), movement, "Unknown movement type."),
    };

    /// <summary>The templates by property name, in the order of <see cref="Placeholders"/>.</summary>
    public IEnumerable<(string Name, string Text)> Named() => Placeholders.Keys.Select(name => (name, Text(name)));

    /// <summary>Problems a researcher must fix before the templates are saved: empty templates, unknown or unclosed placeholders, empty special tags.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var (name, text) in Named())
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                if (name is nameof(FollowFocus) or nameof(FixedFocus))
                    continue;

                problems.Add($"The {name} template is empty.");
                continue;
            }

            var allowed = Placeholders[name];
            foreach (var slot in Slot().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal))
            {
                if (!allowed.Contains(slot, StringComparer.Ordinal))
                    problems.Add($"The {name} template uses {{{slot}}}, which it cannot fill; it may use {string.Join(", ", allowed.Select(a => $"{{{a}}}"))}.");
            }

            if (Slot().Replace(text, "").IndexOfAny(['{', '}']) >= 0)
                problems.Add($"The {name} template has a brace that does not belong to a {{placeholder}}.");
        }

        if (string.IsNullOrWhiteSpace(UnnamedSubject))
            problems.Add("The name for an untagged subject is empty.");
        for (var i = 0; i < SpecialTags.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(SpecialTags[i]))
                problems.Add($"Special tag {i + 1} is empty.");
        }

        return problems;
    }

    private string Text(string name) => name switch
    {
        nameof(Character) => Character,
        nameof(Subject) => Subject,
        nameof(Motion) => Motion,
        nameof(Object) => Object,
        nameof(Environment) => Environment,
        nameof(Shot) => Shot,
        nameof(Style) => Style,
        nameof(FollowFocus) => FollowFocus,
        nameof(FixedFocus) => FixedFocus,
        nameof(Generic) => Generic,
        _ => Camera(Enum.Parse<MovementType>(name)),
    };

    [GeneratedRegex(@"\{([A-Za-z_]+)\}")]
    internal static partial Regex Slot();
}

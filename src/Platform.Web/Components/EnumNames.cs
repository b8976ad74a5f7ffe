using Humanizer;

namespace Platform.Web.Components;

/// <summary>
/// How an enum value reads on screen: "InProgress" → "In progress", "FollowFocus" → "Follow focus" (Humanizer), or the
/// text of a <see cref="System.ComponentModel.DescriptionAttribute"/> on the value when it has one.
/// </summary>
public static class EnumNames
{
    public static string DisplayName<T>(this T value) where T : struct, Enum => value.Humanize();

    /// <summary>For a select's <c>ToStringFunc</c>: the display name of the chosen value, or nothing.</summary>
    public static string Of<T>(T? value) where T : struct, Enum => value is { } chosen ? chosen.DisplayName() : "";
}

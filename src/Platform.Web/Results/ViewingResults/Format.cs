using System.Globalization;

namespace Platform.Web.Results;

/// <summary>How the dashboard writes figures: percentages with one decimal, the invariant way.</summary>
public static class Format
{
    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>A metric's value: whole numbers from 100 on, three significant figures below (1,164 · 7.20 · 0.295); "–" when undefined.</summary>
    public static string Number(double? value) => value switch
    {
        null => "–",
        { } v when Math.Abs(v) >= 100 => v.ToString("#,0", CultureInfo.InvariantCulture),
        { } v => v.ToString(Math.Abs(v) >= 10 ? "0.0" : Math.Abs(v) >= 1 ? "0.00" : "0.000", CultureInfo.InvariantCulture),
    };

    public static string Label(Platform.Studies.StudySettings settings, string key) =>
        settings.Conditions.FirstOrDefault(c => c.Key == key)?.Label ?? key;
}

using System.Globalization;

namespace Platform.Web.Results;

/// <summary>How the dashboard writes figures: percentages with one decimal, the invariant way.</summary>
public static class Format
{
    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    public static string Label(Platform.Studies.StudySettings settings, string key) =>
        settings.Conditions.FirstOrDefault(c => c.Key == key)?.Label ?? key;
}

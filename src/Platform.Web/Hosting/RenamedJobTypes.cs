using Hangfire.Common;

namespace Platform.Web.Hosting;

/// <summary>
/// Hangfire stores a job's type by name. The web project's namespaces moved from <c>Platform.X</c> to
/// <c>Platform.Web.X</c>, so a job scheduled before that upgrade (a generation job waiting for its slot, say) names a
/// type that no longer exists: it is looked up under its new name instead of failing.
/// </summary>
public static class RenamedJobTypes
{
    private const string WebAssembly = ", Platform.Web";

    public static Type Resolve(string typeName)
    {
        try
        {
            return TypeHelper.DefaultTypeResolver(typeName);
        }
        catch (Exception) when (NewName(typeName) is { } renamed)
        {
            return TypeHelper.DefaultTypeResolver(renamed);
        }
    }

    /// <returns>The name under <c>Platform.Web</c>, or null when the name is not an old one of this project.</returns>
    public static string? NewName(string typeName) =>
        typeName.StartsWith("Platform.", StringComparison.Ordinal) && !typeName.StartsWith("Platform.Web.", StringComparison.Ordinal)
            && typeName.Contains(WebAssembly, StringComparison.Ordinal)
            ? "Platform.Web." + typeName["Platform.".Length..]
            : null;
}

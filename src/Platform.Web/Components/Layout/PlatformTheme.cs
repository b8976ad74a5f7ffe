using MudBlazor;

namespace Platform.Web.Components.Layout;

public static class PlatformTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight { Primary = "#3f51b5", Secondary = "#00897b", AppbarBackground = "#3f51b5" },
        PaletteDark = new PaletteDark { Primary = "#7986cb", Secondary = "#4db6ac" },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
    };
}

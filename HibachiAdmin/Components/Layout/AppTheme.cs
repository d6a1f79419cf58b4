using MudBlazor;

namespace HibachiAdmin.Components.Layout;

/// <summary>Brand colours: flame red, charcoal and a warm amber (see wwwroot-assets/logo.svg).</summary>
public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#C62828",
            Secondary = "#F9A825",
            Tertiary = "#37474F",
            AppbarBackground = "#212121",
            AppbarText = "#FFFFFF",
            DrawerBackground = "#FAFAFA",
            Background = "#F5F5F5",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#EF5350",
            Secondary = "#FFCA28",
            Tertiary = "#90A4AE",
            AppbarBackground = "#1A1A1A",
            Surface = "#242424",
            Background = "#181818",
            DrawerBackground = "#1E1E1E",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}

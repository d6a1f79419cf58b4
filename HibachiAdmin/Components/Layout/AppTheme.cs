using MudBlazor;

namespace HibachiAdmin.Components.Layout;

/// <summary>
/// Brand colours: flame red, charcoal and a warm amber (see wwwroot-assets/logo.svg). In the light palette every
/// colour that text is written in (or on) meets WCAG AA, 4.5:1 against white and the #F5F5F5 page: the logo's bright
/// amber (#F9A825, 1.8:1) is darkened to a roasted amber for text, and MudBlazor's default warning, error, success,
/// info and secondary-text colours (2.2–4.4:1) to their deeper shades. ContentSecurityPolicyJourneyTests measures it.
/// </summary>
public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#C62828",
            Secondary = "#945F00",
            Tertiary = "#37474F",
            Warning = "#B25000",
            Error = "#B71C1C",
            Success = "#2E7D32",
            Info = "#1565C0",
            TextSecondary = "#5F5F5F",
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

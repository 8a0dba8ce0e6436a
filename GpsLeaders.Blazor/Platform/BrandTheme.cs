using MudBlazor;

namespace GpsLeaders.Blazor.Platform;

/// <summary>
/// The one brand theme: GPS Leaders blue on a quiet grey, light and dark, system fonts (no web font to fetch), and
/// compact spacing for a back office that shows a lot per screen. Every screen takes its colours from here through
/// MudBlazor's palette (CSS: <c>var(--mud-palette-primary)</c> and friends), never from literal colours.
/// </summary>
public static class BrandTheme
{
    // One family per entry: MudBlazor writes each as its own item of the font-family list.
    static readonly string[] Fonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1e5bb8",
            Secondary = "#0b7476", // dark enough for white text (the avatar) at 4.5:1
            Tertiary = "#f59e0b",
            Info = "#2563eb",
            Success = "#15803d",
            Warning = "#b45309",
            Error = "#c62828",
            Background = "#f4f6f9",
            Surface = "#ffffff",
            AppbarBackground = "#12315f",
            AppbarText = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#1f2937",
            DrawerIcon = "#4b5563",
            TextPrimary = "#1f2937",
            TextSecondary = "#4b5563",
            LinesDefault = "#e5e7eb",
            TableLines = "#e5e7eb",
            TableHover = "#eef3fb",
            Divider = "#e5e7eb",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6ea8ff",
            // Dark text on the light accents of the dark palette: white on them fails contrast (axe).
            PrimaryContrastText = "#0b1526",
            SecondaryContrastText = "#0b1526",
            InfoContrastText = "#0b1526",
            SuccessContrastText = "#0b1526",
            WarningContrastText = "#0b1526",
            ErrorContrastText = "#0b1526",
            Secondary = "#3cc4c6",
            Tertiary = "#fbbf24",
            Info = "#60a5fa",
            Success = "#4ade80",
            Warning = "#fbbf24",
            Error = "#f87171",
            Background = "#111827",
            BackgroundGray = "#1a2230",
            Surface = "#1b2433",
            AppbarBackground = "#0b1526",
            AppbarText = "#e5e7eb",
            DrawerBackground = "#161e2b",
            DrawerText = "#d1d5db",
            DrawerIcon = "#9ca3af",
            TextPrimary = "#e5e7eb",
            TextSecondary = "#9ca3af",
            LinesDefault = "#2d3748",
            TableLines = "#2d3748",
            TableHover = "#22304a",
            Divider = "#2d3748",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, FontSize = ".875rem", LineHeight = "1.45" },
            H1 = new H1Typography { FontFamily = Fonts, FontSize = "1.6rem", FontWeight = "600", LineHeight = "1.25" },
            H2 = new H2Typography { FontFamily = Fonts, FontSize = "1.25rem", FontWeight = "600", LineHeight = "1.3" },
            H3 = new H3Typography { FontFamily = Fonts, FontSize = "1.1rem", FontWeight = "600", LineHeight = "1.3" },
            H4 = new H4Typography { FontFamily = Fonts, FontSize = "1rem", FontWeight = "600", LineHeight = "1.3" },
            H5 = new H5Typography { FontFamily = Fonts, FontSize = ".95rem", FontWeight = "600", LineHeight = "1.3" },
            H6 = new H6Typography { FontFamily = Fonts, FontSize = ".9rem", FontWeight = "600", LineHeight = "1.3" },
            Button = new ButtonTypography { FontFamily = Fonts, FontSize = ".85rem", FontWeight = "600", TextTransform = "none" },
            Body1 = new Body1Typography { FontFamily = Fonts, FontSize = ".875rem" },
            Body2 = new Body2Typography { FontFamily = Fonts, FontSize = ".8rem" },
            Caption = new CaptionTypography { FontFamily = Fonts, FontSize = ".75rem" },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "6px",
            AppbarHeight = "56px",
            DrawerWidthLeft = "232px",
            DrawerMiniWidthLeft = "56px",
        },
    };
}

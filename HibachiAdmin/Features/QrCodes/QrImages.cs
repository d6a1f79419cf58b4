using System.Globalization;
using QRCoder;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>QR images of a URL (QRCoder): PNG at a chosen width, SVG with the optional centre logo.</summary>
public sealed class QrImages
{
    public const int MinSize = 128;
    public const int MaxSize = 2048;
    public const int DefaultSize = 512;

    /// <summary>wwwroot-assets/qr-center-logo.svg, embedded so the app never depends on where its web root is.</summary>
    private static readonly Lazy<string?> Logo = new(() =>
    {
        using var stream = typeof(QrImages).Assembly.GetManifestResourceStream("qr-center-logo.svg");
        if (stream is null)
        {
            return null;
        }
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static bool IsColor(string? value) =>
        value is { Length: 7 } && value[0] == '#' && value.AsSpan(1).ToString().All(char.IsAsciiHexDigit);

    /// <summary>A PNG about <paramref name="size"/> pixels wide (whole pixels per module, quiet zone included).</summary>
    public static byte[] Png(string text, int size, string foreground, string background, QrErrorCorrection level)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, Level(level));
        var modules = data.ModuleMatrix.Count; // includes the quiet zone
        var pixelsPerModule = Math.Max(1, size / modules);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule, Rgba(foreground), Rgba(background), drawQuietZones: true);
    }

    /// <summary>An SVG that scales to its container; with the brand's centre logo when <paramref name="withLogo"/> (level H recommended).</summary>
    public string Svg(string text, string foreground, string background, QrErrorCorrection level, bool withLogo)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, Level(level));
        var logo = withLogo && Logo.Value is { } svg ? new SvgQRCode.SvgLogo(svg, 18, fillLogoBackground: true, iconEmbedded: true) : null;
        return new SvgQRCode(data).GetGraphic(10, foreground, background, drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute, logo);
    }

    private static QRCodeGenerator.ECCLevel Level(QrErrorCorrection level) => level switch
    {
        QrErrorCorrection.L => QRCodeGenerator.ECCLevel.L,
        QrErrorCorrection.Q => QRCodeGenerator.ECCLevel.Q,
        QrErrorCorrection.H => QRCodeGenerator.ECCLevel.H,
        _ => QRCodeGenerator.ECCLevel.M,
    };

    private static byte[] Rgba(string hex)
    {
        var value = int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return [(byte)(value >> 16), (byte)(value >> 8), (byte)value, 255];
    }
}

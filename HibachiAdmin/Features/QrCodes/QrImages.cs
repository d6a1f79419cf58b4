using System.Globalization;
using QRCoder;
using SkiaSharp;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>QR images of a URL (QRCoder): PNG at a chosen width and SVG, both with the optional centre logo.</summary>
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

    /// <summary>
    /// wwwroot-assets/qr-center-logo.png: the same logo rendered once from the SVG (256 px, transparent), embedded;
    /// SkiaSharp draws it (there is no SVG reader in the app: the PNG keeps it to one native library).
    /// </summary>
    private static readonly Lazy<SKImage?> LogoPng = new(() =>
    {
        using var stream = typeof(QrImages).Assembly.GetManifestResourceStream("qr-center-logo.png");
        return stream is null ? null : SKImage.FromEncodedData(stream);
    });

    /// <summary>The logo's width as a share of the code's, as in the SVG (QRCoder's icon size, 18%).</summary>
    public const float LogoShare = 0.18f;

    public static bool IsColor(string? value) =>
        value is { Length: 7 } && value[0] == '#' && value.AsSpan(1).ToString().All(char.IsAsciiHexDigit);

    /// <summary>
    /// A PNG about <paramref name="size"/> pixels wide (whole pixels per module, quiet zone included); with the
    /// centre logo on a rounded plate of the background colour when <paramref name="withLogo"/> (level H recommended).
    /// </summary>
    public static byte[] Png(string text, int size, string foreground, string background, QrErrorCorrection level, bool withLogo = false)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, Level(level));
        var modules = data.ModuleMatrix.Count; // includes the quiet zone
        var pixelsPerModule = Math.Max(1, size / modules);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule, Rgba(foreground), Rgba(background), drawQuietZones: true);
        return withLogo && LogoPng.Value is { } logo ? WithLogo(png, logo, background) : png;
    }

    private static byte[] WithLogo(byte[] qrPng, SKImage logo, string background)
    {
        using var qr = SKBitmap.Decode(qrPng);
        using var canvas = new SKCanvas(qr);
        var side = qr.Width * LogoShare;
        var plate = side * 1.25f;
        var (cx, cy) = (qr.Width / 2f, qr.Height / 2f);
        using (var paint = new SKPaint { Color = SKColor.Parse(background), IsAntialias = true })
        {
            canvas.DrawRoundRect(SKRect.Create(cx - plate / 2, cy - plate / 2, plate, plate), plate * 0.15f, plate * 0.15f, paint);
        }
        canvas.DrawImage(logo, SKRect.Create(cx - side / 2, cy - side / 2, side, side), new SKSamplingOptions(SKCubicResampler.Mitchell));
        canvas.Flush();
        using var encoded = qr.Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
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

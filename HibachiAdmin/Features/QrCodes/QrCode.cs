using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.QrCodes;

public enum QrCodeType
{
    Table,
    Flyer,
    BusinessCard,
    Vehicle,
    Event,
    Menu,
    Other,
}

/// <summary>QRCoder's error-correction levels: L 7%, M 15%, Q 25%, H 30% of the modules may be lost.</summary>
public enum QrErrorCorrection
{
    L,
    M,
    Q,
    H,
}

/// <summary>How a scan reached <c>/q/{slug}</c>: the printed code carries a marker, a shared copy of the link does not.</summary>
public enum ScanChannel
{
    Printed,
    Link,
}

public enum DeviceType
{
    Unknown,
    Mobile,
    Tablet,
    Desktop,
    Bot,
}

/// <summary>A printed QR code: where it hangs (placement), where it sends people, how it looks.</summary>
public sealed class QrCode
{
    public const int MaxName = 120;
    public const int MaxUrl = 2000;
    public const int MaxVenue = 120;
    public const int MaxUtm = 100;
    public const int MaxCampaign = 100;
    public const int MaxColor = 7;
    public const int MaxTableNumber = 999;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public QrCodeType Type { get; set; }
    /// <summary>An absolute http(s) URL; null when the code opens the built-in inquiry form.</summary>
    public string? DestinationUrl { get; set; }
    public bool UsesInquiryForm { get; set; }
    public string? Venue { get; set; }
    public int? TableNumber { get; set; }
    public DateOnly? EventDate { get; set; }
    /// <summary>The SMS campaign this code belongs to (id of the Campaigns feature, kept loose).</summary>
    public Guid? CampaignId { get; set; }
    public string? Campaign { get; set; }
    public string UtmSource { get; set; } = "";
    public string UtmMedium { get; set; } = "";
    public string? UtmCampaign { get; set; }
    public string? UtmContent { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime? ValidFrom { get; set; }
    public DateTime? ValidUntil { get; set; }
    public string ForegroundColor { get; set; } = "#000000";
    public string BackgroundColor { get; set; } = "#FFFFFF";
    public bool WithLogo { get; set; }
    public QrErrorCorrection ErrorCorrection { get; set; } = QrErrorCorrection.M;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One counted scan. Never the raw address: <see cref="AnonymizedIp"/> keeps the network part only.</summary>
public sealed class QrScan
{
    public const int MaxUserAgent = 512;
    public const int MaxReferer = 512;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid QrCodeId { get; set; }
    public DateTime At { get; set; }
    public ScanChannel Channel { get; set; }
    public string? AnonymizedIp { get; set; }
    public Guid VisitorId { get; set; }
    /// <summary>The first scan of this code by this visitor cookie.</summary>
    public bool IsNewVisitor { get; set; }
    public string? UserAgent { get; set; }
    public DeviceType Device { get; set; }
    public string Os { get; set; } = "";
    public string Browser { get; set; } = "";
    public bool IsBot { get; set; }
    public string? Referer { get; set; }
    public string? Country { get; set; }
    public string? Region { get; set; }
    public string? City { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
}

/// <summary>
/// Counts per code, day (UTC) and dimension value, kept up to date by the scan writer in the same
/// transaction as the scans, so analytics read a few rows per day instead of every scan.
/// Dimensions: total, device, os, browser, country, city, channel.
/// </summary>
public sealed class QrScanDaily
{
    public Guid QrCodeId { get; set; }
    public DateOnly Day { get; set; }
    public string Dimension { get; set; } = "";
    public string Value { get; set; } = "";
    public bool IsBot { get; set; }
    public long Scans { get; set; }
    public long NewVisitors { get; set; }
}

/// <summary>A lead the QR feature attributes to a code: made by its inquiry form, or by a visitor who scanned it earlier.</summary>
public sealed class QrLeadLink
{
    public long Id { get; set; }
    public Guid QrCodeId { get; set; }
    public Guid LeadId { get; set; }
    public Guid ContactId { get; set; }
    /// <summary>"form" (the code's own inquiry form) or "visitor" (an earlier scan by the same visitor cookie).</summary>
    public string Via { get; set; } = "";
    public DateTime At { get; set; }
}

internal sealed class QrCodeConfiguration : IEntityTypeConfiguration<QrCode>
{
    public void Configure(EntityTypeBuilder<QrCode> b)
    {
        b.ToTable("QrCodes");
        b.Property(c => c.Slug).HasMaxLength(QrSlugs.MaxLength);
        b.HasIndex(c => c.Slug).IsUnique();
        b.Property(c => c.Name).HasMaxLength(QrCode.MaxName);
        b.Property(c => c.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.DestinationUrl).HasMaxLength(QrCode.MaxUrl);
        b.Property(c => c.Venue).HasMaxLength(QrCode.MaxVenue);
        b.Property(c => c.Campaign).HasMaxLength(QrCode.MaxCampaign);
        b.Property(c => c.UtmSource).HasMaxLength(QrCode.MaxUtm);
        b.Property(c => c.UtmMedium).HasMaxLength(QrCode.MaxUtm);
        b.Property(c => c.UtmCampaign).HasMaxLength(QrCode.MaxUtm);
        b.Property(c => c.UtmContent).HasMaxLength(QrCode.MaxUtm);
        b.Property(c => c.ForegroundColor).HasMaxLength(QrCode.MaxColor);
        b.Property(c => c.BackgroundColor).HasMaxLength(QrCode.MaxColor);
        b.Property(c => c.ErrorCorrection).HasConversion<string>().HasMaxLength(1);
        b.HasIndex(c => new { c.Venue, c.TableNumber });
        b.HasIndex(c => c.CreatedAt);
    }
}

internal sealed class QrScanConfiguration : IEntityTypeConfiguration<QrScan>
{
    public void Configure(EntityTypeBuilder<QrScan> b)
    {
        b.ToTable("QrScans");
        b.Property(s => s.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.Device).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.AnonymizedIp).HasMaxLength(45);
        b.Property(s => s.UserAgent).HasMaxLength(QrScan.MaxUserAgent);
        b.Property(s => s.Referer).HasMaxLength(QrScan.MaxReferer);
        b.Property(s => s.Os).HasMaxLength(30);
        b.Property(s => s.Browser).HasMaxLength(30);
        b.Property(s => s.Country).HasMaxLength(2);
        b.Property(s => s.Region).HasMaxLength(100);
        b.Property(s => s.City).HasMaxLength(100);
        b.HasOne<QrCode>().WithMany().HasForeignKey(s => s.QrCodeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.QrCodeId, s.At });
        b.HasIndex(s => new { s.VisitorId, s.QrCodeId });
    }
}

internal sealed class QrScanDailyConfiguration : IEntityTypeConfiguration<QrScanDaily>
{
    public void Configure(EntityTypeBuilder<QrScanDaily> b)
    {
        b.ToTable("QrScanDaily");
        b.HasKey(d => new { d.QrCodeId, d.Day, d.Dimension, d.Value, d.IsBot });
        b.Property(d => d.Dimension).HasMaxLength(10);
        b.Property(d => d.Value).HasMaxLength(100);
        b.HasOne<QrCode>().WithMany().HasForeignKey(d => d.QrCodeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.Day, d.Dimension });
    }
}

internal sealed class QrLeadLinkConfiguration : IEntityTypeConfiguration<QrLeadLink>
{
    public void Configure(EntityTypeBuilder<QrLeadLink> b)
    {
        b.ToTable("QrLeadLinks");
        b.Property(l => l.Via).HasMaxLength(10);
        b.HasIndex(l => new { l.QrCodeId, l.LeadId }).IsUnique();
        b.HasOne<QrCode>().WithMany().HasForeignKey(l => l.QrCodeId).OnDelete(DeleteBehavior.Cascade);
    }
}

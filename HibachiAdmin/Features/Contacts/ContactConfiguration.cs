using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Contacts;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.ToTable("Contacts");
        b.Property(c => c.Name).HasMaxLength(Contact.MaxName).IsRequired();
        b.Property(c => c.Phone).HasMaxLength(20);
        b.HasIndex(c => c.Phone).IsUnique();
        b.Property(c => c.Email).HasMaxLength(Contact.MaxEmail);
        b.HasIndex(c => c.Email);
        b.Property(c => c.State).HasMaxLength(Contact.MaxState);
        b.Property(c => c.Zip).HasMaxLength(Contact.MaxZip);
        b.Property(c => c.TimeZones).HasMaxLength(200);
        b.Property(c => c.InstagramHandle).HasMaxLength(Contact.MaxHandle);
        b.Property(c => c.FacebookHandle).HasMaxLength(Contact.MaxHandle);
        b.Property(c => c.SmsConsent).HasConversion(ConsentStorage.Converter).HasMaxLength(10);
        b.Property(c => c.SmsConsentSource).HasMaxLength(50);
        b.Property(c => c.PhoneInvalidReason).HasMaxLength(200);
        b.HasIndex(c => c.SmsConsent);
        b.HasIndex(c => c.Name);
        b.HasMany(c => c.Tags).WithOne().HasForeignKey(t => t.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

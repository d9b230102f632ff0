using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Data.Configurations;

internal sealed class RepairerConfiguration : IEntityTypeConfiguration<Repairer>
{
    public void Configure(EntityTypeBuilder<Repairer> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(PartyLimits.Name).IsRequired();
        builder.Property(r => r.Street).HasMaxLength(PartyLimits.Street);
        builder.Property(r => r.PostalCode).HasMaxLength(PartyLimits.PostalCode);
        builder.Property(r => r.City).HasMaxLength(PartyLimits.City);
        builder.Property(r => r.Country).HasMaxLength(PartyLimits.Country);
        builder.Property(r => r.Phone).HasMaxLength(PartyLimits.Phone);
        builder.Property(r => r.Email).HasMaxLength(PartyLimits.Email);
        builder.Property(r => r.VatNumber).HasMaxLength(PartyLimits.VatNumber);
        builder.Property(r => r.ExternalReference).HasMaxLength(PartyLimits.ExternalReference);
        builder.HasIndex(r => r.Name).IsUnique();
    }
}

internal sealed class ThirdPartyConfiguration : IEntityTypeConfiguration<ThirdParty>
{
    public void Configure(EntityTypeBuilder<ThirdParty> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(PartyLimits.Name).IsRequired();
        builder.Property(t => t.NameKey).HasMaxLength(PartyLimits.Name).IsRequired();
        builder.Property(t => t.Street).HasMaxLength(PartyLimits.Street);
        builder.Property(t => t.PostalCode).HasMaxLength(PartyLimits.PostalCode);
        builder.Property(t => t.City).HasMaxLength(PartyLimits.City);
        builder.Property(t => t.Country).HasMaxLength(PartyLimits.Country);
        builder.Property(t => t.Phone).HasMaxLength(PartyLimits.Phone);
        builder.Property(t => t.Email).HasMaxLength(PartyLimits.Email);
        builder.Property(t => t.VatNumber).HasMaxLength(PartyLimits.VatNumber);
        builder.Property(t => t.CapsCode).HasMaxLength(PartyLimits.CapsCode);
        builder.Property(t => t.Language).HasMaxLength(MailLimits.Language);
        builder.HasIndex(t => new { t.Kind, t.NameKey });
        builder.HasIndex(t => new { t.Kind, t.CapsCode });
    }
}

internal sealed class ThirdPartyNameWordConfiguration : IEntityTypeConfiguration<ThirdPartyNameWord>
{
    public void Configure(EntityTypeBuilder<ThirdPartyNameWord> builder)
    {
        builder.ToTable("ThirdPartyNameWords");
        builder.HasKey(w => new { w.ThirdPartyId, w.Word });
        builder.Property(w => w.Word).HasMaxLength(SearchKey.WordLength).IsRequired();
        // The customer search reads a range of words and their parties from this index alone (decision 0023).
        builder.HasIndex(w => new { w.Word, w.ThirdPartyId });
        builder.HasOne(w => w.ThirdParty).WithMany().HasForeignKey(w => w.ThirdPartyId).OnDelete(DeleteBehavior.Cascade);
    }
}

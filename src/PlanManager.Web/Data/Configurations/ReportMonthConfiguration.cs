using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Data.Configurations;

internal sealed class ReportMonthConfiguration : IEntityTypeConfiguration<ReportMonth>
{
    public void Configure(EntityTypeBuilder<ReportMonth> builder)
    {
        // The page reads a range of months (of one repairer or all): the key is that index.
        builder.HasKey(r => new { r.Month, r.RepairerId });
        builder.Ignore(r => r.IsEmpty);
    }
}

internal sealed class ReportMonthChangeConfiguration : IEntityTypeConfiguration<ReportMonthChange>
{
    public void Configure(EntityTypeBuilder<ReportMonthChange> builder)
    {
        builder.HasKey(c => c.Id);
        // The page asks which of its months still have marks.
        builder.HasIndex(c => new { c.Month, c.RepairerId });
    }
}

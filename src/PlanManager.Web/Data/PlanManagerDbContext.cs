using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Data;

/// <summary>
/// The data access of the app. One model for every provider; each provider has a thin
/// subclass so its migrations live apart (Migrations/Sqlite, Migrations/SqlServer, Migrations/PostgreSql).
/// </summary>
public abstract class PlanManagerDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<JobLogEntry> JobLog => Set<JobLogEntry>();
    public DbSet<JobPhoto> JobPhotos => Set<JobPhoto>();
    public DbSet<HeldPhoto> HeldPhotos => Set<HeldPhoto>();
    public DbSet<Repairer> Repairers => Set<Repairer>();
    public DbSet<ThirdParty> ThirdParties => Set<ThirdParty>();
    public DbSet<ThirdPartyNameWord> ThirdPartyNameWords => Set<ThirdPartyNameWord>();
    public DbSet<JobNumberCounter> JobNumberCounters => Set<JobNumberCounter>();
    public DbSet<ConnectorSetting> ConnectorSettings => Set<ConnectorSetting>();
    public DbSet<Claims360Setup> Claims360Setups => Set<Claims360Setup>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<AppointmentSchedule> AppointmentSchedules => Set<AppointmentSchedule>();
    public DbSet<Claims360Item> Claims360Items => Set<Claims360Item>();
    public DbSet<Claims360JobLink> Claims360JobLinks => Set<Claims360JobLink>();
    public DbSet<EstimateVersion> Estimates => Set<EstimateVersion>();
    public DbSet<PhotoTransfer> PhotoTransfers => Set<PhotoTransfer>();
    public DbSet<QueueItem> QueueItems => Set<QueueItem>();
    public DbSet<InformexTransmission> InformexTransmissions => Set<InformexTransmission>();
    public DbSet<InformexJobFile> InformexJobFiles => Set<InformexJobFile>();
    public DbSet<CapsSyncState> CapsSyncStates => Set<CapsSyncState>();
    public DbSet<RateLimitCounter> RateLimitCounters => Set<RateLimitCounter>();
    public DbSet<Domain.Workshop.DepartmentCapacity> DepartmentCapacities => Set<Domain.Workshop.DepartmentCapacity>();
    public DbSet<Domain.Workshop.PlannedHours> PlannedHours => Set<Domain.Workshop.PlannedHours>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<MailTemplate> MailTemplates => Set<MailTemplate>();
    public DbSet<MailSuppression> MailSuppressions => Set<MailSuppression>();
    public DbSet<Domain.Workshop.Technician> Technicians => Set<Domain.Workshop.Technician>();
    public DbSet<Domain.Workshop.ClockLine> ClockLines => Set<Domain.Workshop.ClockLine>();
    public DbSet<Domain.Workshop.ClockCorrection> ClockCorrections => Set<Domain.Workshop.ClockCorrection>();
    public DbSet<Domain.Workshop.Kiosk> Kiosks => Set<Domain.Workshop.Kiosk>();
    public DbSet<WorkProgress> WorkProgress => Set<WorkProgress>();
    public DbSet<ReportMonth> ReportMonths => Set<ReportMonth>();
    public DbSet<ReportMonthChange> ReportMonthChanges => Set<ReportMonthChange>();

    /// <summary>
    /// The Data Protection key ring, shared by every node. Its keys are encrypted with a certificate
    /// that is not in the database (KeyRingSetup), so a backup alone opens nothing.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PlanManagerDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite cannot order or compare DateTimeOffset; store UTC ticks on every provider so
        // sorting by date works the same everywhere.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}

public sealed class SqlitePlanManagerDbContext(DbContextOptions<SqlitePlanManagerDbContext> options) : PlanManagerDbContext(options);

public sealed class SqlServerPlanManagerDbContext(DbContextOptions<SqlServerPlanManagerDbContext> options) : PlanManagerDbContext(options);

public sealed class PostgreSqlPlanManagerDbContext(DbContextOptions<PostgreSqlPlanManagerDbContext> options) : PlanManagerDbContext(options);

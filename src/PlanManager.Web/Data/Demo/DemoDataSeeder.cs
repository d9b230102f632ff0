using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanManager.Sandbox;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Data.Demo;

/// <summary>
/// Demo users and a believable database for trying the product (X3). Runs only when Demo:Seed
/// is on (refused in production) and only on a database without repairers, so it never touches real data.
/// </summary>
public sealed class DemoDataSeeder(
    PlanManagerDbContext db,
    UserManager<ApplicationUser> users,
    SecretProtector secrets,
    IOptions<SandboxOptions> sandbox,
    TimeProvider clock,
    Features.Messages.CustomerMessages messages,
    ILogger<DemoDataSeeder> logger)
{
    public const string StaffEmail = "staff@planmanager.demo";
    public const string SupportEmail = "support@planmanager.demo";
    public const string Password = "PlanManager-demo1";

    public async Task SeedAsync(int jobCount, CancellationToken cancellationToken)
    {
        await EnsureUserAsync(StaffEmail, "Demo Staff", Roles.Staff);
        await EnsureUserAsync(SupportEmail, "Demo Support", Roles.Support);
        await SeedDataAsync(jobCount, cancellationToken);
        await SeedConnectorsAsync(cancellationToken);
        await SeedTimeRegistrationAsync(cancellationToken);
    }

    /// <summary>The demo technicians' codes, the same at every repairer (README, demo section).</summary>
    public static readonly IReadOnlyList<(string Code, Domain.Workshop.Department Department)> TechnicianCodes =
    [
        ("1111", Domain.Workshop.Department.Body),
        ("2222", Domain.Workshop.Department.Preparation),
        ("3333", Domain.Workshop.Department.Paint),
        ("4444", Domain.Workshop.Department.Assembly),
    ];

    /// <summary>
    /// W2: four technicians per repairer (one per department, codes <see cref="TechnicianCodes"/>) and
    /// clock lines of the past working days on cars inside, one of them closed at closing time to review.
    /// </summary>
    private async Task SeedTimeRegistrationAsync(CancellationToken cancellationToken)
    {
        if (await db.Technicians.AnyAsync(cancellationToken))
        {
            return;
        }

        var random = new Random(2026);
        var now = clock.GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Infrastructure.DisplayTimeOptions.DefaultZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var repairers = await db.Repairers.OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var repairerId in repairers)
        {
            var technicians = TechnicianCodes.Select(t => new Domain.Workshop.Technician
            {
                RepairerId = repairerId,
                Name = $"{Pick(random, DemoCatalog.FirstNames)} {Pick(random, DemoCatalog.LastNames)}",
                Department = t.Department,
                CodeHash = Domain.Workshop.TechnicianCode.Hash(repairerId, t.Code),
            }).ToList();
            db.Technicians.AddRange(technicians);
            await db.SaveChangesAsync(cancellationToken);

            var inside = await db.Jobs.Where(j => j.RepairerId == repairerId && j.VehicleIn).OrderBy(j => j.Number).Select(j => j.Id).Take(12).ToListAsync(cancellationToken);
            if (inside.Count == 0)
            {
                continue;
            }

            var flagged = false;
            for (var back = 7; back >= 1; back--)
            {
                var day = today.AddDays(-back);
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    continue;
                }

                foreach (var technician in technicians)
                {
                    var start = Domain.Workshop.ClosingTime.ToUtc(day.ToDateTime(new TimeOnly(8, random.Next(0, 20))), zone);
                    for (var part = 0; part < 3 && start < now; part++)
                    {
                        var task = TaskOf(technician.Department, random);
                        var end = start.AddMinutes(random.Next(90, 200));
                        var line = new Domain.Workshop.ClockLine
                        {
                            TechnicianId = technician.Id, JobId = inside[random.Next(inside.Count)], Task = task,
                            Department = Domain.Workshop.WorkTasks.DepartmentOf(task, technician.Department), StartedAt = start,
                        };
                        if (!flagged && part == 2)
                        {
                            // Forgotten at the end of the day: closed at 17:00 by the recurring job, to review.
                            line.CloseForReview(Domain.Workshop.ClosingTime.ToUtc(day.ToDateTime(new TimeOnly(17, 0)), zone));
                            flagged = true;
                        }
                        else
                        {
                            line.End(end, part == 2 ? Domain.Workshop.ClockEnd.Stopped : Domain.Workshop.ClockEnd.Switched);
                        }

                        db.ClockLines.Add(line);
                        start = (line.EndedAt ?? end).AddMinutes(random.Next(0, 30));
                    }
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        logger.LogInformation("Demo time registration created: {Count} technicians per repairer", TechnicianCodes.Count);
    }

    private static Domain.Workshop.WorkTask TaskOf(Domain.Workshop.Department department, Random random) => department switch
    {
        Domain.Workshop.Department.Body => random.Next(3) == 0 ? Domain.Workshop.WorkTask.Dismantling : Domain.Workshop.WorkTask.Body,
        Domain.Workshop.Department.Preparation => Domain.Workshop.WorkTask.PaintPrep,
        Domain.Workshop.Department.Paint => random.Next(3) == 0 ? Domain.Workshop.WorkTask.Polishing : Domain.Workshop.WorkTask.Paint,
        _ => random.Next(2) == 0 ? Domain.Workshop.WorkTask.Dismantling : Domain.Workshop.WorkTask.Assembly,
    };

    private async Task SeedDataAsync(int jobCount, CancellationToken cancellationToken)
    {
        if (await db.Repairers.AnyAsync(cancellationToken))
        {
            return;
        }

        var random = new Random(2021);
        // R1's sources and arrival times draw from their own sequence, so every other demo value stays as it was.
        var reports = new Random(2026);
        var now = clock.GetUtcNow();
        var repairers = DemoCatalog.Repairers.Select(r => new Repairer
        {
            Name = r.Name, Street = r.Street, PostalCode = r.PostalCode, City = r.City, Country = r.Country,
            Phone = r.Phone, Email = r.Email, VatNumber = r.Vat, ExternalReference = r.ExternalReference,
        }).ToList();
        db.Repairers.AddRange(repairers);

        var insurers = DemoCatalog.Insurers.Select(n => Party(ThirdPartyKind.Insurer, n)).ToList();
        foreach (var insurer in insurers)
        {
            // The UK insurers carry the CAPS codes the sandbox's offers use.
            insurer.CapsCode = DemoCatalog.CapsCodes.GetValueOrDefault(insurer.Name);
        }

        var agents = DemoCatalog.Agents.Select(n => Party(ThirdPartyKind.Agent, n)).ToList();
        var owners = Enumerable.Range(0, Math.Max(20, jobCount / 2))
            .Select(_ => Party(ThirdPartyKind.Owner, $"{Pick(random, DemoCatalog.FirstNames)} {Pick(random, DemoCatalog.LastNames)}"))
            .ToList();
        foreach (var owner in owners)
        {
            owner.Phone = $"+32 4{random.Next(70, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}";
            owner.City = Pick(random, DemoCatalog.Cities);
        }

        db.ThirdParties.AddRange(insurers);
        db.ThirdParties.AddRange(agents);
        db.ThirdParties.AddRange(owners);

        // Repairers and parties first, so the jobs can name them by id; one transaction for all. Server
        // providers retry transient failures, so it runs as one retriable unit (never half-saved).
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);

            var statuses = Enum.GetValues<JobStatus>();
            // Numbers are handed out in the order jobs were opened, as in real life.
            var openedAt = Enumerable.Range(0, jobCount)
                .Select(_ => now.AddDays(-random.Next(0, 730)).AddMinutes(-random.Next(0, 600)))
                .Order()
                .ToList();
            for (var number = 1; number <= jobCount; number++)
            {
                var repairer = repairers[random.Next(repairers.Count)];
                var (make, model) = Pick(random, DemoCatalog.Vehicles);
                var created = openedAt[number - 1];
                // Recent jobs are still being worked on; old ones are mostly finished.
                var age = (now - created).TotalDays;
                var status = age < 30 ? statuses[random.Next(0, 6)] : age < 90 ? statuses[random.Next(3, 9)] : statuses[random.Next(6, 10)];
                var details = new JobDetails(repairer.Id, DemoCatalog.Plate(random, repairer.Country))
                {
                    Make = make,
                    Model = model,
                    Type = Pick(random, DemoCatalog.BodyTypes),
                    Colour = Pick(random, DemoCatalog.Colours),
                    Vin = DemoCatalog.Vin(random),
                    FirstRegistration = DateOnly.FromDateTime(created.AddYears(-random.Next(1, 12)).Date),
                    StartDate = DateOnly.FromDateTime(created.Date),
                    EstimatedCompletionDate = DateOnly.FromDateTime(created.AddDays(random.Next(3, 21)).Date),
                    MileageAtEstimate = random.Next(5_000, 220_000),
                    CommentsDamage = Pick(random, DemoCatalog.Damages),
                    DamageFlow = random.Next(4) == 0 ? DamageFlow.Private : DamageFlow.Insurance,
                    CurrentTask = status is JobStatus.InRepair ? Pick(random, DemoCatalog.Tasks) : null,
                    Status = status,
                    ClaimNumber = random.Next(5) == 0 ? null : $"CLM-{random.Next(100000, 999999)}",
                    OwnerId = owners[random.Next(owners.Count)].Id,
                    InsurerId = random.Next(6) == 0 ? null : insurers[random.Next(insurers.Count)].Id,
                    AgentId = random.Next(4) == 0 ? agents[random.Next(agents.Count)].Id : null,
                };
                var job = Job.Open(number, DemoSource(reports, repairer.Country), details);
                job.Backdate(created);
                // Cars being repaired are inside; a few finished ones were forgotten (the release notes' warning).
                if (status is JobStatus.Approved or JobStatus.InRepair or JobStatus.Ready || (status.IsFinished() && random.Next(40) == 0))
                {
                    job.SetVehicleIn(true, created.AddDays(1));
                }
                else if (status.IsFinished())
                {
                    // Keys to keys (R1): the car came in some days after the estimate, at least a day before it left.
                    var daysOpen = random.Next(5, 25);
                    job.SetVehicleIn(true, created.AddDays(reports.Next(0, daysOpen - 1)));
                    job.MarkOffSite(created.AddDays(daysOpen));
                }

                job.Log.Add(new JobLogEntry { At = created, UserName = StaffEmail, MessageKey = "JobLog.Created", Detail = number.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                db.Jobs.Add(job);
            }

            // The newest job of each Belgian repairer is the car of an insurance assignment the Informex sandbox
            // sends to its mailbox, so the Winformex pick-list (C5) has something to offer.
            var informexJobs = new List<Job>();
            foreach (var repairer in repairers.Where(r => r.Country == "BE" && !string.IsNullOrEmpty(r.ExternalReference)))
            {
                var newest = db.Jobs.Local.Where(j => j.RepairerId == repairer.Id).MaxBy(j => j.Number);
                newest?.Edit(newest.Details() with { Registration = PlanManager.Sandbox.SandboxCatalog.InformexPlates(repairer.ExternalReference!)[0] });
                informexJobs.AddRange(newest is null ? [] : [newest]);
            }

            await db.SaveChangesAsync(ct);

            // Their second-circuit data are filled in, technical inspection included (the French screen), so one press of "i" sends them.
            foreach (var job in informexJobs)
            {
                db.InformexJobFiles.Add(new InformexJobFile
                {
                    JobId = job.Id,
                    Mileage = job.MileageAtEstimate ?? 48_200,
                    ArrivalAtRepairer = DateOnly.FromDateTime(now.UtcDateTime),
                    TechnicalInspection = TechnicalInspection.ToInspect,
                    InspectionPoints = InspectionPoints.Chassis,
                });
            }

            await db.SaveChangesAsync(ct);
            DemoPlanning.Plan(db, repairers, now);
            await db.SaveChangesAsync(ct);
            await SeedMessagesAsync(owners, ct);
            await db.JobNumberCounters.Where(c => c.Name == JobNumberCounter.JobsName)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastValue, jobCount), ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        db.ChangeTracker.Clear();
        logger.LogInformation("Demo data created: {Repairers} repairers, {Parties} third parties, {Jobs} jobs", repairers.Count, insurers.Count + agents.Count + owners.Count, jobCount);
    }

    /// <summary>
    /// A few customer messages in the outbox (M1): the newest cars ready to collect and a note. Without a
    /// mail server (the embedded demo) they show under Administration &gt; Messages as "not sent".
    /// </summary>
    private async Task SeedMessagesAsync(List<ThirdParty> owners, CancellationToken cancellationToken)
    {
        var ready = db.Jobs.Local.Where(j => j.Status == JobStatus.Ready && j.OwnerId != null).OrderByDescending(j => j.Number).Take(3).ToList();
        foreach (var job in ready)
        {
            var owner = owners.First(o => o.Id == job.OwnerId);
            owner.Email ??= $"{new string(owner.Name.ToLowerInvariant().Where(char.IsAsciiLetterLower).ToArray())}@example.com";
            owner.Language ??= job.Number % 2 == 0 ? "nl" : "fr";
            await messages.QueueAsync(db, MessageKind.CarReady, job, automatic: true, note: null, cancellationToken);
        }

        if (ready.FirstOrDefault() is { } first)
        {
            await messages.QueueAsync(db, MessageKind.Note, first, automatic: false, "The new bumper arrived; we will call you to agree a time.", cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Every connector and the portal switched on against the sandbox, so each flow can be tried
    /// at once; the Belgian repairers get a Claims360 set-up except one, so the set-up dialog can
    /// be tried too. Only on a database whose connectors nobody has touched.
    /// </summary>
    private async Task SeedConnectorsAsync(CancellationToken cancellationToken)
    {
        var settings = await db.ConnectorSettings.ToListAsync(cancellationToken);
        if (settings.Any(s => s.ConfiguredAt is not null))
        {
            return;
        }

        var credentials = sandbox.Value.Credentials;
        var now = clock.GetUtcNow();
        foreach (var setting in settings)
        {
            setting.Enabled = true;
            setting.ConfiguredAt = now;
            setting.UpdatedBy = SupportEmail;
            switch (setting.Kind)
            {
                case ConnectorKind.Caps:
                    setting.SiteCode = credentials.CapsSite;
                    setting.ProtectedSecret = secrets.Protect(credentials.CapsApiKey);
                    break;
                case ConnectorKind.AudatexUk:
                    setting.ProtectedSecret = secrets.Protect(credentials.AudatexUkToken);
                    break;
                case ConnectorKind.Informex:
                    setting.ProtectedSecret = secrets.Protect(credentials.InformexApiKey);
                    break;
                case ConnectorKind.Claims360:
                    setting.Claims360Queueing = true;
                    break;
            }
        }

        var belgian = await db.Repairers.Where(r => r.Country == "BE" && r.ExternalReference != null).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        // The last one is left without a set-up on purpose.
        foreach (var repairer in belgian.SkipLast(1))
        {
            if (!await db.Claims360Setups.AnyAsync(s => s.RepairerId == repairer.Id, cancellationToken))
            {
                db.Claims360Setups.Add(new Claims360Setup
                {
                    RepairerId = repairer.Id,
                    CarrosserieId = repairer.ExternalReference!,
                    ProtectedBodyshopKey = secrets.Protect(credentials.Claims360BodyshopKey),
                    ProtectedPlanManagerKey = secrets.Protect(credentials.Claims360PlanManagerKey),
                    ConfiguredAt = now,
                    UpdatedBy = SupportEmail,
                });
            }
        }

        db.Audit.Add(new AuditEntry { At = now, UserName = SupportEmail, Area = "Connectors", Action = "Demo set-up", Detail = "all connectors and the portal switched on against the sandbox" });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task EnsureUserAsync(string email, string name, string role)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {email} could not be created: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(user, role);
    }

    private static ThirdParty Party(ThirdPartyKind kind, string name)
    {
        var party = new ThirdParty { Kind = kind, Name = name };
        party.RefreshSearchKeys();
        return party;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Where a demo job came from: mostly typed by staff, else the platforms of its country or the portal (the Reports page's sources).</summary>
    private static JobSource DemoSource(Random random, string? country) => random.Next(10) switch
    {
        < 5 => JobSource.Staff,
        5 => JobSource.Portal,
        _ when country == "GB" => random.Next(2) == 0 ? JobSource.Caps : JobSource.AudatexUk,
        _ => random.Next(2) == 0 ? JobSource.Claims360 : JobSource.Informex,
    };
}

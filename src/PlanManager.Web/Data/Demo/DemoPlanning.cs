using PlanManager.Web.Domain;
using PlanManager.Web.Domain.Workshop;

namespace PlanManager.Web.Data.Demo;

/// <summary>
/// The planning board's demo (W1): capacity per repairer, a planned current week with typed hours
/// (some days over capacity), a few approved jobs without dates and a few appointments this week.
/// Works on the jobs the seeder just saved, in its transaction.
/// </summary>
internal static class DemoPlanning
{
    public static void Plan(PlanManagerDbContext db, IReadOnlyList<Repairer> repairers, DateTimeOffset now)
    {
        var random = new Random(1913);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        foreach (var (repairer, index) in repairers.Select((r, i) => (r, i)))
        {
            db.DepartmentCapacities.AddRange(
                new DepartmentCapacity { RepairerId = repairer.Id, Department = Department.Body, Technicians = 2 + index % 2, HoursPerTechnician = 8 },
                new DepartmentCapacity { RepairerId = repairer.Id, Department = Department.Preparation, Technicians = 1, HoursPerTechnician = 8 },
                new DepartmentCapacity { RepairerId = repairer.Id, Department = Department.Paint, Technicians = 1, HoursPerTechnician = 7.5m },
                new DepartmentCapacity { RepairerId = repairer.Id, Department = Department.Assembly, Technicians = 1, HoursPerTechnician = 8 });

            // The newest open jobs of the repairer become the week's work (approved, so the board shows them) and the
            // oldest of them wait for a date on the "Unplanned" list.
            var approved = db.Jobs.Local
                .Where(j => j.RepairerId == repairer.Id && j.Status <= JobStatus.Ready)
                .OrderByDescending(j => j.CreatedAt)
                .Take(14)
                .ToList();
            foreach (var job in approved.Where(j => j.Status < JobStatus.Approved))
            {
                job.Edit(job.Details() with { Status = JobStatus.Approved });
            }

            var waiting = approved.Count > 3 ? approved.TakeLast(3).ToList() : [];
            foreach (var job in waiting)
            {
                job.Edit(job.Details() with { Status = JobStatus.Approved, StartDate = null, EndDate = null, EstimatedCompletionDate = null });
            }

            var planned = approved.Take(Math.Min(8, approved.Count - waiting.Count)).ToList();
            foreach (var (job, i) in planned.Select((j, i) => (j, i)))
            {
                var start = monday.AddDays(i % 4);
                // The first job of each week is a one-day paint job over the paint shop's day: an over-capacity Monday.
                var end = i == 0 ? start : start.AddDays(1 + random.Next(0, 2));
                job.Edit(job.Details() with { StartDate = start, EndDate = end, EstimatedCompletionDate = end });
                db.PlannedHours.AddRange(
                    new PlannedHours { JobId = job.Id, Department = Department.Body, Hours = random.Next(4, 13) },
                    new PlannedHours { JobId = job.Id, Department = Department.Preparation, Hours = random.Next(2, 6) },
                    new PlannedHours { JobId = job.Id, Department = Department.Paint, Hours = i == 0 ? 9 : random.Next(3, 8) },
                    new PlannedHours { JobId = job.Id, Department = Department.Assembly, Hours = random.Next(1, 4) });
            }

            foreach (var (job, i) in planned.Take(2).Select((j, i) => (j, i)))
            {
                db.Appointments.Add(new Appointment
                {
                    RepairerId = repairer.Id,
                    JobId = job.Id,
                    Kind = i == 0 ? AppointmentKind.Repair : AppointmentKind.Estimate,
                    Status = i == 0 ? AppointmentStatus.Confirmed : AppointmentStatus.Requested,
                    Start = new DateTimeOffset(monday.AddDays(1 + (2 * i)).ToDateTime(new TimeOnly(8 + i, 0)), TimeSpan.Zero),
                    Place = 1,
                    CustomerName = "Demo customer",
                });
            }
        }
    }
}

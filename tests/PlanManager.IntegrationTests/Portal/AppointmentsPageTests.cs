using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.IntegrationTests.Portal;

/// <summary>The staff Appointments page: day and week view, confirm, move, cancel, opening hours and capacity.</summary>
public sealed class AppointmentsPageTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    private static int _nextNumber = 9000;

    private async Task<(int RepairerId, Appointment Appointment)> NewAppointmentAsync(string customer, int dayOffset)
    {
        var repairerId = await FirstRepairerIdAsync();
        var start = NextMondayNine().AddDays(dayOffset);
        var appointment = await Factory.WithDbAsync(async db =>
        {
            var job = new JobBuilder().Number(Interlocked.Increment(ref _nextNumber)).Repairer(repairerId).Build();
            var a = new Appointment { RepairerId = repairerId, Job = job, Kind = AppointmentKind.Estimate, Start = start, Place = 1, CustomerName = customer,
                CreatedAt = start, UpdatedAt = start };
            db.Appointments.Add(a);
            await db.SaveChangesAsync();
            return a;
        });
        return (repairerId, appointment);
    }

    private DateTimeOffset NextMondayNine()
    {
        var today = Factory.DisplayTime.Today();
        var monday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 + 7);
        return Factory.DisplayTime.At(monday, new TimeOnly(9, 0));
    }

    private string Day(DateTimeOffset at) => Factory.DisplayTime.DayOf(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_day_view_shows_that_days_appointments_and_the_week_view_the_whole_week()
    {
        var (repairerId, monday) = await NewAppointmentAsync("Emma Claes", 0);
        await NewAppointmentAsync("Arthur Maes", 2);

        var day = await Browser.GetPageAsync($"/appointments?repairerId={repairerId}&date={Day(monday.Start)}");
        var week = await Browser.GetPageAsync($"/appointments?repairerId={repairerId}&date={Day(monday.Start)}&view=week");

        var dayText = string.Join("|", day.QuerySelectorAll("[data-testid=appointment]").Select(a => a.TextContent));
        Assert.Contains("Emma Claes", dayText, StringComparison.Ordinal);
        Assert.DoesNotContain("Arthur Maes", dayText, StringComparison.Ordinal);
        var weekText = string.Join("|", week.QuerySelectorAll("[data-testid=appointment]").Select(a => a.TextContent));
        Assert.Contains("Emma Claes", weekText, StringComparison.Ordinal);
        Assert.Contains("Arthur Maes", weekText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_confirm_move_and_cancel_an_appointment_and_the_job_log_says_so()
    {
        var (repairerId, appointment) = await NewAppointmentAsync("Noor De Smet", 1);
        var url = $"/appointments?repairerId={repairerId}&date={Day(appointment.Start)}";

        using var confirm = await Browser.SubmitAsync(url, $"form[action='/appointments/{appointment.Id}/confirm']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(AppointmentStatus.Confirmed, await StatusOf(appointment.Id));

        var target = appointment.Start.AddHours(2);
        using var move = await Browser.SubmitAsync(url, $"form[action='/appointments/{appointment.Id}/move']",
            new Dictionary<string, string> { ["slot"] = target.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, move.StatusCode);
        Assert.Equal(target, await Factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == appointment.Id).Select(a => a.Start).SingleAsync()));

        using var cancel = await Browser.SubmitAsync(url, $"form[action='/appointments/{appointment.Id}/cancel']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal(AppointmentStatus.Cancelled, await StatusOf(appointment.Id));

        var log = await Factory.WithDbAsync(db => db.JobLog.Where(l => l.JobId == appointment.JobId && l.MessageKey == "JobLog.AppointmentChanged")
            .Select(l => l.Detail!).ToListAsync());
        Assert.Equal(["Cancelled", "Confirmed", "Moved"], log.Select(d => d.Split('|')[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Moving_to_a_full_slot_is_refused()
    {
        var (repairerId, first) = await NewAppointmentAsync("Full One", 3);
        var (_, second) = await NewAppointmentAsync("Full Two", 5);
        await Factory.WithDbAsync(async db =>
        {
            if (!await db.AppointmentSchedules.AnyAsync(s => s.RepairerId == repairerId))
            {
                db.AppointmentSchedules.Add(new AppointmentSchedule { RepairerId = repairerId });
                await db.SaveChangesAsync();
            }

            await db.AppointmentSchedules.Where(s => s.RepairerId == repairerId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, 1));
        });
        var target = first.Start.AddHours(4);
        await Factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == second.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Start, target)));

        using var move = await Browser.SubmitAsync($"/appointments?repairerId={repairerId}&date={Day(first.Start)}",
            $"form[action='/appointments/{first.Id}/move']",
            new Dictionary<string, string> { ["slot"] = target.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, move.StatusCode);
        Assert.Equal(first.Start, await Factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == first.Id).Select(a => a.Start).SingleAsync()));
    }

    [Fact]
    public async Task The_unique_place_index_refuses_a_second_appointment_in_the_same_place()
    {
        var (repairerId, first) = await NewAppointmentAsync("Place One", 4);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => Factory.WithDbAsync(async db =>
        {
            db.Appointments.Add(new Appointment { RepairerId = repairerId, JobId = first.JobId, Start = first.Start, Place = first.Place,
                CustomerName = "Twice" });
            await db.SaveChangesAsync();
        }));
        Assert.Contains("UNIQUE", error.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_set_opening_hours_and_capacity_and_the_portal_offers_those_slots()
    {
        // Another repairer than the other tests', whose appointments need the default hours.
        var repairerId = await Factory.WithDbAsync(db => db.Repairers.OrderBy(r => r.Name).Select(r => r.Id).LastAsync());
        using var saved = await Browser.SubmitAsync($"/appointments?repairerId={repairerId}", "#schedule-form", new Dictionary<string, string>
        {
            ["Opens"] = "13:00",
            ["Closes"] = "15:00",
            ["SlotMinutes"] = "60",
            ["Capacity"] = "3",
            ["DaysAhead"] = "10",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var schedule = await Factory.WithDbAsync(db => db.AppointmentSchedules.SingleAsync(s => s.RepairerId == repairerId));
        Assert.Equal(new TimeOnly(13, 0), schedule.Opens);
        Assert.Equal(3, schedule.Capacity);
        var portal = await Browser.GetPageAsync($"/portal/{repairerId}/estimate");
        var times = portal.QuerySelectorAll("select[name='Form.Slot'] option[value]").Where(o => o.GetAttribute("value") != string.Empty)
            .Select(o => Factory.DisplayTime.Local(DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(o.GetAttribute("value")!,
                CultureInfo.InvariantCulture))).TimeOfDay).Distinct().Order().ToList();
        Assert.Equal([new TimeSpan(13, 0, 0), new TimeSpan(14, 0, 0)], times);
    }

    private Task<AppointmentStatus> StatusOf(int id) => Factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());
}

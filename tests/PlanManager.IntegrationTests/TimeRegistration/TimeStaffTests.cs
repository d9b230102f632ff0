using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.IntegrationTests.Security;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using PlanManager.Web.Domain.Workshop;
using PlanManager.Web.Features.TimeRegistration;

namespace PlanManager.IntegrationTests.TimeRegistration;

/// <summary>Workshop &gt; Time for staff (W2): technicians, corrections, timesheets and CSV, the job's hours, and bad input on each form.</summary>
public sealed class TimeStaffTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    private static int _nextNumber = 7500;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<(int TechnicianId, long LineId, int JobId)> AddLineAsync(string technicianName, DateTimeOffset start, DateTimeOffset end)
    {
        var repairer = await FirstRepairerIdAsync();
        return await Factory.WithDbAsync(async db =>
        {
            var number = Interlocked.Increment(ref _nextNumber);
            var job = new JobBuilder().Number(number).Repairer(repairer).Status(JobStatus.InRepair).Plate($"1-TIM-{number % 1000:000}")
                .InsideSince(start.AddDays(-1)).Build();
            var technician = new Technician { RepairerId = repairer, Name = technicianName, Department = Department.Body };
            db.Jobs.Add(job);
            db.Technicians.Add(technician);
            await db.SaveChangesAsync();
            var line = new ClockLine { TechnicianId = technician.Id, JobId = job.Id, Task = WorkTask.Body, Department = Department.Body, StartedAt = start };
            line.End(end, ClockEnd.Stopped);
            db.ClockLines.Add(line);
            await db.SaveChangesAsync();
            return (technician.Id, line.Id, job.Id);
        });
    }

    [Fact]
    public async Task A_new_technician_gets_a_code_shown_once_that_is_stored_only_hashed()
    {
        var repairer = await FirstRepairerIdAsync();
        using var saved = await Browser.SubmitAsync("/workshop/time/technicians/new", "#technician-form",
            new Dictionary<string, string> { ["Form.Name"] = "Noor Peeters", ["Form.RepairerId"] = Id(repairer), ["Form.Department"] = "Paint" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var url = saved.Headers.Location!.OriginalString;

        var page = await Browser.GetPageAsync(url);
        var code = page.QuerySelector("[data-testid=code]")!.TextContent.Trim();
        Assert.True(TechnicianCode.IsWellFormed(code));
        var stored = await Factory.WithDbAsync(db => db.Technicians.AsNoTracking().SingleAsync(t => t.Name == "Noor Peeters"));
        Assert.Equal(TechnicianCode.Hash(repairer, code), stored.CodeHash);
        Assert.Equal(Department.Paint, stored.Department);
        Assert.Null((await Browser.GetPageAsync(url)).QuerySelector("[data-testid=code]"));

        var list = await Browser.GetPageAsync($"/workshop/time/technicians?repairer={repairer}&sort=asc");
        var names = list.QuerySelectorAll("[data-testid=technician-row] a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Noor Peeters", names);
        Assert.Equal(names.Order(StringComparer.CurrentCulture).ToList(), names);
    }

    [Fact]
    public async Task Bad_input_on_the_technician_form_is_refused_and_nothing_is_saved()
    {
        var repairer = Id(await FirstRepairerIdAsync());
        var before = await Factory.WithDbAsync(db => db.Technicians.CountAsync());
        var cases = BadInputTests.TextCorpus.Where(v => v.Length > 200 || v.Contains('\u0001', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(v))
            .Select(v => (Name: v, Repairer: repairer, Department: "Body"))
            .Append(("Valid Name", "abc", "Body"))
            .Append(("Valid Name", "999999", "Body"))
            .Append(("Valid Name", repairer, "Welding"))
            .Append(("Valid Name", repairer, "42"))
            .Append(("Valid Name", repairer, ""));
        foreach (var (name, rep, department) in cases)
        {
            using var response = await Browser.SubmitAsync("/workshop/time/technicians/new", "#technician-form",
                new Dictionary<string, string> { ["Form.Name"] = name, ["Form.RepairerId"] = rep, ["Form.Department"] = department });
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest,
                $"{name[..Math.Min(20, name.Length)]}/{rep}/{department} answered {(int)response.StatusCode}");
        }

        Assert.Equal(before, await Factory.WithDbAsync(db => db.Technicians.CountAsync()));
    }

    [Fact]
    public async Task A_correction_needs_a_reason_and_is_audited_on_the_line_and_the_job_log()
    {
        var day = Factory.DisplayTime.Today().AddDays(-3);
        var start = Factory.DisplayTime.At(day, new TimeOnly(8, 0));
        var (_, lineId, jobId) = await AddLineAsync("Audit Tech", start, start.AddHours(9));
        var url = $"/workshop/time/lines/{lineId}";

        using var noReason = await Browser.SubmitAsync(url, "#correction-form", new Dictionary<string, string> { ["Form.Reason"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.NotNull(HtmlClient.FieldError(HtmlClient.Parse(await noReason.Content.ReadAsStringAsync()), "Form.Reason"));

        using var saved = await Browser.SubmitAsync(url, "#correction-form", new Dictionary<string, string>
        {
            ["Form.End"] = $"{day:yyyy-MM-dd}T12:30", ["Form.Task"] = "Paint", ["Form.Reason"] = "Forgot to stop before lunch",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var line = await Factory.WithDbAsync(db => db.ClockLines.AsNoTracking().Include(l => l.Corrections).SingleAsync(l => l.Id == lineId));
        Assert.Equal(Factory.DisplayTime.At(day, new TimeOnly(12, 30)), line.EndedAt);
        Assert.Equal(Department.Paint, line.Department);
        var correction = Assert.Single(line.Corrections);
        Assert.Equal((DemoDataSeeder.StaffEmail, "Forgot to stop before lunch"), (correction.UserName, correction.Reason));
        Assert.Equal((start.AddHours(9), WorkTask.Body), (correction.EndBefore!.Value, correction.TaskBefore));

        var history = (await Browser.GetPageAsync(url)).QuerySelector("[data-testid=correction]")!.TextContent;
        Assert.Contains("Forgot to stop before lunch", history, StringComparison.Ordinal);
        Assert.Contains(DemoDataSeeder.StaffEmail, history, StringComparison.Ordinal);
        var log = await Factory.WithDbAsync(db => db.JobLog.AsNoTracking().SingleAsync(l => l.JobId == jobId && l.MessageKey == CorrectClockLine.LogMessage));
        Assert.Equal(DemoDataSeeder.StaffEmail, log.UserName);
        Assert.Contains("Audit Tech", log.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_on_the_correction_form_is_refused_and_the_line_unchanged()
    {
        var day = Factory.DisplayTime.Today().AddDays(-4);
        var start = Factory.DisplayTime.At(day, new TimeOnly(8, 0));
        var (technician, lineId, jobId) = await AddLineAsync("Bad Input Tech", start, start.AddHours(2));
        await Factory.WithDbAsync(async db =>
        {
            db.ClockLines.Add(new ClockLine { TechnicianId = technician, JobId = jobId, StartedAt = start.AddHours(3), EndedAt = start.AddHours(4),
                EndReason = ClockEnd.Stopped });
            await db.SaveChangesAsync();
        });
        var d = $"{day:yyyy-MM-dd}";
        var cases = new List<Dictionary<string, string>>
        {
            new() { ["Form.Start"] = "yesterday", ["Form.Reason"] = "x" },
            new() { ["Form.End"] = "2026-02-30T10:00", ["Form.Reason"] = "x" },
            new() { ["Form.Start"] = "", ["Form.Reason"] = "x" },
            new() { ["Form.End"] = $"{d}T07:00", ["Form.Reason"] = "end before start" },
            new() { ["Form.End"] = $"{d}T11:30", ["Form.Reason"] = "overlaps the next line" },
            new() { ["Form.End"] = "2099-01-01T10:00", ["Form.Reason"] = "in the future" },
            new() { ["Form.Task"] = "Welding", ["Form.Reason"] = "x" },
            new() { ["Form.Reason"] = new string('A', 5000) },
            new() { ["Form.Reason"] = "abc\u0001def" },
        };
        foreach (var values in cases)
        {
            using var response = await Browser.SubmitAsync($"/workshop/time/lines/{lineId}", "#correction-form", values);
            var tried = string.Join(", ", values.Values);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{tried[..Math.Min(40, tried.Length)]} answered {(int)response.StatusCode}");
        }

        Assert.Equal(0, await Factory.WithDbAsync(db => db.ClockCorrections.CountAsync(c => c.ClockLineId == lineId)));
        Assert.Equal(start.AddHours(2), await Factory.WithDbAsync(db => db.ClockLines.Where(l => l.Id == lineId).Select(l => l.EndedAt).SingleAsync()));
    }

    [Fact]
    public async Task Bad_input_on_the_open_tablet_form_is_refused()
    {
        var before = await Factory.WithDbAsync(db => db.Kiosks.CountAsync());
        foreach (var (repairer, name) in new[] { ("abc", "Bay"), ("999999", "Bay"), (Id(await FirstRepairerIdAsync()), new string('A', 500)), ("", "Bay") })
        {
            using var response = await Browser.SubmitAsync("/workshop/time/tablets", "#open-tablet-form",
                new Dictionary<string, string> { ["Form.RepairerId"] = repairer, ["Form.Name"] = name });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.Equal(before, await Factory.WithDbAsync(db => db.Kiosks.CountAsync()));
    }

    [Fact]
    public async Task The_day_csv_is_utf8_with_a_bom_semicolons_and_formula_safe_cells()
    {
        var day = Factory.DisplayTime.Today().AddDays(-5);
        var start = Factory.DisplayTime.At(day, new TimeOnly(8, 0));
        await AddLineAsync("=HYPERLINK(\"x\")", start, start.AddHours(1.5));

        var bytes = await Browser.Http.GetByteArrayAsync($"/workshop/time/day.csv?repairer={await FirstRepairerIdAsync()}&date={day:yyyy-MM-dd}");

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Technician;Job no.;Registration;", text, StringComparison.Ordinal);
        Assert.Contains($"\"'=HYPERLINK(\"\"x\"\")\";", text, StringComparison.Ordinal);
        Assert.Contains(";1.50;", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_job_screen_shows_hours_per_department_against_the_estimate()
    {
        var start = Factory.DisplayTime.At(Factory.DisplayTime.Today().AddDays(-6), new TimeOnly(8, 0));
        var (_, _, jobId) = await AddLineAsync("Hours Tech", start, start.AddHours(2.5));
        await Factory.WithDbAsync(async db =>
        {
            db.Estimates.Add(new EstimateVersion { JobId = jobId, EstimateNumber = "E1", Version = 1, LabourHours = 8m, PlatformUpdatedAt = start,
                LoadedAt = start });
            await db.SaveChangesAsync();
        });

        var card = (await Browser.GetPageAsync($"/jobs/{jobId}")).QuerySelector("[data-testid=job-hours]")!;

        Assert.Equal("2.50", card.QuerySelector("[data-testid=hours-worked]")!.TextContent.Trim());
        Assert.Contains("of 8.00 h estimated", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hours Tech (2.50)", card.TextContent, StringComparison.Ordinal);
    }
}

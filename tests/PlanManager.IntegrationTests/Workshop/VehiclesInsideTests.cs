using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Workshop;

namespace PlanManager.IntegrationTests.Workshop;

/// <summary>The Vehicles inside page (J3): which cars it lists and flags, and marking them off site.</summary>
public sealed class VehiclesInsideTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    private static int _nextNumber = 5000;

    private async Task<Dictionary<string, int>> AddJobsAsync(params (string Key, JobStatus Status, bool Inside, bool OffSiteDate, int? Repairer)[] jobs)
    {
        var defaultRepairer = await FirstRepairerIdAsync();
        return await Factory.WithDbAsync(async db =>
        {
            var added = new Dictionary<string, Job>();
            foreach (var (key, status, inside, offSite, repairer) in jobs)
            {
                var builder = new JobBuilder().Number(Interlocked.Increment(ref _nextNumber)).Repairer(repairer ?? defaultRepairer).Status(status).Plate(key);
                if (inside)
                {
                    builder.InsideSince(DateTimeOffset.UtcNow.AddDays(-3));
                }

                var job = builder.Build();
                db.Jobs.Add(job);
                if (offSite)
                {
                    // Old data: an off site date while still ticked in (the clock unticks it nowadays).
                    db.Entry(job).Property(j => j.OffSiteDate).CurrentValue = DateTimeOffset.UtcNow.AddDays(-1);
                }

                added[key] = job;
            }

            await db.SaveChangesAsync();
            return added.ToDictionary(a => a.Key, a => a.Value.Number);
        });
    }

    private async Task<Dictionary<int, bool>> RowsAsync(string url)
    {
        var page = await Browser.GetPageAsync(url);
        return page.QuerySelectorAll("[data-testid=inside-row]").ToDictionary(
            r => int.Parse(r.GetAttribute("data-job-number")!, System.Globalization.CultureInfo.InvariantCulture),
            r => r.GetAttribute("data-finished") == "true");
    }

    private async Task<HttpResponseMessage> PostOffSiteAsync(IEnumerable<KeyValuePair<string, string>> values)
    {
        var page = await Browser.GetPageAsync("/workshop/vehicles-inside?size=100");
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", HtmlClient.Token(page, "#off-site-form")) };
        fields.AddRange(values);
        using var content = new FormUrlEncodedContent(fields);
        return await Browser.Http.PostAsync("/workshop/vehicles-inside/off-site", content);
    }

    private Task<Dictionary<int, int>> IdsAsync(IEnumerable<int> numbers) =>
        Factory.WithDbAsync(db => db.Jobs.Where(j => numbers.Contains(j.Number)).ToDictionaryAsync(j => j.Number, j => j.Id));

    [Fact]
    public async Task Cars_inside_are_listed_and_those_whose_job_is_finished_are_flagged()
    {
        var jobs = await AddJobsAsync(
            ("REPAIRING", JobStatus.InRepair, true, false, null),
            ("READY", JobStatus.Ready, true, false, null),
            ("DELIVERED", JobStatus.Delivered, true, false, null),
            ("CANCELLED", JobStatus.Cancelled, true, false, null),
            ("OFFSITEDATE", JobStatus.InRepair, true, true, null),
            ("GONE", JobStatus.Delivered, false, false, null));

        var rows = await RowsAsync("/workshop/vehicles-inside?size=100");

        Assert.False(rows[jobs["REPAIRING"]]);
        Assert.False(rows[jobs["READY"]]);
        Assert.True(rows[jobs["DELIVERED"]]);
        Assert.True(rows[jobs["CANCELLED"]]);
        Assert.True(rows[jobs["OFFSITEDATE"]]);
        Assert.DoesNotContain(jobs["GONE"], rows.Keys);

        var finishedOnly = await RowsAsync("/workshop/vehicles-inside?finished=true&size=100");
        Assert.All(finishedOnly.Values, Assert.True);
        Assert.Contains(jobs["DELIVERED"], finishedOnly.Keys);
        Assert.DoesNotContain(jobs["REPAIRING"], finishedOnly.Keys);

        var page = await Browser.GetPageAsync("/workshop/vehicles-inside");
        Assert.Contains("still marked in although their job is finished", page.QuerySelector("[data-testid=finished-alert]")!.TextContent,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_repairer_filter_lists_only_that_repairers_cars()
    {
        var repairers = await Factory.WithDbAsync(db => db.Repairers.OrderBy(r => r.Name).Select(r => r.Id).Take(2).ToListAsync());
        var jobs = await AddJobsAsync(("HERE", JobStatus.InRepair, true, false, repairers[0]), ("THERE", JobStatus.InRepair, true, false, repairers[1]));

        var rows = await RowsAsync($"/workshop/vehicles-inside?repairer={repairers[1]}&size=100");

        Assert.Contains(jobs["THERE"], rows.Keys);
        Assert.DoesNotContain(jobs["HERE"], rows.Keys);
    }

    [Fact]
    public async Task Marking_selected_cars_off_site_stamps_clears_and_logs_each_and_leaves_the_others()
    {
        var jobs = await AddJobsAsync(
            ("BULK-A", JobStatus.Delivered, true, false, null),
            ("BULK-B", JobStatus.Closed, true, false, null),
            ("BULK-C", JobStatus.Delivered, true, false, null));
        var ids = await IdsAsync(jobs.Values);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        using var response = await PostOffSiteAsync([new("selected", ids[jobs["BULK-A"]].ToString()), new("selected", ids[jobs["BULK-B"]].ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await Factory.WithDbAsync(db => db.Jobs.Include(j => j.Log).Where(j => ids.Values.Contains(j.Id)).ToDictionaryAsync(j => j.Number));
        foreach (var key in new[] { "BULK-A", "BULK-B" })
        {
            var job = stored[jobs[key]];
            Assert.False(job.VehicleIn);
            Assert.Null(job.VehicleInSince);
            Assert.InRange(job.OffSiteDate!.Value, before, DateTimeOffset.UtcNow.AddSeconds(1));
            Assert.Single(job.Log, l => l.MessageKey == "JobLog.OffSite" && l.UserName == "staff@planmanager.demo");
        }

        var untouched = stored[jobs["BULK-C"]];
        Assert.True(untouched.VehicleIn);
        Assert.Null(untouched.OffSiteDate);
        Assert.DoesNotContain(untouched.Log, l => l.MessageKey == "JobLog.OffSite");

        var page = await Browser.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("2 car(s) marked off site.", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("[data-testid=inside-row]").Select(r => r.GetAttribute("data-job-number")).ToList();
        Assert.DoesNotContain(jobs["BULK-A"].ToString(System.Globalization.CultureInfo.InvariantCulture), rows);
    }

    [Fact]
    public async Task A_rows_own_button_marks_only_that_car_even_with_others_ticked()
    {
        var jobs = await AddJobsAsync(("ONE-A", JobStatus.Invoiced, true, false, null), ("ONE-B", JobStatus.Invoiced, true, false, null));
        var ids = await IdsAsync(jobs.Values);

        using var response = await PostOffSiteAsync([new("selected", ids[jobs["ONE-A"]].ToString()), new("single", ids[jobs["ONE-B"]].ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var inside = await Factory.WithDbAsync(db => db.Jobs.Where(j => ids.Values.Contains(j.Id)).ToDictionaryAsync(j => j.Number, j => j.VehicleIn));
        Assert.True(inside[jobs["ONE-A"]]);
        Assert.False(inside[jobs["ONE-B"]]);
    }

    [Fact]
    public async Task A_stale_tab_marking_a_car_already_off_site_is_told_so_and_changes_nothing()
    {
        var jobs = await AddJobsAsync(("STALE-A", JobStatus.Invoiced, true, false, null), ("STALE-B", JobStatus.Invoiced, true, false, null));
        var ids = await IdsAsync(jobs.Values);
        using (var first = await PostOffSiteAsync([new("single", ids[jobs["STALE-A"]].ToString())]))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var offSiteAt = await Factory.WithDbAsync(db => db.Jobs.Where(j => j.Id == ids[jobs["STALE-A"]]).Select(j => j.OffSiteDate).SingleAsync());

        using var again = await PostOffSiteAsync([new("single", ids[jobs["STALE-A"]].ToString())]);
        var page = await Browser.GetPageAsync(again.Headers.Location!.OriginalString);
        Assert.Contains("already marked off site", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(offSiteAt, await Factory.WithDbAsync(db => db.Jobs.Where(j => j.Id == ids[jobs["STALE-A"]]).Select(j => j.OffSiteDate).SingleAsync()));

        using var both = await PostOffSiteAsync([new("selected", ids[jobs["STALE-A"]].ToString()), new("selected", ids[jobs["STALE-B"]].ToString())]);
        var mixed = await Browser.GetPageAsync(both.Headers.Location!.OriginalString);
        Assert.Contains("1 car(s) marked off site; 1 were already off site.", mixed.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marking_nothing_says_so_and_changes_nothing()
    {
        using var response = await PostOffSiteAsync([]);

        var page = await Browser.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Select at least one car.", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(null, true)]
    [InlineData(1, false)]
    [InlineData(1, true)]
    public async Task The_page_query_seeks_the_vehicle_in_index_instead_of_scanning_all_jobs(int? repairer, bool finishedOnly)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var inside = scope.ServiceProvider.GetRequiredService<VehiclesInside>().Inside(repairer);
        var query = (finishedOnly ? inside.Where(Job.FinishedForVehicleIn()) : inside)
            .OrderBy(j => j.VehicleInSince).ThenBy(j => j.Number)
            .Select(j => new { j.Id, j.Number, Owner = j.Owner != null ? j.Owner.Name : null, Repairer = j.Repairer!.Name })
            .Skip(0).Take(25);

        var plan = await ExplainAsync(query.ToQueryString());

        // One of the indexes that start with VehicleIn: per repairer, or in page order for all (Data/Configurations/JobConfiguration).
        Assert.Contains(plan, line => line.StartsWith("SEARCH j USING INDEX IX_Jobs_VehicleIn_", StringComparison.Ordinal)
            && line.Contains("(VehicleIn=?", StringComparison.Ordinal));
        // "SCAN j0" reads the co-routine of at most one page; "SCAN j" would read the whole Jobs table.
        Assert.DoesNotContain(plan, line => line == "SCAN j" || line.StartsWith("SCAN j ", StringComparison.Ordinal));
    }

    /// <summary>SQLite's own plan for a query EF wrote (".param set" lines carry its parameters).</summary>
    private async Task<List<string>> ExplainAsync(string queryString)
    {
        await using var connection = new SqliteConnection($"Data Source={Factory.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var lines = queryString.Split('\n');
        foreach (var param in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = param.Split(' ', 4);
            command.Parameters.AddWithValue(parts[2], parts[3].Trim() is var v && v.StartsWith('\'') ? v.Trim('\'') : v);
        }

        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }
}

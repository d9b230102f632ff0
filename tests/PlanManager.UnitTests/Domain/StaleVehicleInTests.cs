using PlanManager.Web.Domain;

namespace PlanManager.UnitTests.Domain;

public sealed class StaleVehicleInTests
{
    public static TheoryData<JobStatus, bool> Cases()
    {
        var data = new TheoryData<JobStatus, bool>();
        foreach (var status in Enum.GetValues<JobStatus>())
        {
            data.Add(status, false);
            data.Add(status, true);
        }

        return data;
    }

    private static Job Inside(JobStatus status)
    {
        var job = new JobBuilder().Status(status).Build();
        job.SetVehicleIn(true, DateTimeOffset.UtcNow);
        return job;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_query_the_page_runs_flags_exactly_the_cars_the_rule_calls_stale(JobStatus status, bool offSite)
    {
        var job = Inside(status);
        if (offSite)
        {
            // Only old data has both (the clock unticks "vehicle in"); the page must still flag it.
            typeof(Job).GetProperty(nameof(Job.OffSiteDate))!.SetValue(job, DateTimeOffset.UtcNow);
        }

        Assert.Equal(job.IsStaleVehicleIn, Job.FinishedForVehicleIn().Compile()(job));
    }

    [Theory]
    [InlineData(JobStatus.Delivered, true)]
    [InlineData(JobStatus.Invoiced, true)]
    [InlineData(JobStatus.Closed, true)]
    [InlineData(JobStatus.Cancelled, true)]
    [InlineData(JobStatus.Ready, false)]
    [InlineData(JobStatus.InRepair, false)]
    public void A_car_inside_is_stale_once_its_job_is_delivered_invoiced_closed_or_cancelled(JobStatus status, bool stale) =>
        Assert.Equal(stale, Inside(status).IsStaleVehicleIn);

    [Fact]
    public void A_car_that_is_not_inside_is_never_stale()
    {
        var job = new JobBuilder().Status(JobStatus.Delivered).Build();
        Assert.False(job.IsStaleVehicleIn);
    }
}

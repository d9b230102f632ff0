using PlanManager.Web.Domain;

namespace PlanManager.UnitTests.Domain;

public sealed class JobTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void The_off_site_clock_stamps_the_date_and_unticks_vehicle_in()
    {
        var job = new Job();
        job.SetVehicleIn(true, Monday);

        job.MarkOffSite(Monday.AddDays(3));

        Assert.False(job.VehicleIn);
        Assert.Null(job.VehicleInSince);
        Assert.Equal(Monday.AddDays(3), job.OffSiteDate);
    }

    [Fact]
    public void A_car_that_comes_back_in_is_no_longer_off_site()
    {
        var job = new Job();
        job.MarkOffSite(Monday);

        var changed = job.SetVehicleIn(true, Monday.AddDays(1));

        Assert.True(changed);
        Assert.True(job.VehicleIn);
        Assert.Equal(Monday.AddDays(1), job.VehicleInSince);
        Assert.Null(job.OffSiteDate);
    }

    [Fact]
    public void Ticking_vehicle_in_twice_changes_nothing_the_second_time()
    {
        var job = new Job();
        Assert.True(job.SetVehicleIn(true, Monday));
        Assert.False(job.SetVehicleIn(true, Monday.AddHours(2)));
        Assert.Equal(Monday, job.VehicleInSince);
    }

    [Theory]
    [InlineData(JobStatus.Delivered, true)]
    [InlineData(JobStatus.Invoiced, true)]
    [InlineData(JobStatus.Closed, true)]
    [InlineData(JobStatus.Cancelled, true)]
    [InlineData(JobStatus.InRepair, false)]
    [InlineData(JobStatus.Ready, false)]
    public void A_car_still_inside_for_a_finished_job_is_stale(JobStatus status, bool stale)
    {
        var job = new Job { Status = status };
        job.SetVehicleIn(true, Monday);
        Assert.Equal(stale, job.IsStaleVehicleIn);
    }

    [Fact]
    public void A_car_not_inside_is_never_stale()
    {
        var job = new Job { Status = JobStatus.Closed };
        Assert.False(job.IsStaleVehicleIn);
    }

    [Fact]
    public void Search_keys_follow_the_plate_and_claim_number()
    {
        var job = new Job { Registration = "1-abc-234", ClaimNumber = " " };
        job.RefreshSearchKeys();
        Assert.Equal("1ABC234", job.RegistrationKey);
        Assert.Null(job.ClaimNumberKey);
    }
}

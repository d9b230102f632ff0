using PlanManager.Web.Domain;

namespace PlanManager.UnitTests.Domain;

public sealed class JobTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void The_off_site_clock_stamps_the_date_and_unticks_vehicle_in()
    {
        var job = new JobBuilder().Build();
        job.SetVehicleIn(true, Monday);

        job.MarkOffSite(Monday.AddDays(3));

        Assert.False(job.VehicleIn);
        Assert.Null(job.VehicleInSince);
        Assert.Equal(Monday.AddDays(3), job.OffSiteDate);
    }

    [Fact]
    public void A_car_that_comes_back_in_is_no_longer_off_site()
    {
        var job = new JobBuilder().Build();
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
        var job = new JobBuilder().Build();
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
        var job = new JobBuilder().Status(status).Build();
        job.SetVehicleIn(true, Monday);
        Assert.Equal(stale, job.IsStaleVehicleIn);
    }

    [Fact]
    public void A_car_not_inside_is_never_stale()
    {
        var job = new JobBuilder().Status(JobStatus.Closed).Build();
        Assert.False(job.IsStaleVehicleIn);
    }

    [Fact]
    public void Search_keys_follow_the_plate_and_claim_number()
    {
        var job = new JobBuilder().Plate("1-abc-234").Claim(" ").Build();
        Assert.Equal("1ABC234", job.RegistrationKey);
        Assert.Null(job.ClaimNumberKey);

        job.Edit(job.Details() with { Registration = "2-XYZ-987", ClaimNumber = "cl/77" });
        Assert.Equal(("2XYZ987", "CL77"), (job.RegistrationKey, job.ClaimNumberKey));
    }

    [Fact]
    public void A_job_is_opened_with_its_number_source_and_details_and_nothing_typed_is_lost_by_an_edit_of_its_details()
    {
        var details = new JobDetails(4, "AB12 CDE") { Make = "Ford", Colour = "Blue", OwnerId = 9 };

        var job = Job.Open(77, JobSource.Caps, details);

        Assert.Equal((77, JobSource.Caps, 4, "Ford", 9), (job.Number, job.Source, job.RepairerId, job.Make, job.OwnerId));
        Assert.Equal(details, job.Details());
    }

    [Fact]
    public void A_job_cannot_be_opened_without_a_number()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Job.Open(0, JobSource.Staff, new JobDetails(1, "X")));
    }

    [Fact]
    public void The_arrival_stays_after_the_car_leaves_and_a_correction_keeps_it()
    {
        var job = new JobBuilder().Build();
        job.SetVehicleIn(true, Monday);
        job.SetVehicleIn(false, Monday.AddHours(1));
        job.SetVehicleIn(true, Monday.AddHours(2));
        job.MarkOffSite(Monday.AddDays(4));

        Assert.Equal((Monday, Monday.AddDays(4)), (job.ArrivedAt, job.OffSiteDate));
    }

    [Fact]
    public void A_car_back_after_leaving_starts_a_new_visit()
    {
        var job = new JobBuilder().Build();
        job.SetVehicleIn(true, Monday);
        job.MarkOffSite(Monday.AddDays(4));
        job.SetVehicleIn(true, Monday.AddDays(10));

        Assert.Equal(Monday.AddDays(10), job.ArrivedAt);
        Assert.Null(job.OffSiteDate);
    }
}

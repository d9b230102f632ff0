using PlanManager.Web.Domain;

namespace PlanManager.UnitTests.Domain;

public sealed class ReportMonthTests
{
    [Fact]
    public void Every_job_source_has_its_own_opened_column()
    {
        var row = new ReportMonth();
        var sources = Enum.GetValues<JobSource>();

        foreach (var source in sources)
        {
            row.SetOpened(source, (int)source + 10);
        }

        Assert.All(sources, source => Assert.Equal((int)source + 10, row.Opened(source)));
        Assert.False(row.IsEmpty);
    }

    [Fact]
    public void A_month_without_cars_left_or_jobs_opened_is_empty()
    {
        Assert.True(new ReportMonth().IsEmpty);
        Assert.False(new ReportMonth { CarsLeft = 1 }.IsEmpty);
        Assert.False(new ReportMonth { OpenedInformex = 1 }.IsEmpty);
    }
}

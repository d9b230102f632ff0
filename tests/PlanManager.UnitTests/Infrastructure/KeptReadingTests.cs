using Microsoft.Extensions.Time.Testing;
using PlanManager.Web.Features.Repairers;
using PlanManager.Web.Infrastructure;

namespace PlanManager.UnitTests.Infrastructure;

/// <summary>What is kept in memory instead of read on every page (issue 18): for its lifetime, and never past a change.</summary>
public sealed class KeptReadingTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private int _reads;

    private Task<string> ReadAsync(CancellationToken _) => Task.FromResult($"reading {++_reads}");

    [Fact]
    public async Task A_reading_is_kept_for_its_lifetime_then_read_again()
    {
        var kept = new KeptReading<string>(_clock, TimeSpan.FromSeconds(30));

        Assert.Equal("reading 1", await kept.GetAsync(ReadAsync, CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("reading 1", await kept.GetAsync(ReadAsync, CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("reading 2", await kept.GetAsync(ReadAsync, CancellationToken.None));
    }

    [Fact]
    public async Task A_change_drops_the_kept_reading_at_once()
    {
        var kept = new KeptReading<string>(_clock, TimeSpan.FromMinutes(5));
        await kept.GetAsync(ReadAsync, CancellationToken.None);

        kept.Invalidate();

        Assert.Equal("reading 2", await kept.GetAsync(ReadAsync, CancellationToken.None));
    }

    [Fact]
    public async Task A_reading_that_a_change_overtook_is_not_kept()
    {
        var kept = new KeptReading<string>(_clock, TimeSpan.FromMinutes(5));

        // The change is saved while the reading is on its way: what it read may be from before the change.
        var overtaken = await kept.GetAsync(_ => { kept.Invalidate(); return ReadAsync(CancellationToken.None); }, CancellationToken.None);

        Assert.Equal("reading 1", overtaken);
        Assert.Equal("reading 2", await kept.GetAsync(ReadAsync, CancellationToken.None));
    }

    [Theory]
    [InlineData("INSERT INTO \"Repairers\" (\"Name\") VALUES (@p0) RETURNING \"Id\";", true)]
    [InlineData("UPDATE [Repairers] SET [Name] = @p0 WHERE [Id] = @p1;", true)]
    [InlineData("DELETE FROM \"Repairers\" WHERE \"Id\" = @p0;", true)]
    [InlineData("SELECT \"r\".\"Id\", \"r\".\"Name\" FROM \"Repairers\" AS \"r\" ORDER BY \"r\".\"Name\"", false)]
    [InlineData("UPDATE \"Jobs\" SET \"RepairerId\" = @p0 WHERE \"Id\" = @p1;", false)]
    public void Only_a_write_to_the_repairers_drops_the_kept_repairers(string sql, bool drops)
    {
        var notice = new RepairerOptionsNotice(new RepairerOptions(_clock));

        Assert.Equal(drops, notice.Touches(sql));
    }
}

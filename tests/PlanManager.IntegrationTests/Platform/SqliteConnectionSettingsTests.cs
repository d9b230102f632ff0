using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;

namespace PlanManager.IntegrationTests.Platform;

/// <summary>
/// The SQLite settings are sent once per pooled connection (issue 18, decision 25): every unit of work, also on a connection
/// the pool hands out again, still waits for a busy writer and enforces foreign keys.
/// </summary>
public sealed class SqliteConnectionSettingsTests(PlanManagerFactory factory) : IClassFixture<PlanManagerFactory>
{
    private Task<long> PragmaAsync(string name) => factory.WithDbAsync(async db =>
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    });

    [Fact]
    public async Task Every_unit_of_work_has_the_settings_also_on_a_reused_connection()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(1, await PragmaAsync("foreign_keys"));
            Assert.Equal(30000, await PragmaAsync("busy_timeout"));
        }
    }
}

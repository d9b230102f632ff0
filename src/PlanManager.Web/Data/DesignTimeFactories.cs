using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PlanManager.Web.Data;

/// <summary>Used by `dotnet ef` only: migrations per provider without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePlanManagerDbContext>
{
    public SqlitePlanManagerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePlanManagerDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPlanManagerDbContext>
{
    public SqlServerPlanManagerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerPlanManagerDbContext>()
            .UseSqlServer("Server=localhost;Database=PlanManager;Trusted_Connection=True;TrustServerCertificate=True").Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlPlanManagerDbContext>
{
    public PostgreSqlPlanManagerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlPlanManagerDbContext>()
            .UseNpgsql("Host=localhost;Database=planmanager;Username=planmanager").Options);
}

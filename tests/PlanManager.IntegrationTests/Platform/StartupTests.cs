using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using PlanManager.IntegrationTests.Infrastructure;

namespace PlanManager.IntegrationTests.Platform;

public sealed class StartupTests
{
    private sealed class ProductionWithDemoFactory : PlanManagerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    [Fact]
    public void A_production_start_with_the_demo_seed_on_refuses_to_start()
    {
        using var factory = new ProductionWithDemoFactory();
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.NotNull(validation);
        Assert.Contains("Demo:Seed is on in Production", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fresh_database_file_is_created_and_migrated_on_first_start()
    {
        using var factory = new PlanManagerFactory();
        Assert.False(File.Exists(factory.DatabasePath));
        using var client = factory.CreateClient();
        using var health = await client.GetAsync("/healthz");
        Assert.True(health.IsSuccessStatusCode);
        Assert.True(File.Exists(factory.DatabasePath));
    }
}

public sealed class SandboxInProductionTests
{
    private sealed class ProductionWithSandboxFactory : PlanManagerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Demo:Seed", "false");
            builder.UseSetting("Sandbox:Enabled", "true");
        }
    }

    [Fact]
    public void A_production_start_with_the_sandbox_on_refuses_to_start()
    {
        using var factory = new ProductionWithSandboxFactory();
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.NotNull(validation);
        Assert.Contains("Sandbox:Enabled is on in Production", validation.Message, StringComparison.Ordinal);
    }
}

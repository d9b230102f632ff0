using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure.Connectors;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PlanManager.IntegrationTests.Claims360;

/// <summary>The app with Claims360 played by WireMock.Net (one server for the class; each test uses its own bodyshops).</summary>
public class Claims360Factory : PlanManagerFactory
{
    public WireMockServer Platform { get; } = WireMockServer.Start();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Connectors:Claims360:BaseUrl", Platform.Url + "/c360");
        builder.UseSetting("Connectors:Claims360:AttemptTimeout", "00:00:15");
        builder.UseSetting("Connectors:Claims360:MaxRetries", "1");
    }

    /// <summary>A repairer of its own with a set-up whose keys name its bodyshop, so every request shows whose keys it carried.</summary>
    public async Task<int> AddBodyshopAsync(string carrosserieId)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanManager.Web.Data.PlanManagerDbContext>();
        var secrets = scope.ServiceProvider.GetRequiredService<SecretProtector>();
        var now = DateTimeOffset.UtcNow;
        var repairer = new Repairer { Name = "C360 " + carrosserieId, Country = "BE", CreatedAt = now, UpdatedAt = now };
        db.Repairers.Add(repairer);
        await db.SaveChangesAsync();
        db.Claims360Setups.Add(new Claims360Setup
        {
            RepairerId = repairer.Id,
            CarrosserieId = carrosserieId,
            ProtectedBodyshopKey = secrets.Protect("bk-" + carrosserieId),
            ProtectedPlanManagerKey = secrets.Protect("pk-" + carrosserieId),
            ConfiguredAt = now,
        });
        await db.SaveChangesAsync();
        return repairer.Id;
    }

    public Task SetQueueingAsync(bool on) =>
        WithDbAsync(db => db.ConnectorSettings.Where(s => s.Kind == ConnectorKind.Claims360)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Claims360Queueing, on)));

    public static string Path(string carrosserieId, string rest) => $"/c360/v1/bodyshops/{carrosserieId}{rest}";

    public static object Assignment(string number, string plate, DateTimeOffset updatedAt, string? dossierId = null, string? model = "Golf",
        string insurer = "AG Insurance") => new
    {
        assignmentNumber = number,
        complete = true,
        work = "Carrosserie",
        make = "VW",
        model,
        licensePlate = plate,
        vin = (string?)null,
        mileage = 45210,
        customerName = "Jan Peeters",
        repairerName = (string?)null,
        insurerName = insurer,
        claimNumber = "12/345678",
        smartExpertise = true,
        dossierId,
        createdAt = updatedAt.AddHours(-1).ToString("o", CultureInfo.InvariantCulture),
        updatedAt = updatedAt.ToString("o", CultureInfo.InvariantCulture),
    };

    /// <summary>Answers the assignments of one bodyshop: page N of the given pages, only with both of its keys (401 otherwise).</summary>
    public void GivenAssignments(string carrosserieId, params object[][] pages)
    {
        Platform.Given(Request.Create().WithPath(Path(carrosserieId, "/assignments")).UsingGet())
            .AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(401));
        for (var i = 0; i < pages.Length; i++)
        {
            var body = JsonSerializer.Serialize(new { assignments = pages[i], page = i + 1, hasMore = i < pages.Length - 1 });
            Platform.Given(Request.Create().WithPath(Path(carrosserieId, "/assignments")).UsingGet()
                    .WithHeader("X-Bodyshop-Api-Key", "bk-" + carrosserieId).WithHeader("X-PlanManager-Api-Key", "pk-" + carrosserieId)
                    .WithParam("page", (i + 1).ToString(CultureInfo.InvariantCulture)))
                .AtPriority(1)
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
        }
    }

    /// <summary>The key check of a set-up (one assignment): 200 with exactly these keys, 401 with any other.</summary>
    public void GivenKeys(string carrosserieId, string bodyshopKey, string planManagerKey)
    {
        Platform.Given(Request.Create().WithPath(Path(carrosserieId, "/assignments")).UsingGet())
            .AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(401));
        Platform.Given(Request.Create().WithPath(Path(carrosserieId, "/assignments")).UsingGet()
                .WithHeader("X-Bodyshop-Api-Key", bodyshopKey).WithHeader("X-PlanManager-Api-Key", planManagerKey))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""{"assignments":[],"page":1,"hasMore":false}"""));
    }

    public int RequestsTo(string path) => Platform.LogEntries.Count(e => e.RequestMessage.AbsolutePath == path);

    /// <summary>
    /// Answers page <paramref name="page"/> of a bodyshop's assignments only once <paramref name="gate"/> is released, so a test
    /// can look at the work while it is held half-way. It wins over the page of <see cref="GivenAssignments"/>.
    /// </summary>
    public void GivenHeldPage(string carrosserieId, int page, bool hasMore, SemaphoreSlim gate, params object[] assignments)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var body = JsonSerializer.Serialize(new { assignments, page, hasMore });
        Platform.Given(Request.Create().WithPath(Path(carrosserieId, "/assignments")).UsingGet()
                .WithParam("page", page.ToString(CultureInfo.InvariantCulture)))
            .AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(_ =>
            {
                gate.Wait(TimeSpan.FromSeconds(60));
                return body;
            }));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Platform.Stop();
        Platform.Dispose();
    }
}

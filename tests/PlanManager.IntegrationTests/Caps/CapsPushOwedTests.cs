using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Caps;
using PlanManager.Web.Features.Claims360;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PlanManager.IntegrationTests.Caps;

/// <summary>
/// The one door of a job (decision 0010): whatever writes a job, a CAPS push is owed exactly when what
/// CAPS receives changed, and nothing otherwise. Each test starts from a UK job CAPS already holds.
/// No Hangfire server runs here, so an owed push stays visible as a due time.
/// </summary>
public sealed class CapsPushOwedTests : IClassFixture<CapsQueueFactory>, IAsyncLifetime
{
    private static int s_plate = 100;
    private readonly CapsQueueFactory _factory;
    private readonly HtmlClient _staff;

    public CapsPushOwedTests(CapsQueueFactory factory)
    {
        _factory = factory;
        _staff = new HtmlClient(factory.CreateBrowserLikeClient());
    }

    public async Task InitializeAsync()
    {
        _factory.Platforms.Reset();
        await _staff.SignInAsync(DemoDataSeeder.StaffEmail);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Every way a job's fields can change, and whether CAPS receives that field.</summary>
    public static TheoryData<string, bool> Changes => new()
    {
        { "plate", true }, { "make", true }, { "model", true }, { "claim", true }, { "status", true }, { "completion", true },
        { "vehicle out", true }, { "off site", true }, { "other insurer", true },
        { "colour", false }, { "vin", false }, { "damage", false }, { "mileage", false }, { "current task", false }, { "portal photos", false },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Any_save_of_a_job_owes_a_push_exactly_when_a_field_caps_receives_changed(string change, bool owed)
    {
        var id = await SyncedUkJobAsync();
        var other = await _factory.WithDbAsync(db => InsurerWithCodeAsync(db, "Direct Line", "DLINE01"));

        await _factory.WithDbAsync(async db =>
        {
            var job = await db.Jobs.SingleAsync(j => j.Id == id);
            Change(job, change, other);
            await db.SaveChangesAsync();
        });

        Assert.Equal(owed, await OwedAsync(id));
    }

    [Fact]
    public void A_job_cannot_be_written_past_its_door()
    {
        var setters = typeof(Job).GetProperties().Where(p => p.SetMethod is { IsPublic: true }).Select(p => p.Name);

        Assert.Empty(setters);
        Assert.Empty(typeof(Job).GetConstructors());
    }

    [Fact]
    public async Task Job_screen_a_synced_field_owes_a_push_another_field_does_not()
    {
        var id = await SyncedUkJobAsync();

        await CapsJobs.EditAsync(_staff, id, new Dictionary<string, string> { ["Form.Colour"] = "Racing green" });
        Assert.False(await OwedAsync(id));

        await CapsJobs.EditAsync(_staff, id, new Dictionary<string, string> { ["Form.Model"] = "Corsa" });
        Assert.True(await OwedAsync(id));
    }

    [Fact]
    public async Task Job_screen_a_new_job_owes_a_push_only_when_it_is_eligible()
    {
        var aviva = await _factory.CapsInsurerIdAsync();

        var (eligible, _) = await CapsJobs.CreateAsync(_factory, _staff, NextPlate(), "CLM-NEW-1", aviva);
        var (noClaim, _) = await CapsJobs.CreateAsync(_factory, _staff, NextPlate(), null, aviva);

        Assert.True(await OwedAsync(eligible));
        Assert.False(await OwedAsync(noClaim));
    }

    [Theory]
    [InlineData("single")]
    [InlineData("selected")]
    public async Task Vehicles_inside_off_site_owes_a_push(string button)
    {
        var id = await SyncedUkJobAsync();
        var page = await _staff.GetPageAsync("/workshop/vehicles-inside?size=100");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HtmlClient.Token(page, "#off-site-form"),
            [button] = id.ToString(CultureInfo.InvariantCulture),
        });

        using var response = await _staff.Http.PostAsync("/workshop/vehicles-inside/off-site", content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await OwedAsync(id));
    }

    [Fact]
    public async Task Third_party_editor_a_new_caps_code_owes_a_push_for_each_eligible_job_of_the_insurer_and_a_new_phone_does_not()
    {
        var insurer = await _factory.WithDbAsync(db => InsurerWithCodeAsync(db, "Ageas UK", null));
        var eligible = await SyncedUkJobAsync(insurer);
        var noClaim = await SyncedUkJobAsync(insurer, claim: null);
        var url = $"/third-parties/insurers/{insurer}";

        using (var phone = await _staff.SubmitAsync(url, $"form[action='{url}']", new Dictionary<string, string> { ["Phone"] = "0345 600 1234" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, phone.StatusCode);
        }

        Assert.False(await OwedAsync(eligible));
        using (var code = await _staff.SubmitAsync(url, $"form[action='{url}']", new Dictionary<string, string> { ["CapsCode"] = "AGEAS01" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        }

        Assert.True(await OwedAsync(eligible));
        Assert.False(await OwedAsync(noClaim));
    }

    [Fact]
    public async Task Caps_queue_accept_owes_the_push_of_the_new_job_and_an_audatex_job_with_an_unknown_insurer_owes_none()
    {
        const string CapsOffer = """
            {"offers":[{"offerId":"OF-OWED","claimNumber":"CLM-OWED","insurerCapsCode":"AVIVA01","insurerName":"Aviva","registration":"OW12 CDE",
            "make":"BMW","model":"3-SERIES","vin":null,"customerName":"Owen Owed","customerPhone":"07700 900123","customerEmail":null,
            "lossDate":"2026-11-02","damageDescription":"Rear bumper","offeredAt":"2026-11-20T09:00:00Z","expiresAt":"2026-11-25T09:00:00Z"}]}
            """;
        const string AudatexClaim = """
            {"claims":[{"claimId":"AX-OWED","claimNumber":"AXC-OWED","insurerName":"Unheard Of Mutual","registration":"AX12 CDE","make":"Ford",
            "model":"Focus","customerName":"Anna Owed","customerPhone":null,"incidentDate":"2026-11-01","notifiedAt":"2026-11-20T09:00:00Z"}]}
            """;
        Stub("/caps/v1/offers", CapsOffer);
        Stub("/audatex/v1/claims", AudatexClaim);
        _factory.Platforms.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(200));

        await AcceptAsync("caps", "OF-OWED");
        await AcceptAsync("audatex-uk", "AX-OWED");

        Assert.True(await OwedAsync(await JobIdAsync("CLM-OWED")));
        Assert.False(await OwedAsync(await JobIdAsync("AXC-OWED")));
    }

    [Fact]
    public async Task Claims360_a_new_job_owes_a_push_when_its_insurer_has_a_caps_code_and_a_changed_assignment_owes_one_for_its_job()
    {
        var (known, unknown) = await WithClaims360Async(async (db, jobs) =>
        {
            var items = new[] { Item(db, "C360-A", "Aviva", "CL-360-A"), Item(db, "C360-B", "Onbekende Verzekeraar", "CL-360-B") };
            var made = new List<Job>();
            foreach (var item in items)
            {
                made.Add(await jobs.CreateAsync(item, "BE0123456789", default));
            }

            return (made[0], made[1]);
        });
        Assert.True(await OwedAsync(known.Id));
        Assert.False(await OwedAsync(unknown.Id));

        var synced = await SyncedUkJobAsync();
        var same = await WithClaims360Async(async (db, jobs) =>
        {
            var item = Item(db, "C360-C", "Aviva", "CL-360-C");
            item.JobId = synced;
            await jobs.UpdateAsync(item, "BE0123456789", default);
            return item;
        });
        Assert.True(await OwedAsync(synced));
        Assert.Equal("CL-360-C", await _factory.WithDbAsync(db => db.Jobs.Where(j => j.Id == synced).Select(j => j.ClaimNumber).SingleAsync()));
        Assert.NotNull(same);
    }

    [Fact]
    public async Task Staff_photos_and_a_confirmed_appointment_owe_nothing()
    {
        var id = await SyncedUkJobAsync();
        var page = await _staff.GetPageAsync($"/jobs/{id}");
        using var form = new MultipartFormDataContent { { new StringContent(HtmlClient.Token(page, "form[data-photo-upload]")),
            "__RequestVerificationToken" } };
        var file = new ByteArrayContent(TestPhotos.Jpeg(320, 240));
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/jpeg");
        form.Add(file, "files", "bumper.jpg");
        using (var upload = await _staff.Http.PostAsync(new Uri($"/jobs/{id}/photos", UriKind.Relative), form))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }

        // Noon UTC is the same day in the bodyshop's zone.
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(3).AddHours(12), TimeSpan.Zero);
        var appointment = await _factory.WithDbAsync(async db =>
        {
            var job = await db.Jobs.SingleAsync(j => j.Id == id);
            var added = new Appointment { RepairerId = job.RepairerId, JobId = id, Kind = AppointmentKind.Repair, Start = start, Place = 1 };
            db.Appointments.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        });
        var repairer = await _factory.WithDbAsync(db => db.Jobs.Where(j => j.Id == id).Select(j => j.RepairerId).SingleAsync());
        var url = $"/appointments?repairerId={repairer}&date={start:yyyy-MM-dd}";
        using (var confirm = await _staff.SubmitAsync(url, $"form[action='/appointments/{appointment}/confirm']", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        }

        Assert.Equal(1, await _factory.WithDbAsync(db => db.JobPhotos.CountAsync(p => p.JobId == id)));
        Assert.Equal(AppointmentStatus.Confirmed,
            await _factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == appointment).Select(a => a.Status).SingleAsync()));
        Assert.False(await OwedAsync(id));
    }

    private static void Change(Job job, string change, int otherInsurer)
    {
        var now = DateTimeOffset.UtcNow;
        var d = job.Details();
        switch (change)
        {
            case "vehicle out": job.SetVehicleIn(false, now); return;
            case "off site": job.MarkOffSite(now); return;
            case "portal photos": job.NotePortalPhotos(now); return;
        }

        job.Edit(change switch
        {
            "plate" => d with { Registration = "ZZ99 ZZZ" },
            "make" => d with { Make = "Ford" },
            "model" => d with { Model = "Corsa" },
            "claim" => d with { ClaimNumber = "CLM-CHANGED" },
            "status" => d with { Status = JobStatus.Ready },
            "completion" => d with { EstimatedCompletionDate = new DateOnly(2031, 1, 1) },
            "other insurer" => d with { InsurerId = otherInsurer },
            "colour" => d with { Colour = "Red" },
            "vin" => d with { Vin = "WVWZZZ1KZAW000009" },
            "damage" => d with { CommentsDamage = "Scratch" },
            "mileage" => d with { MileageAtEstimate = 99_000 },
            "current task" => d with { CurrentTask = "Paint" },
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        });
    }

    private Task<int> SyncedUkJobAsync(int? insurerId = null, string? claim = "CLM-SYNCED") => _factory.SyncedUkJobAsync(NextPlate(), insurerId, claim);

    private Task<bool> OwedAsync(int jobId) => _factory.WithDbAsync(db => db.CapsSyncStates.AnyAsync(s => s.JobId == jobId && s.DueAt != null));

    private Task<int> JobIdAsync(string claim) => _factory.WithDbAsync(db => db.Jobs.Where(j => j.ClaimNumber == claim).Select(j => j.Id).SingleAsync());

    private static async Task<int> InsurerWithCodeAsync(PlanManagerDbContext db, string name, string? code)
    {
        var existing = await db.ThirdParties.Where(t => t.Kind == ThirdPartyKind.Insurer && t.Name == name).Select(t => (int?)t.Id).FirstOrDefaultAsync();
        if (existing is { } id)
        {
            return id;
        }

        var insurer = PartyBuilder.Insurer(name).CapsCode(code).Build();
        db.ThirdParties.Add(insurer);
        await db.SaveChangesAsync();
        return insurer.Id;
    }

    private static string NextPlate() => $"OW{Interlocked.Increment(ref s_plate)} CAP";

    private void Stub(string path, string body) =>
        _factory.Platforms.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));

    private async Task AcceptAsync(string segment, string externalId)
    {
        await _staff.GetPageAsync($"/job-queue/{segment}");
        var item = await _factory.WithDbAsync(db => db.QueueItems.Where(q => q.ExternalId == externalId).Select(q => q.Id).SingleAsync());
        using var response = await _staff.SubmitAsync($"/job-queue/{segment}", $"form[action='/job-queue/{segment}/{item}/accept']",
            new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static Claims360Item Item(PlanManagerDbContext db, string number, string insurer, string claim)
    {
        var repairer = db.Repairers.Where(r => r.Country == "BE").Select(r => r.Id).First();
        var item = new Claims360Item
        {
            RepairerId = repairer, AssignmentNumber = number, LicensePlate = "1-" + number, Make = "Volkswagen", InsurerName = insurer, ClaimNumber = claim,
            CustomerName = "Jan Peeters", ImportedAt = DateTimeOffset.UtcNow, PlatformUpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Claims360Items.Add(item);
        return item;
    }

    /// <summary>Runs the Claims360 job code (queue accept and import with queueing off share it) in one transaction, as they do.</summary>
    private async Task<T> WithClaims360Async<T>(Func<PlanManagerDbContext, Claims360Jobs, Task<T>> action)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanManagerDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await action(db, scope.ServiceProvider.GetRequiredService<Claims360Jobs>());
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return result;
    }
}

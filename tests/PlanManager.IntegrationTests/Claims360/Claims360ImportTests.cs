using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Features.Claims360;

namespace PlanManager.IntegrationTests.Claims360;

public sealed class Claims360ImportTests(Claims360Factory factory) : IClassFixture<Claims360Factory>
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private async Task<Claims360ImportResult> ImportAsync(int repairerId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImportClaims360>().ImportAsync(repairerId, CancellationToken.None);
    }

    private async Task RunAllAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ImportClaims360>().RunAllAsync(CancellationToken.None);
    }

    private Task<List<Claims360Item>> ItemsAsync(int repairerId) =>
        factory.WithDbAsync(db => db.Claims360Items.AsNoTracking().Where(i => i.RepairerId == repairerId).OrderBy(i => i.AssignmentNumber).ToListAsync());

    [Fact]
    public async Task Import_follows_the_pages_with_both_keys_on_every_call_and_makes_jobs_when_queueing_is_off()
    {
        await factory.SetQueueingAsync(false);
        var repairer = await factory.AddBodyshopAsync("BE0100000001");
        factory.GivenAssignments("BE0100000001",
            [Claims360Factory.Assignment("P-1", "1AAA001", T0), Claims360Factory.Assignment("P-2", "1AAA002", T0.AddMinutes(1))],
            [Claims360Factory.Assignment("P-3", "1AAA003", T0.AddMinutes(2), dossierId: "D-P3")]);

        var result = await ImportAsync(repairer);

        Assert.Equal(Claims360ImportOutcome.Imported, result.Outcome);
        var items = await ItemsAsync(repairer);
        Assert.Equal(["P-1", "P-2", "P-3"], items.Select(i => i.AssignmentNumber));
        Assert.All(items, i => Assert.Equal(Claims360ItemStatus.Job, i.Status));
        var jobs = await factory.WithDbAsync(db => db.Jobs.AsNoTracking().Where(j => j.RepairerId == repairer).OrderBy(j => j.Registration).ToListAsync());
        Assert.Equal(["1AAA001", "1AAA002", "1AAA003"], jobs.Select(j => j.Registration));
        Assert.All(jobs, j => Assert.Equal((JobSource.Claims360, 45210, "12/345678"), (j.Source, j.MileageAtEstimate!.Value, j.ClaimNumber)));
        var link = await factory.WithDbAsync(db => db.Claims360JobLinks.AsNoTracking().SingleAsync(l => l.DossierId == "D-P3"));
        Assert.Equal(jobs[2].Id, link.JobId);
        // Only the keyed mappings answer 200, so two pages imported means both keys were on both calls.
        Assert.Equal(2, factory.Platform.LogEntries.Count(e => e.RequestMessage.AbsolutePath == Claims360Factory.Path("BE0100000001", "/assignments")
            && e.ResponseMessage.StatusCode is 200));
        Assert.All(factory.Platform.LogEntries.Where(e => e.RequestMessage.AbsolutePath.Contains("BE0100000001", StringComparison.Ordinal)),
            e => Assert.Equal(("bk-BE0100000001", "pk-BE0100000001"),
                (e.RequestMessage.Headers!["X-Bodyshop-Api-Key"].Single(), e.RequestMessage.Headers!["X-PlanManager-Api-Key"].Single())));
    }

    [Fact]
    public async Task The_same_assignment_imported_twice_is_one_item_and_a_change_updates_it_and_its_job()
    {
        await factory.SetQueueingAsync(false);
        var repairer = await factory.AddBodyshopAsync("BE0100000002");
        factory.GivenAssignments("BE0100000002", [Claims360Factory.Assignment("T-1", "1BBB001", T0)]);
        await ImportAsync(repairer);
        await ImportAsync(repairer);
        Assert.Single(await ItemsAsync(repairer));

        factory.Platform.ResetMappings();
        factory.GivenAssignments("BE0100000002", [Claims360Factory.Assignment("T-1", "1BBB001", T0.AddHours(1), model: "Golf Variant")]);
        await ImportAsync(repairer);

        var item = Assert.Single(await ItemsAsync(repairer));
        Assert.Equal("Golf Variant", item.Model);
        var job = await factory.WithDbAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.RepairerId == repairer));
        Assert.Equal("Golf Variant", job.Model);
        // The second import asked only for what changed since the first.
        var since = factory.Platform.LogEntries.Last(e => e.RequestMessage.AbsolutePath.EndsWith("BE0100000002/assignments",
            StringComparison.Ordinal)).RequestMessage.Query!["updatedSince"].Single();
        Assert.Equal(T0, DateTimeOffset.Parse(since, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_refresh_and_the_recurring_import_at_the_same_time_give_no_duplicates()
    {
        await factory.SetQueueingAsync(false);
        var repairer = await factory.AddBodyshopAsync("BE0100000003");
        factory.GivenAssignments("BE0100000003",
            Enumerable.Range(1, 20).Select(n => Claims360Factory.Assignment($"C-{n:00}", $"1CCC{n:000}", T0.AddMinutes(n))).ToArray());

        await Task.WhenAll(ImportAsync(repairer), RunAllAsync(), ImportAsync(repairer));

        Assert.Equal(20, (await ItemsAsync(repairer)).Count);
        Assert.Equal(20, await factory.WithDbAsync(db => db.Jobs.CountAsync(j => j.RepairerId == repairer)));
    }

    [Fact]
    public async Task Assignments_naming_known_insurers_on_several_pages_are_each_linked_to_their_one_insurer()
    {
        await factory.SetQueueingAsync(false);
        var repairer = await factory.AddBodyshopAsync("BE0100000009");
        var ag = await KnownInsurerAsync("AG Insurance");
        var ethias = await KnownInsurerAsync("Ethias");
        // Each page is saved on its own (the change tracker cleared between them): the insurers found on the first are asked for again.
        factory.GivenAssignments("BE0100000009",
            [Claims360Factory.Assignment("K-1", "1KKK001", T0), Claims360Factory.Assignment("K-2", "1KKK002", T0.AddMinutes(1), insurer: "Ethias"),
                Claims360Factory.Assignment("K-3", "1KKK003", T0.AddMinutes(2))],
            [Claims360Factory.Assignment("K-4", "1KKK004", T0.AddMinutes(3), insurer: "ethias"),
                Claims360Factory.Assignment("K-5", "1KKK005", T0.AddMinutes(4))]);

        var result = await ImportAsync(repairer);

        Assert.Equal((Claims360ImportOutcome.Imported, 5), (result.Outcome, result.Changed));
        var insurers = await factory.WithDbAsync(db => db.Jobs.AsNoTracking().Where(j => j.RepairerId == repairer).OrderBy(j => j.Registration)
            .Select(j => j.InsurerId).ToListAsync());
        Assert.Equal([ag, ethias, ag, ethias, ag], insurers);
        var keys = new[] { SearchKey.Normalize("AG Insurance"), SearchKey.Normalize("Ethias") };
        Assert.Equal(2, await factory.WithDbAsync(db => db.ThirdParties.CountAsync(t => t.Kind == ThirdPartyKind.Insurer && keys.Contains(t.NameKey))));
    }

    /// <summary>The insurer of that name, made when there is none yet.</summary>
    private Task<int> KnownInsurerAsync(string name) => factory.WithDbAsync(async db =>
    {
        var key = SearchKey.Normalize(name);
        if (await db.ThirdParties.FirstOrDefaultAsync(t => t.Kind == ThirdPartyKind.Insurer && t.NameKey == key) is { } known)
        {
            return known.Id;
        }

        var insurer = new ThirdParty { Kind = ThirdPartyKind.Insurer, Name = name };
        insurer.RefreshSearchKeys();
        db.ThirdParties.Add(insurer);
        await db.SaveChangesAsync();
        return insurer.Id;
    });

    [Fact]
    public async Task With_queueing_on_assignments_wait_until_accepted_and_accepting_twice_makes_one_job()
    {
        await factory.SetQueueingAsync(true);
        try
        {
            var repairer = await factory.AddBodyshopAsync("BE0100000004");
            factory.GivenAssignments("BE0100000004",
                [Claims360Factory.Assignment("Q-1", "1DDD001", T0), Claims360Factory.Assignment("Q-2", "1DDD002", T0.AddMinutes(1))]);

            await ImportAsync(repairer);

            var items = await ItemsAsync(repairer);
            Assert.All(items, i => Assert.Equal((Claims360ItemStatus.Waiting, (int?)null), (i.Status, i.JobId)));
            Assert.Equal(0, await factory.WithDbAsync(db => db.Jobs.CountAsync(j => j.RepairerId == repairer)));

            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var decide = scope.ServiceProvider.GetRequiredService<DecideClaims360Item>();
                var first = await decide.AcceptAsync(items[0].Id, CancellationToken.None);
                var again = await decide.AcceptAsync(items[0].Id, CancellationToken.None);
                Assert.Equal((CommandOutcome.Conflict, first.Id), (again.Outcome, again.Id));
                Assert.Equal(CommandOutcome.Conflict, (await decide.RefuseAsync(items[0].Id, CancellationToken.None)).Outcome);
                Assert.Equal(CommandOutcome.Saved, (await decide.RefuseAsync(items[1].Id, CancellationToken.None)).Outcome);
                Assert.Equal(CommandOutcome.Conflict, (await decide.AcceptAsync(items[1].Id, CancellationToken.None)).Outcome);
            }

            items = await ItemsAsync(repairer);
            Assert.Equal([Claims360ItemStatus.Job, Claims360ItemStatus.Refused], items.Select(i => i.Status));
            Assert.Equal(1, await factory.WithDbAsync(db => db.Jobs.CountAsync(j => j.RepairerId == repairer)));
        }
        finally
        {
            await factory.SetQueueingAsync(false);
        }
    }

    [Fact]
    public async Task One_repairer_refused_with_401_does_not_stop_another_and_keeps_its_last_good_import()
    {
        await factory.SetQueueingAsync(false);
        var failing = await factory.AddBodyshopAsync("BE0100000005");
        var working = await factory.AddBodyshopAsync("BE0100000006");
        factory.GivenAssignments("BE0100000005", [Claims360Factory.Assignment("F-1", "1EEE001", T0)]);
        await ImportAsync(failing);
        var goodImport = await factory.WithDbAsync(db => db.Claims360Setups.Where(s => s.RepairerId == failing).Select(s => s.LastImportAt).SingleAsync());
        Assert.NotNull(goodImport);

        // The keys of the first bodyshop are no longer accepted.
        await factory.WithDbAsync(async db =>
        {
            var secrets = factory.Services.GetRequiredService<PlanManager.Web.Infrastructure.Connectors.SecretProtector>();
            var setup = await db.Claims360Setups.SingleAsync(s => s.RepairerId == failing);
            setup.ProtectedBodyshopKey = secrets.Protect("revoked");
            await db.SaveChangesAsync();
        });
        factory.GivenAssignments("BE0100000006", [Claims360Factory.Assignment("W-1", "1FFF001", T0)]);

        await RunAllAsync();

        Assert.Single(await ItemsAsync(working));
        var failed = await factory.WithDbAsync(db => db.Claims360Setups.AsNoTracking().SingleAsync(s => s.RepairerId == failing));
        Assert.Equal(goodImport, failed.LastImportAt);
        Assert.Contains("Unauthorized", failed.LastImportError, StringComparison.Ordinal);

        var browser = new HtmlClient(factory.CreateBrowserLikeClient());
        await browser.SignInAsync(DemoDataSeeder.StaffEmail);
        var status = (await browser.GetPageAsync("/claims360")).QuerySelector("[data-testid=c360-imports]")!.TextContent;
        Assert.Contains("Unauthorized (HTTP 401)", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Photos_of_a_linked_dossier_are_imported_with_the_job_each_once_and_ticked_photos_are_sent_once()
    {
        await factory.SetQueueingAsync(false);
        var repairer = await factory.AddBodyshopAsync("BE0100000007");
        factory.GivenAssignments("BE0100000007", [Claims360Factory.Assignment("PH-1", "1GGG001", T0, dossierId: "D-PH")]);
        var dossier = Claims360Factory.Path("BE0100000007", "/dossiers/D-PH");
        factory.Platform.Given(WireMock.RequestBuilders.Request.Create().WithPath(dossier + "/photos").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""
                {"photos":[{"photoId":"P1","fileName":"front.jpg","contentType":"image/jpeg","size":1,"takenAt":null},
                           {"photoId":"P2","fileName":"rear.jpg","contentType":"image/jpeg","size":1,"takenAt":null}]}
                """));
        foreach (var id in new[] { "P1", "P2" })
        {
            factory.Platform.Given(WireMock.RequestBuilders.Request.Create().WithPath($"{dossier}/photos/{id}/content").UsingGet())
                .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/jpeg")
                    .WithBody(TestPhotos.Jpeg(320, 240)));
        }

        factory.Platform.Given(WireMock.RequestBuilders.Request.Create().WithPath(dossier + "/photos").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
                .WithBody("{\"photoId\":\"U1\"}"));

        await ImportAsync(repairer);
        // A changed assignment imports again: the photos it already has are not fetched twice.
        factory.GivenAssignments("BE0100000007", [Claims360Factory.Assignment("PH-1", "1GGG001", T0.AddHours(1), dossierId: "D-PH")]);
        await ImportAsync(repairer);

        var jobId = (await ItemsAsync(repairer)).Single().JobId!.Value;
        var photos = await factory.WithDbAsync(db => db.JobPhotos.AsNoTracking().Where(p => p.JobId == jobId).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal(["front.jpg", "rear.jpg"], photos.Select(p => p.OriginalFileName));
        Assert.All(photos, p => Assert.Equal(PhotoSource.Claims360, p.Source));
        Assert.Equal(1, factory.RequestsTo(dossier + "/photos/P1/content"));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var transfers = scope.ServiceProvider.GetRequiredService<Claims360PhotoTransfers>();
            Assert.Equal(1, (await transfers.SendAsync(jobId, [photos[0].Id], CancellationToken.None)).Moved);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var transfers = scope.ServiceProvider.GetRequiredService<Claims360PhotoTransfers>();
            Assert.Equal(0, (await transfers.SendAsync(jobId, [photos[0].Id], CancellationToken.None)).Moved);
        }

        Assert.Equal(1, factory.Platform.LogEntries.Count(e => e.RequestMessage.AbsolutePath == dossier + "/photos" && e.RequestMessage.Method == "POST"));
    }
}

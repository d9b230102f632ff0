using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Claims360;
using PlanManager.Web.Infrastructure.Photos;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PlanManager.IntegrationTests.Claims360;

/// <summary>Claims360 played by WireMock, with no thumbnail worker: a test sees the photos before their thumbnails.</summary>
public sealed class Claims360PhotoCopyFactory : Claims360Factory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Photos:Thumbnails:Enabled", "false");
        builder.UseSetting("Photos:CopyParallelism", "4");
    }
}

/// <summary>Issue 18: with queueing off, an import copies its dossiers' photos several at a time, each once, thumbnails later.</summary>
public sealed class Claims360PhotoCopyTests(Claims360PhotoCopyFactory factory) : IClassFixture<Claims360PhotoCopyFactory>
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Download = TimeSpan.FromMilliseconds(400);

    private async Task ImportAsync(int repairerId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ImportClaims360>().ImportAsync(repairerId, CancellationToken.None);
        Assert.Equal(Claims360ImportOutcome.Imported, result.Outcome);
    }

    /// <summary>Each dossier lists two photos; every download takes <see cref="Download"/>.</summary>
    private void GivenDossierPhotos(string carrosserieId, string dossierId)
    {
        var dossier = Claims360Factory.Path(carrosserieId, "/dossiers/" + dossierId);
        factory.Platform.Given(Request.Create().WithPath(dossier + "/photos").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""
                {"photos":[{"photoId":"A","fileName":"front.jpg","contentType":"image/jpeg","size":1,"takenAt":null},
                           {"photoId":"B","fileName":"rear.jpg","contentType":"image/jpeg","size":1,"takenAt":null}]}
                """));
        foreach (var id in new[] { "A", "B" })
        {
            factory.Platform.Given(Request.Create().WithPath($"{dossier}/photos/{id}/content").UsingGet())
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/jpeg")
                    .WithBody(TestPhotos.Jpeg(320, 240)).WithDelay(Download));
        }
    }

    [Fact]
    public async Task Queueing_off_copies_many_dossiers_photos_at_once_each_once_and_leaves_the_thumbnails_to_the_queue()
    {
        const string Bodyshop = "BE0100000031";
        const int Dossiers = 8;
        await factory.SetQueueingAsync(false);
        var repairer = await factory.AddBodyshopAsync(Bodyshop);
        factory.GivenAssignments(Bodyshop, [.. Enumerable.Range(1, Dossiers)
            .Select(i => Claims360Factory.Assignment($"PC-{i}", $"1PCA{i:000}", T0.AddMinutes(i), dossierId: $"D-PC{i}"))]);
        for (var i = 1; i <= Dossiers; i++)
        {
            GivenDossierPhotos(Bodyshop, $"D-PC{i}");
        }

        await ImportAsync(repairer);

        var photos = await factory.WithDbAsync(db => db.JobPhotos.AsNoTracking()
            .Where(p => db.Jobs.Any(j => j.Id == p.JobId && j.RepairerId == repairer)).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal(Dossiers * 2, photos.Count);
        Assert.Equal(Dossiers, photos.Select(p => p.JobId).Distinct().Count());
        Assert.All(photos, p => Assert.True(p.Source == PhotoSource.Claims360 && p.ThumbnailPending && p.ThumbnailName is null));

        // Downloads overlapped: one after the other, no two would start within a download's time of each other.
        var starts = factory.Platform.LogEntries
            .Where(e => e.RequestMessage.AbsolutePath.StartsWith(Claims360Factory.Path(Bodyshop, "/dossiers/"), StringComparison.Ordinal)
                && e.RequestMessage.AbsolutePath.EndsWith("/content", StringComparison.Ordinal))
            .Select(e => e.RequestMessage.DateTime).Order().ToList();
        Assert.Equal(Dossiers * 2, starts.Count);
        Assert.Contains(starts.Zip(starts.Skip(1)), pair => pair.Second - pair.First < Download / 2);

        // The thumbnail queue makes each thumbnail once.
        foreach (var photo in photos)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            Assert.True(await scope.ServiceProvider.GetRequiredService<MakeThumbnail>().HandleAsync(photo.Id, CancellationToken.None));
        }

        var made = await factory.WithDbAsync(db => db.JobPhotos.AsNoTracking().Where(p => photos.Select(x => x.Id).Contains(p.Id)).ToListAsync());
        Assert.All(made, p => Assert.True(!p.ThumbnailPending && p.ThumbnailName is not null && p.Width == 320));

        // Every assignment read again (as after a worker died before the import recorded how far it got): no photo twice.
        await factory.WithDbAsync(db => db.Claims360Setups.Where(s => s.RepairerId == repairer)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ImportedUpTo, (DateTimeOffset?)null)));
        await ImportAsync(repairer);

        Assert.Equal(Dossiers * 2, await factory.WithDbAsync(db => db.JobPhotos.CountAsync(p => db.Jobs.Any(j => j.Id == p.JobId && j.RepairerId == repairer))));
        Assert.All(Enumerable.Range(1, Dossiers), i => Assert.Equal(1,
            factory.RequestsTo(Claims360Factory.Path(Bodyshop, $"/dossiers/D-PC{i}/photos/A/content"))));
    }
}

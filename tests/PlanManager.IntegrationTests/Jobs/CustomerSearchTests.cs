using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Features.ThirdParties;
using PlanManager.Web.Features.Repairers;

namespace PlanManager.IntegrationTests.Jobs;

/// <summary>The job list's search by customer name (decision 0023): by the prefix of any word of the name, every word of the term.</summary>
public sealed class CustomerSearchTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    private const int Plompetaal = 97001;
    private const int Wouterbeek = 97002;
    private const int DeKwakkel = 97003;
    private const int Grauwkoper = 97004;

    private int _renamed;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _renamed = await Factory.WithDbAsync(async db =>
        {
            // The tests of this class share one database: the rows are made once.
            if (await db.Jobs.Where(j => j.Number == Grauwkoper).Select(j => j.OwnerId).FirstOrDefaultAsync() is { } existing)
            {
                return existing;
            }

            var repairer = await db.Repairers.Select(r => r.Id).FirstAsync();
            var renamed = PartyBuilder.Owner("Odilon Grauwkoper").Build();
            db.Jobs.Add(new JobBuilder().Number(Plompetaal).Repairer(repairer).Owner(PartyBuilder.Owner("Xavera Plompetaal")).Build());
            db.Jobs.Add(new JobBuilder().Number(Wouterbeek).Repairer(repairer).Owner(PartyBuilder.Owner("Xavera Wouterbeek")).Build());
            db.Jobs.Add(new JobBuilder().Number(DeKwakkel).Repairer(repairer).Owner(PartyBuilder.Owner("Jozefien De Kwakkel")).Build());
            db.Jobs.Add(new JobBuilder().Number(Grauwkoper).Repairer(repairer).Owner(renamed).Build());
            await db.SaveChangesAsync();
            return renamed.Id;
        });
    }

    private async Task<List<int>> NumbersOnAsync(string term)
    {
        var page = await Browser.GetPageAsync("/jobs?sort=number&dir=asc&q=" + Uri.EscapeDataString(term));
        return page.QuerySelectorAll("table.pm-table tbody tr td:first-child a")
            .Select(a => int.Parse(a.TextContent, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
    }

    [Theory]
    [InlineData("plompetaal", Plompetaal)]
    [InlineData("Jozefien", DeKwakkel)]
    [InlineData("kwakkel", DeKwakkel)]
    [InlineData("de kwakkel", DeKwakkel)]
    [InlineData("dekwakkel", DeKwakkel)]
    public async Task A_surname_or_a_first_name_finds_the_customer(string term, int expected) =>
        Assert.Equal([expected], await NumbersOnAsync(term));

    [Fact]
    public async Task A_first_name_finds_every_customer_with_it()
    {
        Assert.Equal([Plompetaal, Wouterbeek], await NumbersOnAsync("xavera"));
    }

    [Theory]
    [InlineData("xavera plompetaal")]
    [InlineData("Plompetaal, Xavera")]
    [InlineData("plomp xav")]
    public async Task Two_words_find_the_customer_with_both_in_any_order(string term) =>
        Assert.Equal([Plompetaal], await NumbersOnAsync(term));

    [Fact]
    public async Task The_beginning_of_a_word_is_enough()
    {
        Assert.Equal([Plompetaal], await NumbersOnAsync("plomp"));
        Assert.Equal([Plompetaal, Wouterbeek], await NumbersOnAsync("xav"));
    }

    [Theory]
    [InlineData("petaal")]
    [InlineData("avera")]
    [InlineData("wakkel")]
    public async Task A_fragment_inside_a_word_no_longer_matches(string term)
    {
        var page = await Browser.GetPageAsync("/jobs?q=" + Uri.EscapeDataString(term));
        Assert.Contains("No jobs match this search", page.QuerySelector("table.pm-table tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renamed_customer_is_found_by_the_new_name_and_not_the_old()
    {
        using var saved = await Browser.SubmitAsync($"/third-parties/owners/{_renamed}", $"form[method=post][action='/third-parties/owners/{_renamed}']",
            new Dictionary<string, string> { ["Name"] = "Odilon Zilverkoper" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal([Grauwkoper], await NumbersOnAsync("zilverkoper"));
        Assert.Equal([Grauwkoper], await NumbersOnAsync("odilon zilv"));
        Assert.Empty(await NumbersOnAsync("grauwkoper"));
    }

    [Fact]
    public async Task A_deleted_customer_leaves_no_words()
    {
        using var created = await Browser.SubmitAsync("/third-parties/owners/new", "form[method=post][action='/third-parties/owners/new']",
            new Dictionary<string, string> { ["Name"] = "Ysolde Van Kortewagen" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await Factory.WithDbAsync(db => db.ThirdParties.Where(t => t.Name == "Ysolde Van Kortewagen").Select(t => t.Id).SingleAsync());
        Assert.Equal(["KORTEWAGEN", "VANKORTEWAGEN", "YSOLDEVANKORTEWAGEN"],
            await Factory.WithDbAsync(db => db.ThirdPartyNameWords.Where(w => w.ThirdPartyId == id).OrderBy(w => w.Word).Select(w => w.Word).ToListAsync()));

        using var deleted = await Browser.SubmitAsync($"/third-parties/owners/{id}", "form[action$='/delete']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await Factory.WithDbAsync(db => db.ThirdPartyNameWords.AnyAsync(w => w.ThirdPartyId == id)));
    }

    [Fact]
    public async Task Parties_saved_without_words_get_them_when_the_migrations_run()
    {
        var id = await Factory.WithDbAsync(db => db.ThirdParties.Where(t => t.Name == "Xavera Plompetaal").Select(t => t.Id).SingleAsync());
        await Factory.WithDbAsync(db => db.ThirdPartyNameWords.Where(w => w.ThirdPartyId == id).ExecuteDeleteAsync());
        Assert.Equal([Wouterbeek], await NumbersOnAsync("xavera"));

        var filled = await Factory.WithDbAsync(db => PartyNameWordsBackfill.RunAsync(db, NullLogger.Instance, CancellationToken.None));

        Assert.Equal(1, filled);
        Assert.Equal([Plompetaal, Wouterbeek], await NumbersOnAsync("xavera"));
    }

    [Theory]
    [InlineData("smet")]
    [InlineData("xavera plompetaal")]
    [InlineData("de smet jan")]
    public async Task The_word_query_seeks_the_word_index_instead_of_scanning(string term)
    {
        var plan = await Factory.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var list = new JobList(db, new CappedJobCounts(TimeProvider.System), new RepairerOptions(TimeProvider.System));
            await using var command = list.CustomerIds(term).CreateDbCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            var details = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                details.Add(reader.GetString(reader.GetOrdinal("detail")));
            }

            return details;
        });

        // The words' range is read from the (Word, ThirdPartyId) index; the other words and the party's kind are looked up by key.
        Assert.Contains("SEARCH t USING COVERING INDEX IX_ThirdPartyNameWords_Word_ThirdPartyId (Word>? AND Word<?)", plan);
        // The one SCAN allowed is of the distinct ids just found (the co-routine), never of a table.
        var found = plan.Where(d => d.StartsWith("CO-ROUTINE ", StringComparison.Ordinal)).Select(d => "SCAN " + d["CO-ROUTINE ".Length..]).ToList();
        Assert.All(plan.Where(d => d.StartsWith("SCAN", StringComparison.Ordinal)), d => Assert.Contains(d, found));
    }
}

/// <summary>The same words on PostgreSQL: written by the notice, filled by the backfill's raw INSERTs, found by the range query.</summary>
public sealed class CustomerSearchPostgreSqlTests
{
    private sealed class PostgresFactory(TestDatabase database) : PlanManagerFactory(database);

    [PostgresFact]
    public async Task A_customer_is_found_by_a_word_after_the_backfill_on_postgresql()
    {
        using var database = TestDatabase.NewPostgreSql();
        using var factory = new PostgresFactory(database);
        var browser = new HtmlClient(factory.CreateBrowserLikeClient());
        await browser.SignInAsync(PlanManager.Web.Data.Demo.DemoDataSeeder.StaffEmail);
        var owner = await factory.WithDbAsync(async db =>
        {
            var party = PartyBuilder.Owner("Xavera Plompetaal").Build();
            db.Jobs.Add(new JobBuilder().Number(97001).Repairer(await db.Repairers.Select(r => r.Id).FirstAsync()).Owner(party).Build());
            await db.SaveChangesAsync();
            return party.Id;
        });
        Assert.Equal(2, await factory.WithDbAsync(db => db.ThirdPartyNameWords.CountAsync(w => w.ThirdPartyId == owner)));
        await factory.WithDbAsync(db => db.ThirdPartyNameWords.ExecuteDeleteAsync());

        await factory.WithDbAsync(db => PartyNameWordsBackfill.RunAsync(db, NullLogger.Instance, CancellationToken.None));

        var page = await browser.GetPageAsync("/jobs?q=plompetaal%20xav");
        Assert.Equal(["97001"], page.QuerySelectorAll("table.pm-table tbody tr td:first-child a").Select(a => a.TextContent));
    }
}

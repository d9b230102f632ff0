using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Domain;

namespace PlanManager.IntegrationTests.ThirdParties;

public sealed class ThirdPartyTests(PlanManagerFactory factory) : SignedInTest(factory)
{
    [Fact]
    public async Task Staff_creates_an_insurer_finds_it_and_the_job_picker_offers_it()
    {
        using var created = await Browser.SubmitAsync("/third-parties/insurers/new", "form[method=post][action='/third-parties/insurers/new']",
            new Dictionary<string, string>
        {
            ["Name"] = "Federale Verzekering",
            ["City"] = "Brussel",
            ["VatNumber"] = "be 0403.257.506",
            ["Email"] = "claims@federale.example",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var list = await Browser.GetPageAsync("/third-parties/insurers?q=derale");
        Assert.Contains("Federale Verzekering", list.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        var stored = await Factory.WithDbAsync(db => db.ThirdParties.SingleAsync(t => t.Name == "Federale Verzekering"));
        Assert.Equal(ThirdPartyKind.Insurer, stored.Kind);
        Assert.Equal("BE 0403.257.506", stored.VatNumber);

        using var lookup = await Browser.Http.GetAsync("/third-parties/insurers/lookup?q=feder");
        using var json = JsonDocument.Parse(await lookup.Content.ReadAsStringAsync());
        Assert.Contains(json.RootElement.EnumerateArray(), e => e.GetProperty("name").GetString() == "Federale Verzekering"
            && e.GetProperty("id").GetInt32() == stored.Id);

        // An owner search never returns insurers.
        using var owners = await Browser.Http.GetAsync("/third-parties/owners/lookup?q=feder");
        Assert.Equal("[]", await owners.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bad_email_and_an_empty_name_are_shown_beside_their_fields()
    {
        using var response = await Browser.SubmitAsync("/third-parties/owners/new", "form[method=post][action='/third-parties/owners/new']",
            new Dictionary<string, string>
        {
            ["Name"] = "  ",
            ["Email"] = "not-an-email",
            ["Phone"] = "call me maybe",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("'Name' must not be empty.", HtmlClient.FieldError(page, "Name"));
        Assert.Equal("'E-mail' is not a valid email address.", HtmlClient.FieldError(page, "Email"));
        Assert.Equal("Enter a phone number: digits, spaces and + ( ) / . - only.", HtmlClient.FieldError(page, "Phone"));
    }

    [Fact]
    public async Task An_owner_linked_to_a_job_cannot_be_deleted_but_an_unlinked_one_can()
    {
        var (linked, unlinked) = await Factory.WithDbAsync(async db =>
        {
            var a = new ThirdParty { Kind = ThirdPartyKind.Owner, Name = "Linked Owner" };
            var b = new ThirdParty { Kind = ThirdPartyKind.Owner, Name = "Unlinked Owner" };
            a.RefreshSearchKeys();
            b.RefreshSearchKeys();
            var repairer = await db.Repairers.Select(r => r.Id).FirstAsync();
            db.Jobs.Add(new JobBuilder().Number(90001).Repairer(repairer).Owner(a).Build());
            db.ThirdParties.Add(b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });

        var linkedPage = await Browser.GetPageAsync($"/third-parties/owners/{linked}");
        Assert.Null(linkedPage.QuerySelector("form[action$='/delete']"));
        using var refused = await Browser.SubmitAsync($"/third-parties/owners/{unlinked}", "form[action$='/delete']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.False(await Factory.WithDbAsync(db => db.ThirdParties.AnyAsync(t => t.Id == unlinked)));
        Assert.True(await Factory.WithDbAsync(db => db.ThirdParties.AnyAsync(t => t.Id == linked)));
    }

    [Fact]
    public async Task Two_repairers_cannot_share_a_name()
    {
        var existing = await Factory.WithDbAsync(db => db.Repairers.Select(r => r.Name).FirstAsync());
        using var response = await Browser.SubmitAsync("/repairers/new", "form[method=post][action='/repairers/new']",
            new Dictionary<string, string> { ["Name"] = existing });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Another repairer already has this name.", HtmlClient.FieldError(page, "Name"));
    }

    [Fact]
    public async Task A_repairer_keeps_its_informex_mailbox_number()
    {
        using var response = await Browser.SubmitAsync("/repairers/new", "form[method=post][action='/repairers/new']", new Dictionary<string, string>
        {
            ["Name"] = "Carrosserie Test Brugge",
            ["VatNumber"] = "BE0999888777",
            ["ExternalReference"] = "0999888777",
            ["City"] = "Brugge",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await Factory.WithDbAsync(db => db.Repairers.SingleAsync(r => r.Name == "Carrosserie Test Brugge"));
        Assert.Equal("0999888777", stored.ExternalReference);
    }

    [Fact]
    public async Task A_repairer_country_is_chosen_from_the_ISO_codes_records_use_and_free_text_is_refused()
    {
        var page = await Browser.GetPageAsync("/repairers/new");
        var options = page.QuerySelectorAll("select#Country option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["", "BE", "NL", "GB"], options);

        using var typed = await Browser.SubmitAsync("/repairers/new", "form[method=post][action='/repairers/new']",
            new Dictionary<string, string> { ["Name"] = "Carrosserie Pays Libre", ["Country"] = "Belgium" });
        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
        var refused = HtmlClient.Parse(await typed.Content.ReadAsStringAsync());
        Assert.Equal("Choose the country from the list.", HtmlClient.FieldError(refused, "Country"));
        // What was there before the list is shown as it is, chosen, until a code replaces it.
        Assert.Equal("Belgium", refused.QuerySelector("select#Country option[selected]")!.GetAttribute("value"));

        using var chosen = await Browser.SubmitAsync("/repairers/new", "form[method=post][action='/repairers/new']",
            new Dictionary<string, string> { ["Name"] = "Carrosserie Pays Libre", ["Country"] = "nl" });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("NL", await Factory.WithDbAsync(db => db.Repairers.Where(r => r.Name == "Carrosserie Pays Libre").Select(r => r.Country).SingleAsync()));
    }
}

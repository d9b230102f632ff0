using PlanManager.Web.Domain;
using PlanManager.Web.Features.Caps;

namespace PlanManager.UnitTests.Features.Caps;

public sealed class CapsPushPayloadTests
{
    private static JobBuilder UkJob(bool withInsurer = true)
    {
        var builder = new JobBuilder().Number(614).Plate(" AB12 CDE ").Make("BMW ", "3-SERIES 330E").Claim(" CLM-77 ").Status(JobStatus.InRepair)
            .Completion(new DateOnly(2026, 12, 1)).With(d => d with { Colour = "Blue" })
            .Agent(PartyBuilder.Agent("Agent").CapsCode(" ")).Owner(PartyBuilder.Owner("Sarah").CapsCode("OWN-1")).Inside();
        return withInsurer ? builder.Insurer(PartyBuilder.Insurer("Aviva").CapsCode("AVIVA01")) : builder;
    }

    private static Job Job() => UkJob().Build();

    [Fact]
    public void The_payload_carries_the_job_number_parties_codes_and_vehicle_trimmed()
    {
        var payload = CapsPushPayload.From(Job());

        Assert.Equal("614", payload.JobNumber);
        Assert.Equal(("AVIVA01", null, "OWN-1"), (payload.InsurerCapsCode, payload.AgentCapsCode, payload.OwnerCapsCode));
        Assert.Equal(("CLM-77", "AB12 CDE", "BMW", "3-SERIES 330E"), (payload.ClaimNumber, payload.Registration, payload.Make, payload.Model));
        Assert.Equal(("InRepair", true, new DateOnly(2026, 12, 1), (DateTimeOffset?)null),
            (payload.Status, payload.VehicleIn, payload.EstimatedCompletionDate, payload.OffSiteDate));
    }

    [Fact]
    public void The_facts_for_the_rule_come_from_the_job_and_its_insurer()
    {
        var job = UkJob(withInsurer: false).Build();

        Assert.Equal([CapsEligibility.Insurer], CapsEligibility.Missing(CapsPushPayload.Facts(job, capsConfigured: true)));
        Assert.Equal([CapsEligibility.CapsConfigured], CapsEligibility.Missing(CapsPushPayload.Facts(Job(), capsConfigured: false)));
    }

    [Fact]
    public void A_change_of_a_synced_field_changes_the_fingerprint()
    {
        var before = CapsPushPayload.Hash(CapsPushPayload.From(Job()));
        var job = UkJob().Make("BMW ", "3-SERIES 320D").Build();

        Assert.NotEqual(before, CapsPushPayload.Hash(CapsPushPayload.From(job)));
    }

    [Fact]
    public void A_change_caps_does_not_receive_keeps_the_fingerprint()
    {
        var before = CapsPushPayload.Hash(CapsPushPayload.From(Job()));
        var job = UkJob().With(d => d with { Colour = "Red", CommentsDamage = "Dent" }).Build();

        Assert.Equal(before, CapsPushPayload.Hash(CapsPushPayload.From(job)));
    }
}

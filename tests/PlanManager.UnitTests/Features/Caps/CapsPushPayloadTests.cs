using PlanManager.Web.Domain;
using PlanManager.Web.Features.Caps;

namespace PlanManager.UnitTests.Features.Caps;

public sealed class CapsPushPayloadTests
{
    private static Job Job()
    {
        var job = new Job
        {
            Number = 614,
            Registration = " AB12 CDE ",
            Make = "BMW ",
            Model = "3-SERIES 330E",
            ClaimNumber = " CLM-77 ",
            Status = JobStatus.InRepair,
            EstimatedCompletionDate = new DateOnly(2026, 12, 1),
            Colour = "Blue",
            Insurer = new ThirdParty { Kind = ThirdPartyKind.Insurer, Name = "Aviva", CapsCode = "AVIVA01" },
            Agent = new ThirdParty { Kind = ThirdPartyKind.Agent, Name = "Agent", CapsCode = " " },
            Owner = new ThirdParty { Kind = ThirdPartyKind.Owner, Name = "Sarah", CapsCode = "OWN-1" },
        };
        job.SetVehicleIn(true, DateTimeOffset.UtcNow);
        return job;
    }

    [Fact]
    public void The_payload_carries_the_job_number_parties_codes_and_vehicle_trimmed()
    {
        var payload = CapsPushPayload.From(Job());

        Assert.Equal("614", payload.JobNumber);
        Assert.Equal(("AVIVA01", null, "OWN-1"), (payload.InsurerCapsCode, payload.AgentCapsCode, payload.OwnerCapsCode));
        Assert.Equal(("CLM-77", "AB12 CDE", "BMW", "3-SERIES 330E"), (payload.ClaimNumber, payload.Registration, payload.Make, payload.Model));
        Assert.Equal(("InRepair", true, new DateOnly(2026, 12, 1), (DateTimeOffset?)null), (payload.Status, payload.VehicleIn, payload.EstimatedCompletionDate, payload.OffSiteDate));
    }

    [Fact]
    public void The_facts_for_the_rule_come_from_the_job_and_its_insurer()
    {
        var job = Job();
        job.Insurer = null;

        Assert.Equal([CapsEligibility.Insurer], CapsEligibility.Missing(CapsPushPayload.Facts(job, capsConfigured: true)));
        Assert.Equal([CapsEligibility.CapsConfigured], CapsEligibility.Missing(CapsPushPayload.Facts(Job(), capsConfigured: false)));
    }

    [Fact]
    public void A_change_of_a_synced_field_changes_the_fingerprint()
    {
        var before = CapsPushPayload.Hash(CapsPushPayload.From(Job()));
        var job = Job();
        job.Model = "3-SERIES 320D";

        Assert.NotEqual(before, CapsPushPayload.Hash(CapsPushPayload.From(job)));
    }

    [Fact]
    public void A_change_caps_does_not_receive_keeps_the_fingerprint()
    {
        var before = CapsPushPayload.Hash(CapsPushPayload.From(Job()));
        var job = Job();
        job.Colour = "Red";
        job.CommentsDamage = "Dent";

        Assert.Equal(before, CapsPushPayload.Hash(CapsPushPayload.From(job)));
    }
}

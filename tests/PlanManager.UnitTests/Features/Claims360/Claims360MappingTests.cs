using PlanManager.Connectors.Claims360;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Claims360;

namespace PlanManager.UnitTests.Features.Claims360;

public sealed class Claims360MappingTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Claims360Assignment Assignment(DateTimeOffset updatedAt, string? model = "Golf", string? vin = "WVWZZZ1KZAW000001", int? mileage = 45210) =>
        new(" 8902305 ", true, "Carrosserie", "VW", model, "1ABC234", vin, mileage, "Jan Peeters", null, "AG Insurance", "12/345678", true, "D-9",
            At.AddHours(-1), updatedAt);

    [Fact]
    public void A_new_assignment_fills_the_queue_item()
    {
        var item = new Claims360Item { RepairerId = 3 };
        Assert.True(Claims360Mapping.Apply(item, Assignment(At)));
        Assert.Equal(("8902305", "1ABC234", "Golf", 45210, "D-9", true, At),
            (item.AssignmentNumber, item.LicensePlate, item.Model, item.Mileage!.Value, item.DossierId, item.SmartExpertise, item.PlatformUpdatedAt));
    }

    [Fact]
    public void An_assignment_not_newer_than_the_item_changes_nothing()
    {
        var item = new Claims360Item { RepairerId = 3 };
        Claims360Mapping.Apply(item, Assignment(At));
        Assert.False(Claims360Mapping.Apply(item, Assignment(At, model: "Polo")));
        Assert.Equal("Golf", item.Model);
        Assert.True(Claims360Mapping.Apply(item, Assignment(At.AddMinutes(1), model: "Polo")));
        Assert.Equal("Polo", item.Model);
    }

    [Fact]
    public void The_job_gets_vehicle_mileage_claim_and_repairer()
    {
        var item = new Claims360Item { RepairerId = 3 };
        Claims360Mapping.Apply(item, Assignment(At));
        var job = Claims360Mapping.NewJob(item);
        Assert.Equal((3, "1ABC234", "VW", "Golf", "WVWZZZ1KZAW000001", 45210, "12/345678"),
            (job.RepairerId, job.Registration, job.Make, job.Model, job.Vin, job.MileageAtEstimate!.Value, job.ClaimNumber));
    }

    [Fact]
    public void A_change_with_empty_fields_never_wipes_what_the_job_has()
    {
        var item = new Claims360Item { RepairerId = 3 };
        Claims360Mapping.Apply(item, Assignment(At));
        var job = Claims360Mapping.NewJob(item) with { Colour = "Blue" };
        Claims360Mapping.Apply(item, Assignment(At.AddHours(1), model: null, vin: null, mileage: null));
        job = Claims360Mapping.Merge(job, item);
        Assert.Equal(("Golf", "WVWZZZ1KZAW000001", 45210, "Blue"), (job.Model, job.Vin, job.MileageAtEstimate!.Value, job.Colour));
    }

    [Fact]
    public void A_vin_longer_than_a_job_allows_is_kept_on_the_item_only()
    {
        var item = new Claims360Item { RepairerId = 3 };
        Claims360Mapping.Apply(item, Assignment(At, vin: "WVWZZZ1KZAW000001-EXTRA"));
        var job = Claims360Mapping.NewJob(item);
        Assert.Null(job.Vin);
        Assert.Equal("WVWZZZ1KZAW000001-EXTRA", item.Vin);
    }
}

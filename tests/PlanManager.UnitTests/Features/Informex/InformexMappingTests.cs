using PlanManager.Web.Domain;
using PlanManager.Web.Features.Informex;
using Received = PlanManager.Connectors.Informex.InformexTransmission;

namespace PlanManager.UnitTests.Features.Informex;

public sealed class InformexMappingTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    private static Received Transmission(string plate = "1-abc-234", string? insurer = "AG Insurance") =>
        new("D21-1", insurer, "12/3", plate, null, "VW", "Golf", "Jan Peeters", At);

    [Fact]
    public void A_new_transmission_is_copied_with_a_plate_key_the_job_search_can_match()
    {
        var row = new InformexTransmission();
        Assert.True(ImportInformex.Apply(row, Transmission()));
        Assert.Equal(("1-abc-234", "1ABC234", "AG Insurance", At), (row.LicensePlate, row.LicensePlateKey, row.InsurerName, row.ReceivedAt));
    }

    [Fact]
    public void The_same_transmission_again_changes_nothing_so_the_import_writes_nothing()
    {
        var row = new InformexTransmission();
        ImportInformex.Apply(row, Transmission());
        Assert.False(ImportInformex.Apply(row, Transmission()));
    }

    [Fact]
    public void A_changed_field_is_noticed_and_blank_text_is_stored_as_none()
    {
        var row = new InformexTransmission();
        ImportInformex.Apply(row, Transmission());
        Assert.True(ImportInformex.Apply(row, Transmission(insurer: "  ")));
        Assert.Null(row.InsurerName);
    }

    [Fact]
    public void Text_longer_than_its_column_is_cut_to_fit_instead_of_failing_the_import()
    {
        var row = new InformexTransmission();
        ImportInformex.Apply(row, Transmission(plate: new string('A', 40), insurer: new string('B', 500)));
        Assert.Equal((JobLimits.Registration, PartyLimits.Name), (row.LicensePlate.Length, row.InsurerName!.Length));
    }

    [Fact]
    public void The_dossier_request_takes_the_second_circuit_data_and_falls_back_to_the_job_and_sends_no_mileage_when_unknown()
    {
        var job = new JobBuilder().Number(614).Plate("1ABC234").Make("BMW", "330e").Claim("CL-1")
            .With(d => d with { Vin = "WBA8E1C50JA000001", FirstRegistration = new DateOnly(2019, 5, 1) }).Build();
        var file = new InformexJobFile { Mileage = 1234, MileageUnknown = true, PowerKw = 215, PreviousDamage = true, ParticleFilter = false };
        var request = InformexOnJob.Request(job, file);
        Assert.Equal(("614", "1ABC234", "WBA8E1C50JA000001", new DateOnly(2019, 5, 1), (int?)null, 215, true, false),
            (request.JobNumber, request.LicensePlate, request.Vin, request.FirstRegistration, request.Mileage, request.PowerKw, request.PreviousDamage,
                request.ParticleFilter));
        Assert.Equal(("BMW", "CL-1"), (request.Make, request.ClaimNumber));
    }
}

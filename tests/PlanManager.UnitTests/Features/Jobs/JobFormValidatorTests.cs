using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PlanManager.Web;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Infrastructure;

namespace PlanManager.UnitTests.Features.Jobs;

public sealed class JobFormValidatorTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    private static readonly JobFormValidator Validator =
        new(Texts(), new DisplayTime(Options.Create(new DisplayTimeOptions()), Clock), Clock);

    /// <summary>A localizer that answers with the key, so a test sees which message a rule chose.</summary>
    private static IStringLocalizer<SharedResource> Texts()
    {
        var texts = new Mock<IStringLocalizer<SharedResource>>();
        texts.Setup(t => t[It.IsAny<string>()]).Returns((string key) => new LocalizedString(key, key));
        return texts.Object;
    }

    private static JobForm Valid() => new() { RepairerId = 1, Registration = "1-ABC-234", Make = "BMW" };

    private static List<string> ErrorsFor(JobForm form, string property) =>
        Validator.Validate(form).Errors.Where(e => e.PropertyName == property).Select(e => e.ErrorMessage).ToList();

    [Fact]
    public void A_job_with_a_repairer_and_a_plate_is_valid() => Assert.True(Validator.Validate(Valid()).IsValid);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_job_needs_a_registration(string? plate)
    {
        var form = Valid();
        form.Registration = plate;
        Assert.NotEmpty(ErrorsFor(form, nameof(JobForm.Registration)));
    }

    [Theory]
    [InlineData("1-ABC-234", true)]
    [InlineData("YA22 LFL", true)]
    [InlineData("GH-123-K", true)]
    [InlineData("<script>", false)]
    [InlineData("A", false)]
    [InlineData("ABCDEFGHIJKLMN", false)]
    [InlineData("'; DROP TABLE Jobs;--", false)]
    public void Plates_from_the_uk_belgium_and_the_netherlands_pass_and_garbage_does_not(string plate, bool valid)
    {
        var form = Valid();
        form.Registration = plate;
        Assert.Equal(valid, !ErrorsFor(form, nameof(JobForm.Registration)).Contains("Validation.LicencePlate"));
    }

    [Fact]
    public void Mileage_at_repair_below_mileage_at_estimate_is_refused()
    {
        var form = Valid();
        form.MileageAtEstimate = 90_000;
        form.MileageAtRepair = 1_200;
        Assert.Equal(["Job.Validation.MileageGoesDown"], ErrorsFor(form, nameof(JobForm.MileageAtRepair)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(JobLimits.MaxMileage + 1)]
    public void Negative_or_absurd_mileage_is_refused(int mileage)
    {
        var form = Valid();
        form.MileageAtEstimate = mileage;
        Assert.NotEmpty(ErrorsFor(form, nameof(JobForm.MileageAtEstimate)));
    }

    [Fact]
    public void An_end_before_the_start_is_refused()
    {
        var form = Valid();
        form.StartDate = new DateOnly(2026, 11, 20);
        form.EndDate = new DateOnly(2026, 11, 2);
        Assert.Equal(["Job.Validation.EndBeforeStart"], ErrorsFor(form, nameof(JobForm.EndDate)));
    }

    [Fact]
    public void Dates_far_in_the_past_or_future_are_refused()
    {
        var form = Valid();
        form.EstimatedCompletionDate = new DateOnly(1066, 10, 14);
        form.BookOutDate = new DateOnly(9999, 1, 1);
        Assert.Equal(["Validation.DateRange"], ErrorsFor(form, nameof(JobForm.EstimatedCompletionDate)));
        Assert.Equal(["Validation.DateRange"], ErrorsFor(form, nameof(JobForm.BookOutDate)));
    }

    [Theory]
    [InlineData("WVWZZZ1KZ6W000001", true)]
    [InlineData("WVWZZZ1KZ6W00000I", false)]
    [InlineData("SHORT", false)]
    public void A_vin_has_17_characters_without_i_o_or_q(string vin, bool valid)
    {
        var form = Valid();
        form.Vin = vin;
        Assert.Equal(valid, ErrorsFor(form, nameof(JobForm.Vin)).Count == 0);
    }

    [Fact]
    public void An_insurer_name_typed_without_picking_one_is_refused()
    {
        var form = Valid();
        form.InsurerName = "Someone";
        Assert.Equal(["Job.Validation.PickFromList"], ErrorsFor(form, nameof(JobForm.InsurerName)));
    }

    [Fact]
    public void A_new_owner_may_be_typed_without_picking_one()
    {
        var form = Valid();
        form.OwnerName = "Sofie Peeters";
        Assert.True(Validator.Validate(form).IsValid);
    }

    [Fact]
    public void Control_characters_in_text_are_refused()
    {
        var form = Valid();
        form.CommentsDamage = "Bumper\u0000dented";
        Assert.Equal(["Validation.ControlCharacters"], ErrorsFor(form, nameof(JobForm.CommentsDamage)));
    }

    [Fact]
    public void Line_breaks_in_the_damage_description_are_fine()
    {
        var form = Valid();
        form.CommentsDamage = "Front bumper.\r\nLeft wing.";
        Assert.True(Validator.Validate(form).IsValid);
    }
}

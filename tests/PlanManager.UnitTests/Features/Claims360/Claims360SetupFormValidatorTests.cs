using Microsoft.Extensions.Localization;
using Moq;
using PlanManager.Web;
using PlanManager.Web.Features.Claims360;

namespace PlanManager.UnitTests.Features.Claims360;

public sealed class Claims360SetupFormValidatorTests
{
    private static readonly Claims360SetupFormValidator Validator = new(Texts());

    private static IStringLocalizer<SharedResource> Texts()
    {
        var texts = new Mock<IStringLocalizer<SharedResource>>();
        texts.Setup(t => t[It.IsAny<string>()]).Returns((string key) => new LocalizedString(key, key));
        return texts.Object;
    }

    private static Claims360SetupForm Form(string? carrosserie, string? bodyshopKey, string? planManagerKey) =>
        new() { RepairerId = 4, CarrosserieId = carrosserie, BodyshopKey = bodyshopKey, PlanManagerKey = planManagerKey };

    private static List<string> ErrorsFor(Claims360SetupForm form, string property) =>
        Validator.Validate(form).Errors.Where(e => e.PropertyName == property).Select(e => e.ErrorMessage).ToList();

    [Fact]
    public void All_three_fields_make_a_valid_set_up() => Assert.True(Validator.Validate(Form("BE0123456789", "b", "p")).IsValid);

    [Fact]
    public void A_bodyshop_key_alone_is_refused_with_the_both_keys_message_on_the_missing_one()
    {
        var form = Form("BE0123456789", "b", null);
        Assert.Equal(["Claims360.BothKeys"], ErrorsFor(form, nameof(Claims360SetupForm.PlanManagerKey)));
        Assert.Empty(ErrorsFor(form, nameof(Claims360SetupForm.BodyshopKey)));
    }

    [Fact]
    public void A_planmanager_key_alone_is_refused_with_the_both_keys_message_on_the_missing_one() =>
        Assert.Equal(["Claims360.BothKeys"], ErrorsFor(Form("BE0123456789", "  ", "p"), nameof(Claims360SetupForm.BodyshopKey)));

    [Fact]
    public void No_keys_at_all_asks_for_each_key()
    {
        var result = Validator.Validate(Form("BE0123456789", null, null));
        Assert.Contains(result.Errors, e => e.PropertyName == nameof(Claims360SetupForm.BodyshopKey));
        Assert.Contains(result.Errors, e => e.PropertyName == nameof(Claims360SetupForm.PlanManagerKey));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void The_carrosserie_id_is_required(string? carrosserie) =>
        Assert.NotEmpty(ErrorsFor(Form(carrosserie, "b", "p"), nameof(Claims360SetupForm.CarrosserieId)));
}

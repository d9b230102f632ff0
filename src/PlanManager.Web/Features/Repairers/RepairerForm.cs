using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Shared;
using PlanManager.Web.Infrastructure.Validation;

namespace PlanManager.Web.Features.Repairers;

/// <summary>The repairer editor's fields (J6).</summary>
public sealed class RepairerForm : Shared.IAddressForm
{
    public int? Id { get; set; }

    [Display(Name = "Party.Name")]
    public string? Name { get; set; }

    [Display(Name = "Party.Street")]
    public string? Street { get; set; }

    [Display(Name = "Party.PostalCode")]
    public string? PostalCode { get; set; }

    [Display(Name = "Party.City")]
    public string? City { get; set; }

    [Display(Name = "Party.Country")]
    public string? Country { get; set; }

    [Display(Name = "Party.Phone")]
    public string? Phone { get; set; }

    [Display(Name = "Party.Email")]
    public string? Email { get; set; }

    [Display(Name = "Party.VatNumber")]
    public string? VatNumber { get; set; }

    [Display(Name = "Repairer.ExternalReference")]
    public string? ExternalReference { get; set; }

    /// <summary>Records read the repairer's country as an ISO code: it is chosen, not typed.</summary>
    IReadOnlyList<string>? IAddressForm.CountryCodes => Countries.RepairerCodes;

    public static RepairerForm From(Repairer repairer)
    {
        ArgumentNullException.ThrowIfNull(repairer);
        return new RepairerForm
        {
            Id = repairer.Id,
            Name = repairer.Name,
            VatNumber = repairer.VatNumber,
            ExternalReference = repairer.ExternalReference,
        }.WithAddressOf(repairer);
    }

    public void ApplyTo(Repairer repairer)
    {
        ArgumentNullException.ThrowIfNull(repairer);
        repairer.Name = Text.Clean(Name)!;
        this.CopyAddressTo(repairer);
        repairer.VatNumber = Text.Clean(VatNumber)?.ToUpperInvariant();
        repairer.ExternalReference = Text.Clean(ExternalReference);
    }
}

public sealed class RepairerFormValidator : AbstractValidator<RepairerForm>
{
    public RepairerFormValidator(IStringLocalizer<SharedResource> texts)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(PartyLimits.Name).NoControlCharacters(texts);
        Include(new AddressFormValidator(texts));
        RuleFor(r => r.Country).Must(c => string.IsNullOrWhiteSpace(c) || Countries.IsRepairerCode(c))
            .WithMessage(_ => texts["Validation.CountryCode"]);
        RuleFor(r => r.VatNumber).MaximumLength(PartyLimits.VatNumber).VatNumber(texts);
        RuleFor(r => r.ExternalReference).MaximumLength(PartyLimits.ExternalReference).NoControlCharacters(texts);
    }
}

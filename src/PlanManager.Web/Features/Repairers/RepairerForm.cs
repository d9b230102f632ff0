using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Domain;
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

    public static RepairerForm From(Repairer repairer)
    {
        ArgumentNullException.ThrowIfNull(repairer);
        return new()
        {
            Id = repairer.Id,
            Name = repairer.Name,
            Street = repairer.Street,
            PostalCode = repairer.PostalCode,
            City = repairer.City,
            Country = repairer.Country,
            Phone = repairer.Phone,
            Email = repairer.Email,
            VatNumber = repairer.VatNumber,
            ExternalReference = repairer.ExternalReference,
        };
    }

    public void ApplyTo(Repairer repairer)
    {
        ArgumentNullException.ThrowIfNull(repairer);
        repairer.Name = Text.Clean(Name)!;
        repairer.Street = Text.Clean(Street);
        repairer.PostalCode = Text.Clean(PostalCode);
        repairer.City = Text.Clean(City);
        repairer.Country = Text.Clean(Country);
        repairer.Phone = Text.Clean(Phone);
        repairer.Email = Text.Clean(Email);
        repairer.VatNumber = Text.Clean(VatNumber)?.ToUpperInvariant();
        repairer.ExternalReference = Text.Clean(ExternalReference);
    }
}

public sealed class RepairerFormValidator : AbstractValidator<RepairerForm>
{
    public RepairerFormValidator(IStringLocalizer<SharedResource> texts)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(PartyLimits.Name).NoControlCharacters(texts);
        RuleFor(r => r.Street).MaximumLength(PartyLimits.Street).NoControlCharacters(texts);
        RuleFor(r => r.PostalCode).MaximumLength(PartyLimits.PostalCode).NoControlCharacters(texts);
        RuleFor(r => r.City).MaximumLength(PartyLimits.City).NoControlCharacters(texts);
        RuleFor(r => r.Country).MaximumLength(PartyLimits.Country).NoControlCharacters(texts);
        RuleFor(r => r.Phone).MaximumLength(PartyLimits.Phone).PhoneNumber(texts);
        RuleFor(r => r.Email).MaximumLength(PartyLimits.Email).EmailAddress().When(r => !string.IsNullOrWhiteSpace(r.Email));
        RuleFor(r => r.VatNumber).MaximumLength(PartyLimits.VatNumber).VatNumber(texts);
        RuleFor(r => r.ExternalReference).MaximumLength(PartyLimits.ExternalReference).NoControlCharacters(texts);
    }
}

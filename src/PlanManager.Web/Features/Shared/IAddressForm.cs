using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Infrastructure.Validation;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Features.Shared;

/// <summary>The address and contact fields that repairers and third parties share, drawn by _AddressFields.</summary>
public interface IAddressForm
{
    [Display(Name = "Party.Street")]
    string? Street { get; set; }

    [Display(Name = "Party.PostalCode")]
    string? PostalCode { get; set; }

    [Display(Name = "Party.City")]
    string? City { get; set; }

    [Display(Name = "Party.Country")]
    string? Country { get; set; }

    [Display(Name = "Party.Phone")]
    string? Phone { get; set; }

    [Display(Name = "Party.Email")]
    string? Email { get; set; }

    /// <summary>The codes the country is chosen from (a select), or null for a free text country.</summary>
    IReadOnlyList<string>? CountryCodes => null;
}

public static class AddressFormMapping
{
    /// <summary>Fills the form's address fields from a stored repairer or third party.</summary>
    public static T WithAddressOf<T>(this T form, IHasAddress source)
        where T : IAddressForm
    {
        ArgumentNullException.ThrowIfNull(source);
        form.Street = source.Street;
        form.PostalCode = source.PostalCode;
        form.City = source.City;
        form.Country = source.Country;
        form.Phone = source.Phone;
        form.Email = source.Email;
        return form;
    }

    /// <summary>Copies the typed address onto the entity, trimmed, blanks as null.</summary>
    public static void CopyAddressTo(this IAddressForm form, IHasAddress target)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(target);
        target.Street = Text.Clean(form.Street);
        target.PostalCode = Text.Clean(form.PostalCode);
        target.City = Text.Clean(form.City);
        target.Country = form.CountryCodes is null ? Text.Clean(form.Country) : Text.Clean(form.Country)?.ToUpperInvariant();
        target.Phone = Text.Clean(form.Phone);
        target.Email = Text.Clean(form.Email);
    }
}

/// <summary>The rules of the shared address fields, included by each form's validator.</summary>
public sealed class AddressFormValidator : AbstractValidator<IAddressForm>
{
    public AddressFormValidator(IStringLocalizer<SharedResource> texts)
    {
        RuleFor(a => a.Street).MaximumLength(PartyLimits.Street).NoControlCharacters(texts);
        RuleFor(a => a.PostalCode).MaximumLength(PartyLimits.PostalCode).NoControlCharacters(texts);
        RuleFor(a => a.City).MaximumLength(PartyLimits.City).NoControlCharacters(texts);
        RuleFor(a => a.Country).MaximumLength(PartyLimits.Country).NoControlCharacters(texts);
        RuleFor(a => a.Phone).MaximumLength(PartyLimits.Phone).PhoneNumber(texts);
        RuleFor(a => a.Email).MaximumLength(PartyLimits.Email).EmailAddress().When(a => !string.IsNullOrWhiteSpace(a.Email));
    }
}

using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Domain;
using PlanManager.Web.Features.Shared;
using PlanManager.Web.Infrastructure.Validation;

namespace PlanManager.Web.Features.ThirdParties;

/// <summary>The owner / insurer / agent editor (T1).</summary>
public sealed class ThirdPartyForm : IAddressForm
{
    public int? Id { get; set; }
    public ThirdPartyKind Kind { get; set; }

    [Display(Name = "Party.Name")]
    public string? Name { get; set; }

    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    [Display(Name = "Party.VatNumber")]
    public string? VatNumber { get; set; }

    /// <summary>The work provider's code in CAPS (T2); shown and saved only while CAPS is on.</summary>
    [Display(Name = "ThirdParty.CapsCode")]
    public string? CapsCode { get; set; }

    /// <summary>An owner's language for customer messages (M1); empty: the one they used on the portal, else the default.</summary>
    [Display(Name = "Party.Language")]
    public string? Language { get; set; }

    /// <summary>An owner who asked for no e-mails receives no customer message (M1).</summary>
    [Display(Name = "Party.NoEmails")]
    public bool NoEmails { get; set; }

    public static ThirdPartyForm From(ThirdParty party)
    {
        ArgumentNullException.ThrowIfNull(party);
        return new ThirdPartyForm
        {
            Id = party.Id,
            Kind = party.Kind,
            Name = party.Name,
            VatNumber = party.VatNumber,
            CapsCode = party.CapsCode,
            Language = party.Language,
            NoEmails = party.NoEmails,
        }.WithAddressOf(party);
    }

    /// <param name="capsEnabled">While CAPS is off the field is hidden, and the stored code is kept as it is.</param>
    public void ApplyTo(ThirdParty party, bool capsEnabled)
    {
        ArgumentNullException.ThrowIfNull(party);
        party.Kind = Kind;
        party.Name = Text.Clean(Name)!;
        this.CopyAddressTo(party);
        party.VatNumber = Text.Clean(VatNumber)?.ToUpperInvariant();
        if (capsEnabled)
        {
            party.CapsCode = Text.Clean(CapsCode)?.ToUpperInvariant();
        }

        if (Kind == ThirdPartyKind.Owner)
        {
            party.Language = Text.Clean(Language)?.ToLowerInvariant();
            party.NoEmails = NoEmails;
        }

        party.RefreshSearchKeys();
    }
}

public sealed class ThirdPartyFormValidator : AbstractValidator<ThirdPartyForm>
{
    public ThirdPartyFormValidator(IStringLocalizer<SharedResource> texts)
    {
        RuleFor(t => t.Kind).IsInEnum();
        RuleFor(t => t.Name).NotEmpty().MaximumLength(PartyLimits.Name).NoControlCharacters(texts);
        Include(new AddressFormValidator(texts));
        RuleFor(t => t.VatNumber).MaximumLength(PartyLimits.VatNumber).VatNumber(texts);
        RuleFor(t => t.CapsCode).MaximumLength(PartyLimits.CapsCode)
            .Matches("^[A-Za-z0-9_-]*$").WithMessage(_ => texts["ThirdParty.Validation.CapsCode"]);
        RuleFor(t => t.Language).Must(l => string.IsNullOrWhiteSpace(l) || Features.Messages.MessageTemplates.Languages.Contains(l.Trim().ToLowerInvariant()))
            .WithMessage(_ => texts["ThirdParty.Validation.Language"]);
    }
}

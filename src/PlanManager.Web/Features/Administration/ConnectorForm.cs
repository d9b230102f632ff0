using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure.Validation;

namespace PlanManager.Web.Features.Administration;

/// <summary>One connector's card on the Connectors page. The secret is write-only: blank keeps the stored one.</summary>
public sealed class ConnectorForm
{
    public ConnectorKind Kind { get; set; }

    [Display(Name = "Connector.Enabled")]
    public bool Enabled { get; set; }

    [Display(Name = "Connector.SiteCode")]
    public string? SiteCode { get; set; }

    [Display(Name = "Connector.Claims360Queueing")]
    public bool Claims360Queueing { get; set; }

    [Display(Name = "Connector.NewSecret")]
    public string? NewSecret { get; set; }

    [Display(Name = "Connector.RemoveSecret")]
    public bool RemoveSecret { get; set; }
}

public sealed class ConnectorFormValidator : AbstractValidator<ConnectorForm>
{
    public const int MaxSecretLength = 500;

    public ConnectorFormValidator(IStringLocalizer<SharedResource> texts)
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.SiteCode).MaximumLength(50).NoControlCharacters(texts);
        RuleFor(c => c.SiteCode).NotEmpty().When(c => c.Kind == ConnectorKind.Caps && c.Enabled)
            .WithMessage(_ => texts["Connector.Validation.SiteCodeRequired"]);
        RuleFor(c => c.NewSecret).MaximumLength(MaxSecretLength).NoControlCharacters(texts);
        RuleFor(c => c.NewSecret).Empty().When(c => c.RemoveSecret).WithMessage(_ => texts["Connector.Validation.ReplaceOrRemove"]);
    }
}

using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Infrastructure.Validation;

namespace PlanManager.Web.Features.Claims360;

/// <summary>The "Set up Claims360" dialog (C2): all three fields are required.</summary>
public sealed class Claims360SetupForm
{
    public int RepairerId { get; set; }

    [Display(Name = "Claims360.CarrosserieId")]
    public string? CarrosserieId { get; set; }

    [Display(Name = "Claims360.BodyshopKey")]
    public string? BodyshopKey { get; set; }

    [Display(Name = "Claims360.PlanManagerKey")]
    public string? PlanManagerKey { get; set; }
}

public sealed class Claims360SetupFormValidator : AbstractValidator<Claims360SetupForm>
{
    public const int MaxKey = 500;

    public Claims360SetupFormValidator(IStringLocalizer<SharedResource> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        RuleFor(f => f.RepairerId).GreaterThan(0);
        RuleFor(f => f.CarrosserieId).NotEmpty().MaximumLength(50).NoControlCharacters(texts);

        // One key alone is the classic mistake (the seed article): say so, on the missing one.
        RuleFor(f => f.BodyshopKey).NotEmpty()
            .WithMessage(_ => texts["Claims360.BothKeys"].Value).When(f => !string.IsNullOrWhiteSpace(f.PlanManagerKey))
            .MaximumLength(MaxKey).NoControlCharacters(texts);
        RuleFor(f => f.BodyshopKey).NotEmpty().When(f => string.IsNullOrWhiteSpace(f.PlanManagerKey));
        RuleFor(f => f.PlanManagerKey).NotEmpty()
            .WithMessage(_ => texts["Claims360.BothKeys"].Value).When(f => !string.IsNullOrWhiteSpace(f.BodyshopKey))
            .MaximumLength(MaxKey).NoControlCharacters(texts);
        RuleFor(f => f.PlanManagerKey).NotEmpty().When(f => string.IsNullOrWhiteSpace(f.BodyshopKey));
    }
}

using System.ComponentModel.DataAnnotations;
using FluentValidation;
using PlanManager.Web.Infrastructure.Validation;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Features.Portal;

/// <summary>What a customer fills in to book an estimate (P1) or a repair (P2).</summary>
public sealed class AppointmentForm
{
    /// <summary>P2: the customer already has a job and gives its plate + number instead of contact details.</summary>
    [Display(Name = "Portal.ExistingJob")]
    public bool ExistingJob { get; set; }

    [Display(Name = "Portal.Registration")]
    public string? Registration { get; set; }

    [Display(Name = "Portal.JobNumber")]
    public string? JobNumber { get; set; }

    [Display(Name = "Portal.Name")]
    public string? Name { get; set; }

    [Display(Name = "Portal.Email")]
    public string? Email { get; set; }

    [Display(Name = "Portal.Phone")]
    public string? Phone { get; set; }

    [Display(Name = "Portal.Damage")]
    public string? Message { get; set; }

    [Display(Name = "Portal.Slot")]
    public long? Slot { get; set; }
}

public sealed class AppointmentFormValidator : AbstractValidator<AppointmentForm>
{
    public AppointmentFormValidator(IStringLocalizer<SharedResource> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        RuleFor(f => f.Slot).NotNull().WithMessage(texts["Portal.Validation.ChooseSlot"]);
        // The job screen's plate rule: plate characters only, 2 to 12 letters or digits ("!!!" is not a car).
        RuleFor(f => f.Registration).NotEmpty().MaximumLength(JobLimits.Registration).LicencePlate(texts);
        RuleFor(f => f.JobNumber).NotEmpty().When(f => f.ExistingJob);
        RuleFor(f => f.Name).NotEmpty().When(f => !f.ExistingJob);
        RuleFor(f => f.Name).MaximumLength(PartyLimits.Name);
        RuleFor(f => f.Email).EmailAddress().MaximumLength(PartyLimits.Email);
        RuleFor(f => f.Phone).MaximumLength(PartyLimits.Phone);
        RuleFor(f => f.Email).NotEmpty().When(f => !f.ExistingJob && string.IsNullOrWhiteSpace(f.Phone))
            .WithMessage(texts["Portal.Validation.EmailOrPhone"]);
        RuleFor(f => f.Message).MaximumLength(AppointmentLimits.Message);
    }
}

/// <summary>Plate + job number, the key a customer has to a job (P3, P4).</summary>
public sealed class JobKeyForm
{
    [Display(Name = "Portal.Registration")]
    public string? Registration { get; set; }

    [Display(Name = "Portal.JobNumber")]
    public string? JobNumber { get; set; }
}

public sealed class JobKeyFormValidator : AbstractValidator<JobKeyForm>
{
    public JobKeyFormValidator()
    {
        RuleFor(f => f.Registration).NotEmpty().MaximumLength(JobLimits.Registration);
        RuleFor(f => f.JobNumber).NotEmpty().MaximumLength(12);
    }
}

using FluentValidation;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Validation;

namespace PlanManager.Web.Features.Jobs;

public sealed class JobFormValidator : AbstractValidator<JobForm>
{
    /// <summary>A clock a few minutes fast on the receptionist's PC is not a car leaving in the future.</summary>
    private static readonly TimeSpan OffSiteSlack = TimeSpan.FromMinutes(5);

    public JobFormValidator(IStringLocalizer<SharedResource> texts, DisplayTime time, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(j => j.RepairerId).NotEmpty();
        RuleFor(j => j.Registration).NotEmpty().MaximumLength(JobLimits.Registration).LicencePlate(texts);
        RuleFor(j => j.Make).MaximumLength(JobLimits.ShortText).NoControlCharacters(texts);
        RuleFor(j => j.Model).MaximumLength(JobLimits.ShortText).NoControlCharacters(texts);
        RuleFor(j => j.Type).MaximumLength(JobLimits.ShortText).NoControlCharacters(texts);
        RuleFor(j => j.Vin).Vin(texts);
        RuleFor(j => j.Colour).MaximumLength(JobLimits.ShortText).NoControlCharacters(texts);
        RuleFor(j => j.CurrentTask).MaximumLength(JobLimits.ShortText).NoControlCharacters(texts);
        RuleFor(j => j.ClaimNumber).MaximumLength(JobLimits.ClaimNumber).NoControlCharacters(texts);
        RuleFor(j => j.VehicleDetails).MaximumLength(JobLimits.LongText).NoControlCharacters(texts);
        RuleFor(j => j.CommentsDamage).MaximumLength(JobLimits.LongText).NoControlCharacters(texts);
        RuleFor(j => j.OwnerName).MaximumLength(PartyLimits.Name).NoControlCharacters(texts);

        RuleFor(j => j.MileageAtEstimate).InclusiveBetween(0, JobLimits.MaxMileage);
        RuleFor(j => j.MileageAtRepair).InclusiveBetween(0, JobLimits.MaxMileage);
        RuleFor(j => j.MileageAtRepair)
            .GreaterThanOrEqualTo(j => j.MileageAtEstimate)
            .When(j => j.MileageAtRepair is not null && j.MileageAtEstimate is not null)
            .WithMessage(_ => texts["Job.Validation.MileageGoesDown"]);

        RuleFor(j => j.StartDate).ReasonableDate(texts);
        RuleFor(j => j.EndDate).ReasonableDate(texts);
        RuleFor(j => j.EndDate)
            .GreaterThanOrEqualTo(j => j.StartDate)
            .When(j => j.StartDate is not null && j.EndDate is not null)
            .WithMessage(_ => texts["Job.Validation.EndBeforeStart"]);
        RuleFor(j => j.EstimatedCompletionDate).ReasonableDate(texts);
        RuleFor(j => j.FirstRegistration).ReasonableDate(texts);
        RuleFor(j => j.FirstRegistration)
            .Must(d => d is null || d.Value <= DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)))
            .WithMessage(_ => texts["Job.Validation.FirstRegistrationFuture"]);
        RuleFor(j => j.ClientInformed).ReasonableDate(texts);
        RuleFor(j => j.BookOutDate).ReasonableDate(texts);
        RuleFor(j => j.OffSiteAt)
            .Must(d => d is null || d.Value.Year >= 2000)
            .WithMessage(_ => texts["Validation.DateRange"]);
        RuleFor(j => j.OffSiteAt)
            .Must(d => d is null || d.Value <= time.Local(clock.GetUtcNow()).DateTime + OffSiteSlack)
            .WithMessage(_ => texts["Job.Validation.OffSiteFuture"]);

        RuleFor(j => j.Status).IsInEnum();
        RuleFor(j => j.DamageFlow).IsInEnum();
        RuleFor(j => j.Source).IsInEnum();
        RuleFor(j => j.InsurerName)
            .Empty()
            .When(j => j.InsurerId is null)
            .WithMessage(_ => texts["Job.Validation.PickFromList"]);
        RuleFor(j => j.AgentName)
            .Empty()
            .When(j => j.AgentId is null)
            .WithMessage(_ => texts["Job.Validation.PickFromList"]);
    }
}

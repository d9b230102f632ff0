using FluentValidation.Results;

namespace PlanManager.Web.Infrastructure;

public enum CommandOutcome
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>What a use case that changes data tells its controller.</summary>
public sealed record CommandResult(CommandOutcome Outcome, int? Id = null, ValidationResult? Validation = null)
{
    public static CommandResult Saved(int id) => new(CommandOutcome.Saved, id);
    public static CommandResult Invalid(ValidationResult validation) => new(CommandOutcome.Invalid, Validation: validation);
    public static CommandResult Invalid(string property, string message) => Invalid(new ValidationResult([new ValidationFailure(property, message)]));
    public static readonly CommandResult NotFound = new(CommandOutcome.NotFound);
    public static readonly CommandResult Conflict = new(CommandOutcome.Conflict);
}

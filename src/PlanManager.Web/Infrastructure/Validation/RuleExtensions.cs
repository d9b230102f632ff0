using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Infrastructure.Validation;

/// <summary>Field rules shared by every form, with messages from the resource files.</summary>
public static partial class RuleExtensions
{
    public static IRuleBuilderOptions<T, string?> NoControlCharacters<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer texts) =>
        rule.Must(v => !Text.HasControlCharacters(v)).WithMessage(_ => texts["Validation.ControlCharacters"]);

    public static IRuleBuilderOptions<T, string?> PhoneNumber<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer texts) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || PhonePattern().IsMatch(v.Trim()))
            .WithMessage(_ => texts["Validation.Phone"]);

    public static IRuleBuilderOptions<T, string?> VatNumber<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer texts) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || VatPattern().IsMatch(StripSeparators(v)))
            .WithMessage(_ => texts["Validation.VatNumber"]);

    /// <summary>UK, Belgian and Dutch plates: letters and digits with optional spaces or dashes, 2 to 12 of them.</summary>
    public static IRuleBuilderOptions<T, string?> LicencePlate<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer texts) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || (PlatePattern().IsMatch(v.Trim()) && SearchKey.Normalize(v).Length is >= 2 and <= 12))
            .WithMessage(_ => texts["Validation.LicencePlate"]);

    /// <summary>17 characters, no I, O or Q (ISO 3779).</summary>
    public static IRuleBuilderOptions<T, string?> Vin<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer texts) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || VinPattern().IsMatch(v.Trim().ToUpperInvariant()))
            .WithMessage(_ => texts["Validation.Vin"]);

    public static IRuleBuilderOptions<T, DateOnly?> ReasonableDate<T>(this IRuleBuilder<T, DateOnly?> rule, IStringLocalizer texts) =>
        rule.Must(d => d is null || (d.Value.Year >= 1900 && d.Value.Year <= 2100))
            .WithMessage(_ => texts["Validation.DateRange"]);

    /// <summary>Copies the validator's findings next to the fields they concern.</summary>
    public static void AddTo(this ValidationResult result, ModelStateDictionary modelState, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? error.PropertyName : $"{prefix}.{error.PropertyName}";
            modelState.AddModelError(key, error.ErrorMessage);
        }
    }

    private static string StripSeparators(string value) =>
        value.Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace(".", string.Empty, StringComparison.Ordinal)
            .Replace("-", string.Empty, StringComparison.Ordinal)
            .ToUpperInvariant();

    [GeneratedRegex(@"^\+?[0-9 ()./-]{6,25}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^([A-Z]{2})?[0-9A-Z]{8,13}$")]
    private static partial Regex VatPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9 .-]{0,19}$")]
    private static partial Regex PlatePattern();

    [GeneratedRegex("^[A-HJ-NPR-Z0-9]{17}$")]
    private static partial Regex VinPattern();
}

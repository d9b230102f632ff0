using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;

namespace PlanManager.Web.Infrastructure;

public static class WebSetup
{
    /// <summary>The languages of the product (X2). Formats follow the Belgian / British conventions the customers use.</summary>
    public static readonly CultureInfo[] SupportedCultures =
    [
        new("en-GB"),
        new("nl-BE"),
        new("fr-BE"),
    ];

    /// <summary>Each language named in itself, as language menus do.</summary>
    public static string Endonym(CultureInfo culture) => culture?.TwoLetterISOLanguageName switch
    {
        "nl" => "Nederlands",
        "fr" => "Français",
        _ => "English",
    };

    public static IServiceCollection AddPlanManagerWeb(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Each text looked up once per language (issue 18); the framework's factory does the lookup.
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory, CachedStringLocalizerFactory>();
        services.AddPlanManagerCompression();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("en-GB");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // The choice made with the language menu (a cookie) wins over the browser's languages.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddRazorOptions(o => o.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));

        // The binder's own messages (a date typed as text, letters in a number) in the user's language.
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((mvc, factory) =>
        {
            var texts = factory.Create(typeof(SharedResource));
            var messages = mvc.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => texts["Validation.InvalidValue", value, field]);
            messages.SetValueIsInvalidAccessor(value => texts["Validation.InvalidValueNoField", value]);
            messages.SetValueMustBeANumberAccessor(field => texts["Validation.MustBeNumber", field]);
            messages.SetValueMustNotBeNullAccessor(field => texts["Validation.Required", field]);
            messages.SetMissingBindRequiredValueAccessor(field => texts["Validation.Required", field]);
            messages.SetUnknownValueIsInvalidAccessor(field => texts["Validation.InvalidValueNoField", field]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => texts["Validation.InvalidValueNoField", value]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => texts["Validation.Invalid"]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => texts["Validation.MustBeNumberNoField"]);
            messages.SetMissingKeyOrValueAccessor(() => texts["Validation.Invalid"]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => texts["Validation.Invalid"]);
        });

        services.AddValidatorsFromAssemblyContaining<SharedResource>(includeInternalTypes: true);
        services.AddSingleton(TimeProvider.System);
        DisplayTime.Register(services);
        services.AddScoped<JobLogWriter>();
        services.AddHttpContextAccessor();
        services.AddHealthChecks().AddDbContextCheck<Data.PlanManagerDbContext>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// FluentValidation names a field by its [Display] name, translated like the label next to it,
    /// so "Registration is required" reads "Kenteken is verplicht" in Dutch.
    /// </summary>
    public static void UseLocalizedValidationNames(IStringLocalizerFactory factory)
    {
        var localizer = factory.Create(typeof(SharedResource));
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
        {
            if (member is null)
            {
                return null;
            }

            // The [Display] may sit on an interface the form implements (the shared address fields).
            var display = DisplayOf(member)
                ?? member.DeclaringType?.GetInterfaces()
                    .Select(i => i.GetProperty(member.Name))
                    .Where(p => p is not null)
                    .Select(p => DisplayOf(p!))
                    .FirstOrDefault(d => d is not null);
            return display?.Name is { } key ? localizer[key] : member.Name;
        };
    }

    private static System.ComponentModel.DataAnnotations.DisplayAttribute? DisplayOf(System.Reflection.MemberInfo member) =>
        member.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.DisplayAttribute), true)
            .OfType<System.ComponentModel.DataAnnotations.DisplayAttribute>()
            .FirstOrDefault();
}

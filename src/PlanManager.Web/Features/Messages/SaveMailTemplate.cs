using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Web.Features.Messages;

/// <summary>A repairer's template for one kind and language, as Support edits it.</summary>
public sealed class MailTemplateForm
{
    public int RepairerId { get; set; }
    public MessageKind Kind { get; set; }
    public string Language { get; set; } = "en";
    public string? Subject { get; set; }
    public string? Body { get; set; }

    /// <summary>The job the preview is rendered on (its number); the repairer's newest job when empty.</summary>
    public int? PreviewJobNumber { get; set; }
}

public sealed record MailTemplatePageModel(MailTemplateForm Form, IReadOnlyList<SelectListItem> Repairers, bool IsOwn, RenderedMessage? Preview, int? PreviewJobNumber);

/// <summary>
/// Support overrides a repairer's template (M1): a template that does not parse is refused with the line
/// and column next to its field; a preview renders it on a real job of that repairer; reset goes back to the shipped one.
/// </summary>
public sealed class SaveMailTemplate(PlanManagerDbContext db, CustomerMessages messages, TimeProvider clock, IHttpContextAccessor http, IStringLocalizer<SharedResource> texts)
{
    public async Task<MailTemplatePageModel?> LoadAsync(int? repairerId, MessageKind kind, string? language, CancellationToken cancellationToken)
    {
        var repairers = await RepairersAsync(cancellationToken);
        var id = repairerId ?? (repairers.Count > 0 ? int.Parse(repairers[0].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
        if (!Enum.IsDefined(kind) || repairers.All(r => r.Value != id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            return null;
        }

        var lang = MessageTemplates.NormalizeLanguage(language, "en");
        var own = await db.MailTemplates.AsNoTracking().AnyAsync(t => t.RepairerId == id && t.Kind == kind && t.Language == lang, cancellationToken);
        var template = await CustomerMessages.TemplateAsync(db, id, kind, lang, cancellationToken);
        var form = new MailTemplateForm { RepairerId = id, Kind = kind, Language = lang, Subject = template.Subject, Body = template.Body };
        return new MailTemplatePageModel(form, Select(repairers, id), own, null, null);
    }

    /// <summary>Refused (with line and column) when it does not parse; otherwise stored as the repairer's own.</summary>
    public async Task<CommandResult> SaveAsync(MailTemplateForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await CheckAsync(form, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var template = await db.MailTemplates.SingleOrDefaultAsync(t => t.RepairerId == form.RepairerId && t.Kind == form.Kind && t.Language == form.Language, cancellationToken);
        if (template is null)
        {
            template = new MailTemplate { RepairerId = form.RepairerId, Kind = form.Kind, Language = form.Language };
            db.MailTemplates.Add(template);
        }

        template.Subject = form.Subject!;
        template.Body = form.Body!;
        template.UpdatedAt = clock.GetUtcNow();
        template.UpdatedBy = http.HttpContext?.User.Identity?.Name;
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Saved(template.Id);
    }

    public async Task ResetAsync(MailTemplateForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        await db.MailTemplates.Where(t => t.RepairerId == form.RepairerId && t.Kind == form.Kind && t.Language == form.Language).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The template as typed, on a real job: the one asked for, or the repairer's newest.</summary>
    public async Task<(CommandResult Result, MailTemplatePageModel? Model)> PreviewAsync(MailTemplateForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await CheckAsync(form, cancellationToken) is { } invalid)
        {
            return (invalid, null);
        }

        var jobs = db.Jobs.Where(j => j.RepairerId == form.RepairerId);
        var job = form.PreviewJobNumber is { } number
            ? await jobs.SingleOrDefaultAsync(j => j.Number == number, cancellationToken)
            : await jobs.OrderByDescending(j => j.Id).FirstOrDefaultAsync(cancellationToken);
        if (job is null)
        {
            return (CommandResult.Invalid(nameof(MailTemplateForm.PreviewJobNumber), texts["Messages.Template.NoJob"]), null);
        }

        var rendered = await messages.PreviewAsync(db, new MessageTemplateText(form.Subject!, form.Body!), form.Kind, form.Language, job, cancellationToken);
        var own = await db.MailTemplates.AsNoTracking().AnyAsync(t => t.RepairerId == form.RepairerId && t.Kind == form.Kind && t.Language == form.Language, cancellationToken);
        return (CommandResult.Saved(job.Id), await ModelAsync(form, own, rendered, job.Number, cancellationToken));
    }

    public async Task<MailTemplatePageModel> ModelAsync(MailTemplateForm form, bool? own, RenderedMessage? preview, int? jobNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var isOwn = own ?? await db.MailTemplates.AsNoTracking().AnyAsync(t => t.RepairerId == form.RepairerId && t.Kind == form.Kind && t.Language == form.Language, cancellationToken);
        return new MailTemplatePageModel(form, Select(await RepairersAsync(cancellationToken), form.RepairerId), isOwn, preview, jobNumber);
    }

    private async Task<CommandResult?> CheckAsync(MailTemplateForm form, CancellationToken cancellationToken)
    {
        form.Language = MessageTemplates.NormalizeLanguage(form.Language, "en");
        if (!Enum.IsDefined(form.Kind) || !await db.Repairers.AnyAsync(r => r.Id == form.RepairerId, cancellationToken))
        {
            return CommandResult.NotFound;
        }

        var failures = new List<ValidationFailure>();
        Required(nameof(MailTemplateForm.Subject), form.Subject, MailLimits.Subject, failures);
        Required(nameof(MailTemplateForm.Body), form.Body, MailLimits.Template, failures);
        if (failures.Count == 0 && MessageTemplates.Check(new MessageTemplateText(form.Subject!, form.Body!)) is { } error)
        {
            failures.Add(new ValidationFailure(error.Field, texts["Messages.Template.ParseError", error.Line, error.Column, error.Detail]));
        }

        return failures.Count == 0 ? null : CommandResult.Invalid(new ValidationResult(failures));
    }

    private void Required(string field, string? value, int max, List<ValidationFailure> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add(new ValidationFailure(field, texts["Validation.Required", texts[$"Messages.Template.{field}"]]));
        }
        else if (value.Length > max)
        {
            failures.Add(new ValidationFailure(field, texts["Messages.Template.TooLong", max]));
        }
    }

    private Task<List<SelectListItem>> RepairersAsync(CancellationToken cancellationToken) =>
        db.Repairers.AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new SelectListItem(r.Name, r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToListAsync(cancellationToken);

    private static List<SelectListItem> Select(List<SelectListItem> repairers, int id)
    {
        var value = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return repairers.Select(r => new SelectListItem(r.Text, r.Value, r.Value == value)).ToList();
    }
}

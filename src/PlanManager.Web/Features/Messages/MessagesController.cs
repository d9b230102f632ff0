using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;
using PlanManager.Web.Infrastructure.Validation;

namespace PlanManager.Web.Features.Messages;

/// <summary>Administration &gt; Messages (M1): the outbox, one message, retry, and the templates of each repairer.</summary>
[Authorize(Policy = IdentitySetup.SupportPolicy)]
[Route("administration/messages")]
public sealed class MessagesController(MessagesPage page, IStringLocalizer<SharedResource> texts) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] MessageQuery query, CancellationToken cancellationToken) =>
        View(await page.ListAsync(query ?? new MessageQuery(), cancellationToken));

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken cancellationToken) =>
        await page.ShowAsync(id, cancellationToken) is { } model ? View(model) : NotFound();

    /// <summary>The HTML part as the customer's mail program would show it, for a sandboxed frame (no script, nothing fetched).</summary>
    [HttpGet("{id:long}/html")]
    public async Task<IActionResult> Html(long id, CancellationToken cancellationToken)
    {
        if (await page.HtmlAsync(id, cancellationToken) is not { } html)
        {
            return NotFound();
        }

        HttpContext.Items[SecurityHeaders.SandboxedDocument] = true;
        return Content(html, "text/html; charset=utf-8");
    }

    [HttpPost("{id:long}/retry")]
    public async Task<IActionResult> Retry(long id, [FromServices] MailOutboxRelay relay, CancellationToken cancellationToken)
    {
        if (await relay.RetryAsync(id, cancellationToken))
        {
            TempData["Success"] = texts["Messages.Retried"].Value;
        }
        else
        {
            TempData["Error"] = texts["Messages.NotRetried"].Value;
        }

        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpGet("templates")]
    public async Task<IActionResult> Templates(int? repairerId, MessageKind kind, string? language, [FromServices] SaveMailTemplate templates, CancellationToken cancellationToken) =>
        await templates.LoadAsync(repairerId, kind, language, cancellationToken) is { } model ? View(model) : NotFound();

    /// <summary>One form, three buttons: preview on a real job, save as the repairer's own, or go back to the shipped template.</summary>
    [HttpPost("templates")]
    public async Task<IActionResult> Templates([Bind(Prefix = "Form")] MailTemplateForm form, string? command, [FromServices] SaveMailTemplate templates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var back = new { repairerId = form.RepairerId, kind = form.Kind, language = form.Language };
        switch (command)
        {
            case "reset":
                await templates.ResetAsync(form, cancellationToken);
                TempData["Success"] = texts["Messages.Template.Reset"].Value;
                return RedirectToAction(nameof(Templates), back);
            case "preview":
                var (previewed, model) = await templates.PreviewAsync(form, cancellationToken);
                if (previewed.Outcome == CommandOutcome.NotFound)
                {
                    return NotFound();
                }

                previewed.Validation?.AddTo(ModelState, "Form");
                return View(model ?? await templates.ModelAsync(form, null, null, null, cancellationToken));
            default:
                var saved = await templates.SaveAsync(form, cancellationToken);
                switch (saved.Outcome)
                {
                    case CommandOutcome.Saved:
                        TempData["Success"] = texts["Messages.Template.Saved"].Value;
                        return RedirectToAction(nameof(Templates), back);
                    case CommandOutcome.NotFound:
                        return NotFound();
                    default:
                        saved.Validation?.AddTo(ModelState, "Form");
                        return View(await templates.ModelAsync(form, null, null, null, cancellationToken));
                }
        }
    }
}

/// <summary>Staff send a message to the job's customer from the job screen (M1).</summary>
[Route("jobs/{jobId:int}/messages")]
public sealed class JobMessagesController(SendJobMessage send, IStringLocalizer<SharedResource> texts) : Controller
{
    [HttpPost("")]
    public async Task<IActionResult> Send(int jobId, [Bind(Prefix = "Message")] JobMessageForm form, CancellationToken cancellationToken)
    {
        var result = await send.HandleAsync(jobId, form ?? new JobMessageForm(), cancellationToken);
        switch (result.Outcome)
        {
            case CommandOutcome.NotFound:
                return NotFound();
            case CommandOutcome.Saved:
                TempData["Success"] = texts["Messages.Job.Queued"].Value;
                break;
            case CommandOutcome.Conflict:
                TempData["Error"] = texts["Messages.Job.NoAddress"].Value;
                break;
            default:
                TempData["Error"] = texts["Messages.Job.NoteRequired"].Value;
                break;
        }

        return Redirect(Url.Action("Edit", "Jobs", new { id = jobId })! + "#messages-title");
    }
}

/// <summary>The job screen's card: who receives messages, the last five, and the form to send one.</summary>
public sealed class JobMessagesCard(SendJobMessage send) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int jobId) =>
        View("~/Features/Messages/Views/_JobCard.cshtml", await send.CardAsync(jobId, HttpContext.RequestAborted));
}

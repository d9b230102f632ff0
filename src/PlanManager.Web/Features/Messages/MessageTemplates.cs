using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Fluid;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Features.Messages;

/// <summary>A template's subject and body as Support edits them (Liquid).</summary>
public sealed record MessageTemplateText(string Subject, string Body);

/// <summary>Where a template does not parse, for the message next to the field.</summary>
public sealed record TemplateError(string Field, int Line, int Column, string Detail);

/// <summary>A message ready for the outbox: subject, plain text part and HTML part (with the repairer's footer).</summary>
public sealed record RenderedMessage(string Subject, string Text, string Html);

/// <summary>What the footer of every message shows: the repairer's name, address and phone.</summary>
public sealed record MessageFooter(string Name, string? Address, string? Phone, string? Email);

/// <summary>
/// The Liquid templates of customer messages (M1): the shipped default per kind and language, parsing
/// with the line and column of a mistake, and rendering. A template is plain text: the text part is
/// the template's output, the HTML part is that output HTML-encoded as a whole (so every value and
/// every character a template author typed is encoded), in paragraphs with links, and the footer.
/// </summary>
public sealed partial class MessageTemplates
{
    public static readonly IReadOnlyList<string> Languages = ["en", "nl", "fr"];

    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = new() { MaxSteps = 10_000, MaxRecursion = 10 };
    private static readonly ConcurrentDictionary<(MessageKind, string), MessageTemplateText> Defaults = new();

    public static string NormalizeLanguage(string? language, string fallback) =>
        language?.Trim().ToLowerInvariant() is { Length: >= 2 } l && Languages.Contains(l[..2]) ? l[..2] : fallback;

    /// <summary>The shipped template (embedded resource "MessageTemplates.{Kind}.{language}.liquid"): a subject line, a line "---", the body.</summary>
    public static MessageTemplateText Default(MessageKind kind, string language) => Defaults.GetOrAdd((kind, language), key =>
    {
        var name = $"MessageTemplates.{key.Item1}.{key.Item2}.liquid";
        using var stream = typeof(MessageTemplates).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"No default message template {name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd().ReplaceLineEndings("\n");
        var split = text.IndexOf("\n---\n", StringComparison.Ordinal);
        return new MessageTemplateText(text[..split].Trim(), text[(split + 5)..].TrimEnd() + "\n");
    });

    /// <summary>Null when both parse; otherwise the first field that does not, with its line and column (1-based).</summary>
    public static TemplateError? Check(MessageTemplateText template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Check("Subject", template.Subject) ?? Check("Body", template.Body);
    }

    public static async Task<RenderedMessage> RenderAsync(MessageTemplateText template, IReadOnlyDictionary<string, object?> values, MessageFooter footer)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(footer);
        if (Check(template) is { } error)
        {
            throw new InvalidOperationException($"Template {error.Field} does not parse at {error.Line}:{error.Column}: {error.Detail}");
        }

        var context = new TemplateContext(Options);
        foreach (var (name, value) in values)
        {
            context.SetValue(name, value);
        }

        var subject = Collapse(await Parser.Parse(template.Subject).RenderAsync(context));
        var body = Tidy(await Parser.Parse(template.Body).RenderAsync(context));
        var footerLines = new[] { footer.Name, footer.Address, footer.Phone, footer.Email }.Where(l => !string.IsNullOrWhiteSpace(l)).Cast<string>().ToList();
        var text = body + "\n\n-- \n" + string.Join("\n", footerLines) + "\n";
        return new RenderedMessage(subject, text, Html(subject, body, footerLines));
    }

    private static TemplateError? Check(string field, string source)
    {
        if (Parser.TryParse(source ?? string.Empty, out _, out var error))
        {
            return null;
        }

        // Fluid names the place as "(line:column)".
        var at = Position().Match(error ?? string.Empty);
        return at.Success
            ? new TemplateError(field, int.Parse(at.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(at.Groups[2].ValueSpan, System.Globalization.CultureInfo.InvariantCulture), error!)
            : new TemplateError(field, 1, 1, error ?? string.Empty);
    }

    /// <summary>A subject is one line.</summary>
    private static string Collapse(string subject) => WhiteSpace().Replace(subject, " ").Trim();

    /// <summary>Tags on lines of their own leave blank lines behind: at most one blank line between paragraphs.</summary>
    private static string Tidy(string body)
    {
        var lines = body.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd());
        var text = string.Join("\n", lines);
        return BlankLines().Replace(text, "\n\n").Trim();
    }

    private static string Html(string subject, string body, IReadOnlyList<string> footer)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(subject)).Append("</title></head>");
        html.Append("<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#212529\">");
        foreach (var paragraph in body.Split("\n\n"))
        {
            html.Append("<p>").Append(Linked(string.Join("<br>", paragraph.Split('\n').Select(WebUtility.HtmlEncode)))).Append("</p>");
        }

        html.Append("<hr style=\"border:0;border-top:1px solid #dee2e6\"><p style=\"font-size:13px;color:#495057\">");
        html.Append(string.Join("<br>", footer.Select(WebUtility.HtmlEncode))).Append("</p></body></html>");
        return html.ToString();
    }

    /// <summary>Links in the encoded text become anchors (the address is already encoded, so it is safe in the attribute).</summary>
    private static string Linked(string encoded) => Link().Replace(encoded, m => $"<a href=\"{m.Value}\">{m.Value}</a>");

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex Position();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"https?://[^\s<>""']+")]
    private static partial Regex Link();
}

using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PlanManager.IntegrationTests.Infrastructure;

/// <summary>
/// Drives the app the way a browser does: reads a page, takes the form's hidden fields
/// (antiforgery token included) and posts it back with the values a user typed.
/// </summary>
public sealed class HtmlClient(HttpClient client)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => client;

    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    public async Task SignInAsync(string email, string password = "PlanManager-demo1")
    {
        using var response = await SubmitAsync("/account/sign-in", "#sign-in-form",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {email} answered {(int)response.StatusCode}");
    }

    /// <summary>Loads <paramref name="url"/>, fills the form found by <paramref name="formSelector"/> and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, string formSelector, IDictionary<string, string> values, string? button = null) =>
        await SubmitPageAsync(await GetPageAsync(url), url, formSelector, values, button);

    /// <summary>Submits a form of a page loaded earlier (two users who opened the same page, then both save).</summary>
    public async Task<HttpResponseMessage> SubmitPageAsync(IHtmlDocument page, string url, string formSelector, IDictionary<string, string> values,
        string? button = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(values);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {url}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked && !values.ContainsKey(input.Name!))
                    {
                        fields.Add(new(input.Name!, input.Value));
                    }

                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button":
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !values.ContainsKey(input.Name):
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) && !values.ContainsKey(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !values.ContainsKey(select.Name):
                    fields.Add(new(select.Name, select.Value ?? string.Empty));
                    break;
            }
        }

        fields.AddRange(values);
        if (button is not null)
        {
            fields.Add(new("Form.Command", button));
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(action, content);
    }

    /// <summary>The antiforgery token of a form, for requests a test builds itself (several values for one name, files).</summary>
    public static string Token(IHtmlDocument page, string formSelector) =>
        (page.QuerySelector($"{formSelector} input[name='__RequestVerificationToken']") as IHtmlInputElement)?.Value
            ?? throw new InvalidOperationException($"No antiforgery token in '{formSelector}'");

    /// <summary>The validation message shown beside a field, or null.</summary>
    public static string? FieldError(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() is { Length: > 0 } text ? text : null;
}

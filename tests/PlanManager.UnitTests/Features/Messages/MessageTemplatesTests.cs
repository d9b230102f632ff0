using PlanManager.Web.Domain;
using PlanManager.Web.Features.Messages;

namespace PlanManager.UnitTests.Features.Messages;

public class MessageTemplatesTests
{
    private static readonly MessageFooter Footer = new("Carrosserie Janssens", "Industrieweg 12, 9000 Gent", "+32 9 222 11 00", "info@janssens.example");

    public static TheoryData<MessageKind, string> EveryTemplate()
    {
        var data = new TheoryData<MessageKind, string>();
        foreach (var kind in Enum.GetValues<MessageKind>())
        {
            foreach (var language in MessageTemplates.Languages)
            {
                data.Add(kind, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTemplate))]
    public async Task Every_kind_has_a_shipped_template_in_every_language_that_renders_with_and_without_a_job(MessageKind kind, string language)
    {
        var template = MessageTemplates.Default(kind, language);

        Assert.Null(MessageTemplates.Check(template));
        var withJob = await MessageTemplates.RenderAsync(template, Values(job: true), Footer);
        var withoutJob = await MessageTemplates.RenderAsync(template, Values(job: false), Footer);
        Assert.False(string.IsNullOrWhiteSpace(withJob.Subject));
        Assert.Contains("Carrosserie Janssens", withJob.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", withJob.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{%", withoutJob.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_are_encoded_in_the_html_part_and_kept_as_typed_in_the_text_part()
    {
        var template = new MessageTemplateText("For {{ customer.name }}", "Dear {{ customer.name }},\n\nSee {{ links.photos }}\nBye");

        var message = await MessageTemplates.RenderAsync(template, Values(job: true, name: "Zoë <script>alert(1)</script> & Co"), Footer);

        Assert.Equal("For Zoë <script>alert(1)</script> & Co", message.Subject);
        Assert.Contains("Dear Zoë <script>alert(1)</script> & Co,", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", message.Html, StringComparison.Ordinal);
        Assert.Contains("Zo&#235; &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co", message.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://portal.example/portal/3/photos\">https://portal.example/portal/3/photos</a>",
            message.Html, StringComparison.Ordinal);
        Assert.Contains("Industrieweg 12, 9000 Gent<br>+32 9 222 11 00", message.Html, StringComparison.Ordinal);
        Assert.EndsWith("-- \nCarrosserie Janssens\nIndustrieweg 12, 9000 Gent\n+32 9 222 11 00\ninfo@janssens.example\n",
            message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_that_does_not_parse_names_the_field_line_and_column()
    {
        var error = MessageTemplates.Check(new MessageTemplateText("Ready", "Dear {{ customer.name }},\n\n{% if job %}Job {{ job.number }}\nBye"));

        Assert.NotNull(error);
        Assert.Equal("Body", error.Field);
        Assert.Equal(4, error.Line);
        Assert.True(error.Column > 0, error.Detail);
    }

    [Fact]
    public void A_subject_that_does_not_parse_is_named_before_the_body()
    {
        var error = MessageTemplates.Check(new MessageTemplateText("Car {{ vehicle.registration ready", "{% if %}"));

        Assert.NotNull(error);
        Assert.Equal("Subject", error.Field);
        Assert.Equal(1, error.Line);
    }

    [Theory]
    [InlineData("nl-BE", "nl")]
    [InlineData("FR", "fr")]
    [InlineData("de", "en")]
    [InlineData(null, "en")]
    public void A_language_is_one_of_the_three_or_the_fallback(string? given, string expected) =>
        Assert.Equal(expected, MessageTemplates.NormalizeLanguage(given, "en"));

    private static Dictionary<string, object?> Values(bool job, string name = "Sofie Peeters") => new()
    {
        ["customer"] = new Dictionary<string, object?> { ["name"] = name },
        ["job"] = job ? new Dictionary<string, object?> { ["number"] = "614" } : null,
        ["vehicle"] = new Dictionary<string, object?> { ["registration"] = "1-ABC-123", ["make"] = "BMW", ["model"] = "330e" },
        ["appointment"] = new Dictionary<string, object?> { ["date"] = "Tuesday 1 December 2026, 09:00", ["kind"] = "Estimate" },
        ["repairer"] = new Dictionary<string, object?> { ["name"] = "Carrosserie Janssens", ["address"] = "Industrieweg 12, 9000 Gent",
            ["phone"] = "+32 9 222 11 00" },
        ["links"] = new Dictionary<string, object?> { ["photos"] = "https://portal.example/portal/3/photos", ["portal"] = "https://portal.example/portal/3" },
        ["note"] = "A note",
    };
}

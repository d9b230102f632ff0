using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.UnitTests.Infrastructure;

public sealed class ConflictAnswerTests
{
    [Theory]
    [InlineData("{\"dossierNumber\":\"IFX-1\"}", "IFX-1")]
    [InlineData("{\"dossierNumber\":12}", null)]
    [InlineData("{\"other\":\"x\"}", null)]
    [InlineData("[\"IFX-1\"]", null)]
    [InlineData("<html>busy</html>", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_existing_dossier_is_read_from_a_409_body_and_anything_else_gives_none(string? body, string? expected) =>
        Assert.Equal(expected, ConflictAnswer.StringProperty(body, "dossierNumber"));
}

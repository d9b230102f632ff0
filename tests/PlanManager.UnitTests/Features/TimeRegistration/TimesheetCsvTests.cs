using System.Text;
using PlanManager.Web.Features.TimeRegistration;

namespace PlanManager.UnitTests.Features.TimeRegistration;

public sealed class TimesheetCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+32 470", "'+32 470")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("1-ABC-123", "1-ABC-123")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Cells_cannot_become_formulas_and_separators_are_quoted(string? value, string expected) =>
        Assert.Equal(expected, TimesheetCsv.Cell(value));

    [Fact]
    public void A_file_is_utf8_with_a_byte_order_mark_and_semicolons()
    {
        var bytes = TimesheetCsv.Encode([["Technicien", "Élodie"], ["1,50", "=1+1"]]);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("Technicien;Élodie\r\n1,50;'=1+1\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}

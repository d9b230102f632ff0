using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using PlanManager.Web.Infrastructure.Exports;

namespace PlanManager.UnitTests.Infrastructure;

/// <summary>The streaming xlsx writer of the exports (decision 0022), read back as OpenXML parts.</summary>
public sealed class SheetWriterTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static XDocument Part(MemoryStream file, string name)
    {
        file.Position = 0;
        using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        using var stream = zip.GetEntry(name)!.Open();
        return XDocument.Load(stream);
    }

    [Fact]
    public void Cells_are_typed_text_numbers_and_dates_under_a_frozen_header()
    {
        using var file = new MemoryStream();
        using (var sheet = new SheetWriter(file, "Job list", ["No.", "Make", "Due", "Opened"]))
        {
            sheet.StartRow();
            sheet.Number(70_001);
            sheet.Text("=HYPERLINK(\"x\")\u0001");
            sheet.Date(new DateOnly(2026, 3, 4));
            sheet.DateTime(new DateTime(2026, 3, 4, 12, 0, 0, DateTimeKind.Unspecified));
            sheet.EndRow();
            sheet.StartRow();
            sheet.Number(70_002);
            sheet.Text(null);
            sheet.Date(null);
            sheet.Text(" spaced ");
            sheet.EndRow();
            sheet.Complete();
        }

        var xml = Part(file, "xl/worksheets/sheet1.xml");
        var rows = xml.Descendants(Main + "row").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["A1", "B1", "C1", "D1"], rows[0].Elements(Main + "c").Select(c => (string)c.Attribute("r")!));
        Assert.All(rows[0].Elements(Main + "c"), c => Assert.Equal("1", (string?)c.Attribute("s")));
        var first = rows[1].Elements(Main + "c").ToList();
        Assert.Equal(("70001", (string?)null), (first[0].Value, (string?)first[0].Attribute("t")));
        // Text stays text (no formula element), with characters XML cannot hold left out.
        Assert.Equal(("inlineStr", "=HYPERLINK(\"x\")"), ((string?)first[1].Attribute("t"), first[1].Value));
        Assert.Empty(first[1].Descendants(Main + "f"));
        Assert.Equal(("46085", "2"), (first[2].Value, (string?)first[2].Attribute("s")));
        Assert.Equal(("46085.5", "3"), (first[3].Value, (string?)first[3].Attribute("s")));
        // Empty cells are skipped, and the next one keeps its column.
        Assert.Equal(["A3", "D3"], rows[2].Elements(Main + "c").Select(c => (string)c.Attribute("r")!));
        Assert.Equal(" spaced ", rows[2].Elements(Main + "c").Last().Value);
        Assert.Equal("frozen", (string?)xml.Descendants(Main + "pane").Single().Attribute("state"));
        Assert.Equal("A1:D3", (string?)xml.Descendants(Main + "autoFilter").Single().Attribute("ref"));
        Assert.Equal("Job list", (string?)Part(file, "xl/workbook.xml").Descendants(Main + "sheet").Single().Attribute("name"));
        Assert.Equal(["yyyy-mm-dd", "yyyy-mm-dd hh:mm"],
            Part(file, "xl/styles.xml").Descendants(Main + "numFmt").Select(f => (string)f.Attribute("formatCode")!));
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(14, "N")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(703, "AAA")]
    public void Column_names_follow_excel(int column, string name) => Assert.Equal(name, SheetWriter.ColumnName(column));

    /// <summary>
    /// Many synthetic rows through the writer into a file. 2,000 rows by default; PLANMANAGER_SHEET_ROWS=1000000 writes a million
    /// and prints the time and the memory (the figure in decision 0022; not a timed test).
    /// </summary>
    [Fact]
    public void Many_rows_are_written_without_holding_them()
    {
        var rows = int.TryParse(Environment.GetEnvironmentVariable("PLANMANAGER_SHEET_ROWS"), CultureInfo.InvariantCulture, out var n) ? n : 2_000;
        var path = Path.Combine(Path.GetTempPath(), $"sheet-{Guid.NewGuid():N}.xlsx");
        try
        {
            var watch = Stopwatch.StartNew();
            using (var file = File.Create(path))
            using (var sheet = new SheetWriter(file, "Jobs", [.. Enumerable.Range(1, 14).Select(c => $"Column {c}")]))
            {
                var day = new DateTime(2020, 1, 1, 8, 30, 0, DateTimeKind.Unspecified);
                for (var r = 0; r < rows; r++)
                {
                    sheet.StartRow();
                    sheet.Number(r);
                    for (var c = 0; c < 9; c++)
                    {
                        sheet.Text(string.Create(CultureInfo.InvariantCulture, $"1-ABC-{r % 1000:000} {c}"));
                    }

                    sheet.Date(DateOnly.FromDateTime(day.AddDays(r % 3650)));
                    sheet.DateTime(day.AddMinutes(r));
                    sheet.DateTime(null);
                    sheet.Text("Staff");
                    sheet.EndRow();
                }

                sheet.Complete();
            }

            watch.Stop();
            using var read = File.OpenRead(path);
            using var zip = new ZipArchive(read, ZipArchiveMode.Read);
            using var reader = System.Xml.XmlReader.Create(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
            var count = 0;
            while (reader.ReadToFollowing("row", Main.NamespaceName))
            {
                count++;
            }

            Assert.Equal(rows + 1, count);
            using var process = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SheetWriter: {rows} rows in {watch.Elapsed.TotalSeconds:F1} s, "
                + $"{new FileInfo(path).Length} bytes, peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MB"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

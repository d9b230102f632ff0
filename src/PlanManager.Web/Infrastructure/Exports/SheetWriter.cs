using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace PlanManager.Web.Infrastructure.Exports;

/// <summary>
/// A one-sheet xlsx written as it goes (decision 0022): the OpenXML parts by hand, through a <see cref="ZipArchive"/> in create
/// mode and an <see cref="XmlWriter"/>, so a row is compressed and written out as soon as it is complete and memory stays
/// flat whatever the number of rows. Text is written as inline strings (no shared-string table to hold), numbers as numbers,
/// dates as numbers with a date style; the header row is bold, frozen and filtered; the columns have fixed widths
/// (measuring text needs fonts a Linux server does not have).
/// </summary>
public sealed class SheetWriter : IDisposable
{
    private static readonly DateTime Epoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    private readonly ZipArchive _zip;
    private readonly Stream _sheetStream;
    private readonly XmlWriter _sheet;
    private readonly int _columns;
    private int _row;
    private int _column;
    private bool _completed;

    /// <param name="output">Where the file goes; left open.</param>
    /// <param name="sheetName">The tab's name (at most 31 characters, none of : \ / ? * [ ]).</param>
    /// <param name="header">The first row, bold and frozen.</param>
    /// <param name="width">Every column's width, in characters.</param>
    public SheetWriter(Stream output, string sheetName, IReadOnlyList<string> header, double width = 16)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(header);
        _columns = header.Count;
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        Part("[Content_Types].xml", SheetPackageParts.ContentTypes);
        Part("_rels/.rels", SheetPackageParts.RootRelationships);
        Part("xl/workbook.xml", w => SheetPackageParts.Workbook(w, SafeSheetName(sheetName)));
        Part("xl/_rels/workbook.xml.rels", SheetPackageParts.WorkbookRelationships);
        Part("xl/styles.xml", SheetPackageParts.Styles);

        _sheetStream = _zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        _sheet = XmlWriter.Create(_sheetStream, Settings);
        _sheet.WriteStartDocument(standalone: true);
        _sheet.WriteStartElement("worksheet", SheetPackageParts.Main);
        _sheet.WriteStartElement("sheetViews");
        _sheet.WriteStartElement("sheetView");
        _sheet.WriteAttributeString("workbookViewId", "0");
        _sheet.WriteStartElement("pane");
        _sheet.WriteAttributeString("ySplit", "1");
        _sheet.WriteAttributeString("topLeftCell", "A2");
        _sheet.WriteAttributeString("activePane", "bottomLeft");
        _sheet.WriteAttributeString("state", "frozen");
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        _sheet.WriteStartElement("cols");
        _sheet.WriteStartElement("col");
        _sheet.WriteAttributeString("min", "1");
        _sheet.WriteAttributeString("max", Invariant(Math.Max(1, _columns)));
        _sheet.WriteAttributeString("width", width.ToString(CultureInfo.InvariantCulture));
        _sheet.WriteAttributeString("customWidth", "1");
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        _sheet.WriteStartElement("sheetData");

        StartRow();
        foreach (var title in header)
        {
            Cell("inlineStr", SheetPackageParts.HeaderStyle);
            InlineText(title);
            _sheet.WriteEndElement();
        }

        EndRow();
    }

    private static XmlWriterSettings Settings => new() { Encoding = new UTF8Encoding(false), CloseOutput = false };

    /// <summary>Rows written so far, the header included.</summary>
    public int Rows => _row;

    public void StartRow()
    {
        if (_row > 0 && _column >= 0)
        {
            throw new InvalidOperationException("The previous row is not ended");
        }

        _row++;
        _column = 0;
        _sheet.WriteStartElement("row");
        _sheet.WriteAttributeString("r", Invariant(_row));
    }

    public void EndRow()
    {
        _sheet.WriteEndElement();
        _column = -1;
    }

    /// <summary>Text, always text: a value that starts with "=" is never a formula.</summary>
    public void Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Skip();
            return;
        }

        Cell("inlineStr", null);
        InlineText(value);
        _sheet.WriteEndElement();
    }

    public void Number(double value)
    {
        Cell(null, null);
        _sheet.WriteElementString("v", value.ToString("R", CultureInfo.InvariantCulture));
        _sheet.WriteEndElement();
    }

    /// <summary>A calendar day, shown as yyyy-mm-dd.</summary>
    public void Date(DateOnly? value)
    {
        if (value is not { } day)
        {
            Skip();
            return;
        }

        Serial(day.ToDateTime(TimeOnly.MinValue), SheetPackageParts.DateStyle);
    }

    /// <summary>A wall-clock date and time (already in the bodyshop's zone), shown as yyyy-mm-dd hh:mm.</summary>
    public void DateTime(DateTime? value)
    {
        if (value is not { } moment)
        {
            Skip();
            return;
        }

        Serial(moment, SheetPackageParts.DateTimeStyle);
    }

    /// <summary>An empty cell.</summary>
    public void Skip() => _column++;

    /// <summary>Ends the sheet (with a filter over the header and the rows) and the package. The output is complete after this.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        _sheet.WriteEndElement();
        _sheet.WriteStartElement("autoFilter");
        _sheet.WriteAttributeString("ref", $"A1:{ColumnName(Math.Max(1, _columns))}{Invariant(Math.Max(1, _row))}");
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        _sheet.WriteEndDocument();
        _sheet.Flush();
        _sheet.Dispose();
        _sheetStream.Dispose();
        _zip.Dispose();
    }

    public void Dispose()
    {
        if (!_completed)
        {
            _completed = true;
            _sheet.Dispose();
            _sheetStream.Dispose();
            _zip.Dispose();
        }
    }

    /// <summary>The column letters of a 1-based column number (1 → A, 27 → AA).</summary>
    public static string ColumnName(int column)
    {
        var name = string.Empty;
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + ((c - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Excel's day number: days since 1899-12-30, the time of day as the fraction.</summary>
    public static double ToSerial(DateTime value) => (value - Epoch).TotalDays;

    private void Serial(DateTime value, int style)
    {
        Cell(null, style);
        _sheet.WriteElementString("v", ToSerial(value).ToString("R", CultureInfo.InvariantCulture));
        _sheet.WriteEndElement();
    }

    private void Cell(string? type, int? style)
    {
        if (_column < 0)
        {
            throw new InvalidOperationException("Start a row first");
        }

        _column++;
        _sheet.WriteStartElement("c");
        _sheet.WriteAttributeString("r", ColumnName(_column) + Invariant(_row));
        if (style is { } s)
        {
            _sheet.WriteAttributeString("s", Invariant(s));
        }

        if (type is not null)
        {
            _sheet.WriteAttributeString("t", type);
        }
    }

    private void InlineText(string value)
    {
        _sheet.WriteStartElement("is");
        _sheet.WriteStartElement("t");
        var text = XmlSafe(value);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            _sheet.WriteAttributeString("xml", "space", null, "preserve");
        }

        _sheet.WriteString(text);
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
    }

    /// <summary>Characters XML cannot hold (control characters pasted into a field) are left out rather than breaking the file.</summary>
    private static string XmlSafe(string value)
    {
        var text = value.Length > 32_767 ? value[..32_767] : value;
        if (!text.Any(c => !XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c)))
        {
            return text;
        }

        return new string(text.Where(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)).ToArray());
    }

    private static string SafeSheetName(string name)
    {
        var safe = new string(name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray()).Trim('\'');
        return safe.Length is > 0 and <= 31 ? safe : "Sheet1";
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private void Part(string name, Action<XmlWriter> write)
    {
        using var stream = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = XmlWriter.Create(stream, Settings);
        writer.WriteStartDocument(standalone: true);
        write(writer);
        writer.WriteEndDocument();
    }
}

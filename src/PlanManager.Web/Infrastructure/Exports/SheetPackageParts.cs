using System.Xml;

namespace PlanManager.Web.Infrastructure.Exports;

/// <summary>
/// The fixed parts of the one-sheet package <see cref="SheetWriter"/> writes: content types, relationships, the workbook and
/// the style sheet (style 0 plain, 1 bold for the header, 2 a date, 3 a date and time). Only the sheet itself is streamed.
/// </summary>
internal static class SheetPackageParts
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    public const int HeaderStyle = 1;
    public const int DateStyle = 2;
    public const int DateTimeStyle = 3;

    public static void ContentTypes(XmlWriter w)
    {
        const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        w.WriteStartElement("Types", ns);
        Default(w, ns, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(w, ns, "xml", "application/xml");
        Override(w, ns, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        Override(w, ns, "/xl/worksheets/sheet1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        Override(w, ns, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        w.WriteEndElement();

        static void Default(XmlWriter w, string ns, string extension, string type)
        {
            w.WriteStartElement("Default", ns);
            w.WriteAttributeString("Extension", extension);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }

        static void Override(XmlWriter w, string ns, string part, string type)
        {
            w.WriteStartElement("Override", ns);
            w.WriteAttributeString("PartName", part);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }
    }

    public static void RootRelationships(XmlWriter w)
    {
        w.WriteStartElement("Relationships", PackageRelationships);
        Relationship(w, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml");
        w.WriteEndElement();
    }

    public static void WorkbookRelationships(XmlWriter w)
    {
        w.WriteStartElement("Relationships", PackageRelationships);
        Relationship(w, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "worksheets/sheet1.xml");
        Relationship(w, "rId2", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml");
        w.WriteEndElement();
    }

    private static void Relationship(XmlWriter w, string id, string type, string target)
    {
        w.WriteStartElement("Relationship", PackageRelationships);
        w.WriteAttributeString("Id", id);
        w.WriteAttributeString("Type", type);
        w.WriteAttributeString("Target", target);
        w.WriteEndElement();
    }

    public static void Workbook(XmlWriter w, string sheetName)
    {
        w.WriteStartElement("workbook", Main);
        w.WriteAttributeString("xmlns", "r", null, Relationships);
        w.WriteStartElement("sheets", Main);
        w.WriteStartElement("sheet", Main);
        w.WriteAttributeString("name", sheetName);
        w.WriteAttributeString("sheetId", "1");
        w.WriteAttributeString("id", Relationships, "rId1");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>Style 0 plain, 1 bold (the header), 2 a date, 3 a date and time.</summary>
    public static void Styles(XmlWriter w)
    {
        w.WriteStartElement("styleSheet", Main);
        w.WriteStartElement("numFmts");
        w.WriteAttributeString("count", "2");
        NumberFormat(w, "164", "yyyy-mm-dd");
        NumberFormat(w, "165", "yyyy-mm-dd hh:mm");
        w.WriteEndElement();

        w.WriteStartElement("fonts");
        w.WriteAttributeString("count", "2");
        Font(w, bold: false);
        Font(w, bold: true);
        w.WriteEndElement();

        w.WriteStartElement("fills");
        w.WriteAttributeString("count", "2");
        foreach (var pattern in new[] { "none", "gray125" })
        {
            w.WriteStartElement("fill");
            w.WriteStartElement("patternFill");
            w.WriteAttributeString("patternType", pattern);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();

        w.WriteStartElement("borders");
        w.WriteAttributeString("count", "1");
        w.WriteStartElement("border");
        foreach (var side in new[] { "left", "right", "top", "bottom", "diagonal" })
        {
            w.WriteElementString(side, Main, string.Empty);
        }

        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("cellStyleXfs");
        w.WriteAttributeString("count", "1");
        Xf(w, "0", "0", apply: false);
        w.WriteEndElement();

        w.WriteStartElement("cellXfs");
        w.WriteAttributeString("count", "4");
        Xf(w, "0", "0", apply: false);
        Xf(w, "0", "1", apply: false);
        Xf(w, "164", "0", apply: true);
        Xf(w, "165", "0", apply: true);
        w.WriteEndElement();

        w.WriteStartElement("cellStyles");
        w.WriteAttributeString("count", "1");
        w.WriteStartElement("cellStyle");
        w.WriteAttributeString("name", "Normal");
        w.WriteAttributeString("xfId", "0");
        w.WriteAttributeString("builtinId", "0");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();

        static void NumberFormat(XmlWriter w, string id, string code)
        {
            w.WriteStartElement("numFmt");
            w.WriteAttributeString("numFmtId", id);
            w.WriteAttributeString("formatCode", code);
            w.WriteEndElement();
        }

        static void Font(XmlWriter w, bool bold)
        {
            w.WriteStartElement("font");
            if (bold)
            {
                w.WriteElementString("b", Main, string.Empty);
            }

            w.WriteStartElement("sz");
            w.WriteAttributeString("val", "11");
            w.WriteEndElement();
            w.WriteStartElement("name");
            w.WriteAttributeString("val", "Calibri");
            w.WriteEndElement();
            w.WriteEndElement();
        }

        static void Xf(XmlWriter w, string numberFormat, string font, bool apply)
        {
            w.WriteStartElement("xf");
            w.WriteAttributeString("numFmtId", numberFormat);
            w.WriteAttributeString("fontId", font);
            w.WriteAttributeString("fillId", "0");
            w.WriteAttributeString("borderId", "0");
            w.WriteAttributeString("xfId", "0");
            if (apply)
            {
                w.WriteAttributeString("applyNumberFormat", "1");
            }
            else if (font != "0")
            {
                w.WriteAttributeString("applyFont", "1");
            }

            w.WriteEndElement();
        }
    }
}

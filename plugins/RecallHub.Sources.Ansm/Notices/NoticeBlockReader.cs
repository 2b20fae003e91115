using System.Text;
using AngleSharp.Dom;
using RecallHub.Sources.Ansm.Products;
using RecallHub.Sources.Ansm.Text;

namespace RecallHub.Sources.Ansm.Notices;

/// <summary>Turns a notice's body elements into blocks in reading order: paragraphs and list items line by line, tables cell by cell.</summary>
internal static class NoticeBlockReader
{
    private const string BlockSelector = "p, li, h2, h3, h4, h5, h6, table, dt, dd, blockquote";

    /// <summary>The blocks of <paramref name="containers"/>.</summary>
    public static IReadOnlyList<NoticeBlock> Read(IEnumerable<IElement> containers)
    {
        var blocks = new List<NoticeBlock>();
        foreach (var container in containers)
        {
            var elements = container.QuerySelectorAll(BlockSelector).Where(e => !InsideAnotherBlock(e, container)).ToList();
            if (elements.Count == 0)
            {
                blocks.AddRange(LinesOf(container).Select(line => new TextBlock(line)));
                continue;
            }

            foreach (var element in elements)
            {
                if (element.LocalName == "table")
                {
                    blocks.Add(TableOf(element));
                }
                else
                {
                    bool item = element.LocalName == "li";
                    blocks.AddRange(LinesOf(element).Select(line => new TextBlock(line, item)));
                }
            }
        }

        return blocks;
    }

    /// <summary>The lines of an element's text: <c>br</c> and block children break lines; nested lists are left to their own blocks.</summary>
    public static IReadOnlyList<string> LinesOf(IElement element)
    {
        var text = new StringBuilder();
        Append(element, text);
        return [.. text.ToString().Split('\n').Select(FrenchText.Squeeze).Where(line => line.Length > 0)];
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement { LocalName: "ul" or "ol" or "table" or "script" or "style" }:
                    break;
                case IElement e when IsBlock(e):
                    text.Append('\n');
                    Append(e, text);
                    text.Append('\n');
                    break;
                case IElement e:
                    Append(e, text);
                    break;
            }
        }
    }

    private static bool IsBlock(IElement element) =>
        element.LocalName is "p" or "div" or "li" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "dt" or "dd" or "blockquote" or "section";

    // A paragraph inside a list item or a table is read with its item or table; nested list items stand alone.
    private static bool InsideAnotherBlock(IElement element, IElement container)
    {
        for (var parent = element.ParentElement; parent is not null && parent != container; parent = parent.ParentElement)
        {
            if (parent.LocalName is "table" or "p" || (parent.LocalName is "li" or "dt" or "dd" or "blockquote" && element.LocalName != "li" && element.LocalName != "table"))
            {
                return true;
            }
        }

        return false;
    }

    private static TableBlock TableOf(IElement table)
    {
        var rows = table.QuerySelectorAll("tr")
            .Where(tr => tr.Closest("table") == table)
            .Select(tr => (Row: tr, Cells: (IReadOnlyList<string>)[.. tr.Children.Where(c => c.LocalName is "td" or "th").Select(c => string.Join(", ", LinesOf(c)))]))
            .Where(r => r.Cells.Count > 0)
            .ToList();
        if (rows.Count == 0)
        {
            return new TableBlock([], []);
        }

        var first = rows[0];
        bool header = first.Row.Children.All(c => c.LocalName == "th")
            || first.Row.ParentElement?.LocalName == "thead"
            || first.Cells.Any(c => FrenchText.Fold(c) is "lot" or "lots" or "numero de lot" or "n° de lot");
        return header
            ? new TableBlock(first.Cells, [.. rows.Skip(1).Select(r => r.Cells)])
            : new TableBlock([], [.. rows.Select(r => r.Cells)]);
    }
}

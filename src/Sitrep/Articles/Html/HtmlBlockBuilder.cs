using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;

namespace Sitrep.Articles.Html;

/// <summary>
/// Turns a DOM subtree into <see cref="HtmlBlock"/>s the way a browser lays text out, without CSS:
/// runs of HTML white space fold to one space (non-breaking spaces stay, the normaliser maps them),
/// inline tags add nothing (<c>&lt;p&gt;Les &lt;b&gt;forces&lt;/b&gt; russes&lt;/p&gt;</c> → "Les forces russes"),
/// block elements start a new block, one <c>&lt;br&gt;</c> is a line break and two are a paragraph break,
/// <c>&lt;pre&gt;</c> keeps its lines, and a table row of plain cells is one line with tabs between cells.
/// The walk is iterative: a page nested 10,000 levels deep does not exhaust the stack.
/// </summary>
internal sealed class HtmlBlockBuilder
{
    private static readonly FrozenSet<string> BlockTags = FrozenSet.Create(StringComparer.Ordinal,
    [
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "html", "legend", "li", "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre", "search", "section",
        "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul", "xmp", "noscript", "option", "optgroup",
    ]);

    private static readonly FrozenSet<string> PreformattedTags = FrozenSet.Create(StringComparer.Ordinal, ["pre", "listing", "plaintext", "xmp"]);

    private readonly Func<IElement, bool> _skip;
    private readonly List<HtmlBlock> _blocks = [];
    private readonly List<IElement> _open = [];
    private readonly HashSet<IElement> _inlineRows = new(ReferenceEqualityComparer.Instance);
    private readonly StringBuilder _text = new();
    private IElement _root = null!;
    private int _linkChars;
    private int _timeChars;
    private int _linkDepth;
    private int _timeDepth;
    private int _preDepth;
    private bool _pendingSpace;
    private bool _pendingBreak;
    private bool _pendingCell;

    private HtmlBlockBuilder(Func<IElement, bool> skip) => _skip = skip;

    public static bool IsBlock(string tag) => BlockTags.Contains(tag);

    /// <summary>The blocks of <paramref name="root"/>, leaving out every element <paramref name="skip"/> says to (and its subtree).</summary>
    public static List<HtmlBlock> Build(IElement root, Func<IElement, bool> skip)
    {
        var builder = new HtmlBlockBuilder(skip);
        builder.Walk(root);
        return builder._blocks;
    }

    private enum Visit
    {
        Skipped,
        Entered,
    }

    /// <summary>
    /// Depth-first over an explicit stack of (node, next child index): AngleSharp's NextSibling searches the parent's
    /// child list, which makes sibling-to-sibling walks quadratic on pages with tens of thousands of paragraphs.
    /// </summary>
    private void Walk(IElement root)
    {
        _root = root;
        Enter(root);
        var stack = new List<(INode Node, int Next)> { (root, 0) };
        while (stack.Count > 0)
        {
            (INode node, int next) = stack[^1];
            INodeList children = node.ChildNodes;
            if (next >= children.Length)
            {
                stack.RemoveAt(stack.Count - 1);
                Leave((IElement)node);
                continue;
            }

            stack[^1] = (node, next + 1);
            INode child = children[next];
            if (VisitNode(child) == Visit.Entered)
            {
                if (child.HasChildNodes)
                {
                    stack.Add((child, 0));
                }
                else
                {
                    Leave((IElement)child);
                }
            }
        }
    }

    private Visit VisitNode(INode node)
    {
        if (node is IText text)
        {
            Append(text.Data);
            return Visit.Skipped;
        }

        if (node is not IElement element || _skip(element))
        {
            return Visit.Skipped;
        }

        switch (element.LocalName)
        {
            case "br":
                Break();
                return Visit.Skipped;
            case "hr":
                Flush();
                return Visit.Skipped;
            case "img" or "wbr":
                return Visit.Skipped;
        }

        Enter(element);
        return Visit.Entered;
    }

    private void Enter(IElement element)
    {
        string tag = element.LocalName;
        if (tag is "td" or "th" && element.ParentElement is IElement row && _inlineRows.Contains(row))
        {
            _pendingCell = _text.Length > 0;
        }
        else if (IsBlock(tag))
        {
            Flush();
            _open.Add(element);
            if (tag == "tr" && IsInlineRow(element))
            {
                _inlineRows.Add(element);
            }
        }

        if (tag == "a")
        {
            _linkDepth++;
        }
        else if (tag == "time")
        {
            _timeDepth++;
        }
        else if (PreformattedTags.Contains(tag))
        {
            _preDepth++;
        }
    }

    private void Leave(IElement element)
    {
        string tag = element.LocalName;
        if (tag == "a")
        {
            _linkDepth--;
        }
        else if (tag == "time")
        {
            _timeDepth--;
        }
        else if (PreformattedTags.Contains(tag))
        {
            _preDepth--;
        }

        bool inlineCell = tag is "td" or "th" && element.ParentElement is IElement row && _inlineRows.Contains(row);
        if (!inlineCell && IsBlock(tag))
        {
            Flush();
            if (_open.Count > 0 && ReferenceEquals(_open[^1], element))
            {
                _open.RemoveAt(_open.Count - 1);
            }
        }
    }

    /// <summary>A row whose cells hold only inline content is a line of a data table, not a layout.</summary>
    private bool IsInlineRow(IElement row)
    {
        int budget = 2000;
        foreach (IElement cell in row.Children)
        {
            if (cell.LocalName is not ("td" or "th"))
            {
                continue;
            }

            foreach (IElement e in HtmlTree.Descendants(cell, e => !_skip(e)))
            {
                if (--budget < 0 || (!_skip(e) && IsBlock(e.LocalName)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private void Append(string data)
    {
        if (_preDepth > 0)
        {
            foreach (char c in data)
            {
                if (c == '\r')
                {
                    continue;
                }

                _text.Append(c);
                Count(1);
            }

            return;
        }

        foreach (char c in data)
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                _pendingSpace = _text.Length > 0;
                continue;
            }

            if (_text.Length > 0)
            {
                if (_pendingBreak)
                {
                    _text.Append('\n');
                }
                else if (_pendingCell)
                {
                    _text.Append('\t');
                }
                else if (_pendingSpace)
                {
                    _text.Append(' ');
                    Count(1);
                }
            }

            _pendingBreak = _pendingCell = _pendingSpace = false;
            _text.Append(c);
            Count(1);
        }
    }

    private void Count(int characters)
    {
        if (_linkDepth > 0)
        {
            _linkChars += characters;
        }

        if (_timeDepth > 0)
        {
            _timeChars += characters;
        }
    }

    /// <summary>One &lt;br&gt; breaks the line; a second one, with only white space between, ends the paragraph.</summary>
    private void Break()
    {
        if (_preDepth > 0)
        {
            _text.Append('\n');
        }
        else if (_pendingBreak)
        {
            Flush();
        }
        else if (_text.Length > 0)
        {
            _pendingBreak = true;
            _pendingSpace = false;
        }
    }

    private void Flush()
    {
        if (_text.Length > 0)
        {
            IElement owner = _open.Count > 0 ? _open[^1] : _root;
            (HtmlBlockKind kind, int level) = KindOf(owner);
            // Non-breaking spaces inside the text stay (French « » spacing); at its edges they are only layout.
            string text = kind == HtmlBlockKind.Preformatted ? CleanPreformatted(_text.ToString()) : _text.ToString().Trim();
            if (!string.IsNullOrWhiteSpace(text))
            {
                _blocks.Add(new HtmlBlock(text, owner, kind, level, Math.Min(_linkChars, text.Length)) { TimeLength = Math.Min(_timeChars, text.Length) });
            }
        }

        _text.Clear();
        _linkChars = 0;
        _timeChars = 0;
        _pendingBreak = _pendingCell = _pendingSpace = false;
    }

    private (HtmlBlockKind Kind, int Level) KindOf(IElement owner)
    {
        if (_preDepth > 0 || PreformattedTags.Contains(owner.LocalName))
        {
            return (HtmlBlockKind.Preformatted, 0);
        }

        for (int i = _open.Count - 1; i >= 0 && i >= _open.Count - 4; i--)
        {
            string tag = _open[i].LocalName;
            if (tag.Length == 2 && tag[0] == 'h' && tag[1] is >= '1' and <= '6')
            {
                return (HtmlBlockKind.Heading, tag[1] - '0');
            }
        }

        return owner.LocalName switch
        {
            "li" or "dd" or "dt" => (HtmlBlockKind.ListItem, 0),
            "tr" => (HtmlBlockKind.TableRow, 0),
            _ => (HtmlBlockKind.Paragraph, 0),
        };
    }

    /// <summary>Preformatted text keeps its lines and indentation; blank lines at either end go, and a run of blank lines becomes one.</summary>
    private static string CleanPreformatted(string text)
    {
        string[] lines = text.Split('\n');
        var builder = new StringBuilder(text.Length);
        int blank = 0;
        foreach (string raw in lines)
        {
            string line = raw.TrimEnd();
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(blank > 0 ? "\n\n" : "\n");
            }

            builder.Append(line);
            blank = 0;
        }

        return builder.ToString();
    }
}

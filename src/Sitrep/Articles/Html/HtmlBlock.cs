using AngleSharp.Dom;

namespace Sitrep.Articles.Html;

internal enum HtmlBlockKind
{
    Paragraph,
    Heading,
    ListItem,
    Preformatted,
    TableRow,
}

/// <summary>
/// One run of text between block boundaries, as a reader sees it: a paragraph, a heading, a list item, a
/// <c>&lt;pre&gt;</c> block, a table row, or text that <c>&lt;br&gt;&lt;br&gt;</c> sets apart.
/// <see cref="Owner"/> is the innermost block element it sits in; <see cref="LinkLength"/> counts the
/// characters that were inside links.
/// </summary>
internal sealed record HtmlBlock(string Text, IElement Owner, HtmlBlockKind Kind, int HeadingLevel, int LinkLength)
{
    /// <summary>How many characters were inside &lt;time&gt; elements.</summary>
    public int TimeLength { get; init; }

    /// <summary>A date line ("Publié le 07/03/2023 06:58", "14 July 2023"): short, and mostly a &lt;time&gt; element.</summary>
    public bool IsDateLine => TimeLength > 0 && Text.Length < 100 && TimeLength * 2 >= Text.Length;

    public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkLength / Text.Length;

    public bool IsHeading => Kind == HtmlBlockKind.Heading;

    /// <summary>
    /// Reads like running text: long enough, mostly not links, and either ends a sentence or is long.
    /// A standfirst without a final full stop is still prose; "Accueil › Monde" is not.
    /// </summary>
    public bool IsProse
    {
        get
        {
            if (IsHeading || Text.Length < 80 || LinkDensity >= 0.25)
            {
                return false;
            }

            char last = Text[^1];
            return Text.Length >= 120 || last is '.' or '!' or '?' or '…' or '»' or '"' or '\u201D' or ')' or ':';
        }
    }
}

using System.Xml.Linq;

namespace Sitrep.Articles.Feeds;

/// <summary>One feed an OPML list names: its address (absolute, or a path relative to the list's folder when the list is a local file) and its title.</summary>
public sealed record FeedLocation(string Address, string? Title);

/// <summary>
/// Reads an OPML subscription list: every <c>&lt;outline&gt;</c> with an <c>xmlUrl</c>, however deeply the outlines
/// are nested (folders of feeds), in document order and each address once. Relative addresses are resolved against
/// <c>xml:base</c> or the list's own address when it was fetched; from a local file they stay relative to its folder.
/// Safe in the same ways as feeds (<see cref="FeedXml"/>).
/// </summary>
public static class OpmlReader
{
    /// <summary>Whether <paramref name="text"/> is an OPML document (its root element is &lt;opml&gt;).</summary>
    public static bool IsOpml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FeedXml.RootKind(text) == FeedKind.Opml;
    }

    /// <summary>The feeds the list in <paramref name="bytes"/> names, decoded as its XML declaration says (see <see cref="TextDecoder"/>).</summary>
    public static IReadOnlyList<FeedLocation> Read(byte[] bytes, Uri? location = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return bytes.Length == 0
            ? throw new ArticleReadException("the file is empty (0 bytes)")
            : Read(TextDecoder.Decode(bytes, FeedXml.DeclaredEncoding(bytes)).Text, location);
    }

    /// <summary>The feeds the list names; an <see cref="ArticleReadException"/> when it is not an OPML list or names none.</summary>
    public static IReadOnlyList<FeedLocation> Read(string xml, Uri? location = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        XElement root = FeedXml.Load(xml).Root!;
        if (root.Name.LocalName != "opml")
        {
            throw new ArticleReadException($"the XML root element is <{root.Name.LocalName}>, not an OPML list (<opml>)");
        }

        var feeds = new List<FeedLocation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (XElement outline in root.Descendants().Where(e => e.Name.LocalName == "outline"))
        {
            // xmlUrl as the OPML 2.0 spec writes it; some exporters lower-case attribute names.
            string? value = outline.Attributes().FirstOrDefault(a => string.Equals(a.Name.LocalName, "xmlUrl", StringComparison.OrdinalIgnoreCase))?.Value.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            Uri? baseUri = FeedXml.BaseOf(outline, location);
            string address = FeedXml.Resolve(value, baseUri)?.AbsoluteUri ?? value;
            if (seen.Add(address))
            {
                string? title = outline.Attribute("title")?.Value ?? outline.Attribute("text")?.Value;
                feeds.Add(new FeedLocation(address, string.IsNullOrWhiteSpace(title) ? null : title.Trim()));
            }
        }

        return feeds.Count > 0 ? feeds : throw new ArticleReadException("the OPML list names no feed (no <outline> with an xmlUrl)");
    }
}

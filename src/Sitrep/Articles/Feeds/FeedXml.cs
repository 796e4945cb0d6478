using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Sitrep.Articles.Feeds;

/// <summary>What the root element of an XML document says it is.</summary>
public enum FeedKind
{
    /// <summary>Not XML, or XML that is neither a feed nor an OPML list.</summary>
    None,

    /// <summary>RSS 0.9x or 2.0: <c>&lt;rss&gt;&lt;channel&gt;&lt;item&gt;</c>.</summary>
    Rss,

    /// <summary>RSS 1.0: <c>&lt;rdf:RDF&gt;</c> with <c>&lt;channel&gt;</c> and <c>&lt;item&gt;</c> side by side.</summary>
    Rdf,

    /// <summary>Atom 1.0 (and 0.3): <c>&lt;feed&gt;&lt;entry&gt;</c>.</summary>
    Atom,

    /// <summary>An OPML subscription list: <c>&lt;opml&gt;&lt;body&gt;&lt;outline xmlUrl="…"&gt;</c>.</summary>
    Opml,
}

/// <summary>
/// Reads feed and OPML XML safely: no DTD is processed and nothing external is resolved, so a document cannot
/// read local files or other URLs (XXE) nor expand entities without bound (billion laughs). A document that
/// declares a DTD is refused with a reason.
/// </summary>
internal static partial class FeedXml
{
    public static readonly XNamespace XmlNs = XNamespace.Xml;

    private static readonly XmlReaderSettings Safe = Settings(DtdProcessing.Prohibit);

    /// <summary>For telling the kind only: a DOCTYPE is skipped (not processed), so that the parse proper can refuse it with a reason.</summary>
    private static readonly XmlReaderSettings Sniffing = Settings(DtdProcessing.Ignore);

    /// <summary>The kind of document <paramref name="text"/> is, from its root element alone; <see cref="FeedKind.None"/> when it is not XML.</summary>
    public static FeedKind RootKind(string text)
    {
        ReadOnlySpan<char> head = text.AsSpan().TrimStart().TrimStart('\uFEFF').TrimStart();
        if (!head.StartsWith('<'))
        {
            return FeedKind.None;
        }

        try
        {
            using var reader = XmlReader.Create(new StringReader(head.ToString()), Sniffing);
            return reader.MoveToContent() == XmlNodeType.Element ? KindOf(reader.LocalName, reader.NamespaceURI) : FeedKind.None;
        }
        catch (XmlException)
        {
            return FeedKind.None;
        }
    }

    public static FeedKind KindOf(string localName, string namespaceUri) => localName switch
    {
        "rss" => FeedKind.Rss,
        "RDF" when namespaceUri == "http://www.w3.org/1999/02/22-rdf-syntax-ns#" => FeedKind.Rdf,
        "feed" => FeedKind.Atom,
        "opml" => FeedKind.Opml,
        _ => FeedKind.None,
    };

    /// <summary>The document, or an <see cref="ArticleReadException"/> saying why it cannot be read.</summary>
    public static XDocument Load(string text)
    {
        // White space or a BOM before the XML declaration is a common feed bug, and harmless.
        string trimmed = text.TrimStart().TrimStart('\uFEFF').TrimStart();
        try
        {
            using var reader = XmlReader.Create(new StringReader(trimmed), Safe);
            return XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e) when (LooksLikeHtml(trimmed))
        {
            throw new ArticleReadException("an HTML page, not a feed: give the address of the site's RSS or Atom feed", e);
        }
        catch (XmlException e) when (HasDoctype(trimmed))
        {
            throw new ArticleReadException("the document declares a DTD (<!DOCTYPE …>), which is refused: its entities could read local files or expand without bound (XXE, billion laughs)", e);
        }
        catch (XmlException e)
        {
            throw new ArticleReadException($"not well-formed XML: {e.Message}", e);
        }
    }

    /// <summary>The encoding an XML declaration names (<c>&lt;?xml version="1.0" encoding="ISO-8859-1"?&gt;</c>), read from the first bytes.</summary>
    public static string? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> head = bytes[..Math.Min(bytes.Length, 256)];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        Match match = EncodingDeclaration().Match(Encoding.Latin1.GetString(head));
        return match.Success ? match.Groups["name"].Value : null;
    }

    /// <summary>
    /// The base URI of <paramref name="element"/>: <paramref name="location"/> (where the document came from), then
    /// each <c>xml:base</c> from the root down, each resolved against the one above. Null when none is absolute.
    /// </summary>
    public static Uri? BaseOf(XElement element, Uri? location)
    {
        Uri? result = location;
        foreach (XElement e in element.AncestorsAndSelf().Reverse())
        {
            if (e.Attribute(XmlNs + "base")?.Value.Trim() is { Length: > 0 } value)
            {
                result = Resolve(value, result) ?? result;
            }
        }

        return result;
    }

    /// <summary>An absolute http(s) address for <paramref name="reference"/>, resolved against <paramref name="baseUri"/> when it is relative; null when it cannot be.</summary>
    public static Uri? Resolve(string reference, Uri? baseUri)
    {
        string value = reference.Trim();
        if (value.Length == 0)
        {
            return null;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out Uri? absolute) && !IsRootedPathOnUnix(value))
        {
            return absolute.Scheme is "http" or "https" ? absolute : null;
        }

        return baseUri is not null && Uri.TryCreate(baseUri, value, out Uri? resolved) && resolved.Scheme is "http" or "https" ? resolved : null;
    }

    /// <summary>The language <c>xml:lang</c> declares for <paramref name="element"/>, inherited from its ancestors.</summary>
    public static string? XmlLang(XElement element)
    {
        foreach (XElement e in element.AncestorsAndSelf())
        {
            if (e.Attribute(XmlNs + "lang") is XAttribute lang)
            {
                return lang.Value;
            }
        }

        return null;
    }

    private static XmlReaderSettings Settings(DtdProcessing dtd) => new()
    {
        DtdProcessing = dtd,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreProcessingInstructions = true,
        IgnoreComments = true,
        CloseInput = true,
    };

    // On Unix "/news/1" parses as an absolute file: URI; in a feed it is a path on the feed's site.
    private static bool IsRootedPathOnUnix(string value) => value.StartsWith('/');

    private static bool HasDoctype(string text) =>
        text.AsSpan(0, Math.Min(text.Length, 8192)).Contains("<!DOCTYPE", StringComparison.Ordinal);

    private static bool LooksLikeHtml(string text)
    {
        ReadOnlySpan<char> head = text.AsSpan(0, Math.Min(text.Length, 1024));
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*?\bencoding\s*=\s*[""'](?<name>[A-Za-z0-9._:\-]{1,40})[""']", RegexOptions.CultureInvariant)]
    private static partial Regex EncodingDeclaration();
}

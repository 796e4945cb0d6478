using AngleSharp.Dom;
using Sitrep.Documents;

namespace Sitrep.Articles.Html;

/// <summary>What a page says about itself, before its text is read.</summary>
internal sealed record HtmlMetadata(string? Title, string? Url, string? Source, string? Language, PublicationDate? Published, IReadOnlyList<string> Warnings);

/// <summary>
/// Reads title, canonical URL, site name, language and publication date from a page's meta tags, its
/// schema.org JSON-LD and its markup, each from the most reliable place first:
/// <list type="bullet">
/// <item>title: og:title, twitter:title, JSON-LD headline, &lt;title&gt;, then the first &lt;h1&gt;; a site-name
/// prefix or suffix ("… - Le Monde", "… | The Guardian") goes when it matches the site's name;</item>
/// <item>published: article:published_time, JSON-LD datePublished (also in @graph), itemprop=datePublished,
/// the date/pubdate/dc.date family of meta names; then (see <see cref="TimeNear"/>) a &lt;time datetime&gt;
/// nearest the article text;</item>
/// <item>url: link rel=canonical, og:url, JSON-LD url; source: og:site_name, JSON-LD publisher.name, application-name;</item>
/// <item>language: &lt;html lang&gt;, og:locale ("fr_FR" → "fr"), http-equiv content-language, JSON-LD inLanguage.</item>
/// </list>
/// </summary>
internal static class HtmlMetadataReader
{
    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " · ", " • ", " :: ", " » ", " / "];

    private static readonly string[] PublishedMetaFirst =
        ["article:published_time", "og:article:published_time", "article:published", "published_time", "og:published_time"];

    private static readonly string[] PublishedMetaLast =
    [
        "pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "publication-date", "date", "dc.date",
        "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued", "dcterms.created", "sailthru.date",
        "parsely-pub-date", "article.published", "datecreated",
    ];

    public static HtmlMetadata Read(IDocument page)
    {
        Dictionary<string, string> meta = MetaTags(page);
        var jsonLd = HtmlJsonLd.Read(page);
        var warnings = new List<string>();

        string?[] siteNames = [Get(meta, "og:site_name"), jsonLd.PublisherName, Get(meta, "application-name")];
        string? source = siteNames[0] ?? siteNames[1] ?? siteNames[2] ?? Get(meta, "publisher") ?? Get(meta, "dc.publisher");

        string? title = null;
        foreach (string? candidate in (ReadOnlySpan<string?>)[Get(meta, "og:title"), Get(meta, "twitter:title"), jsonLd.Headline])
        {
            if (WithoutSiteName(candidate, siteNames) is string clean)
            {
                title = clean;
                break;
            }
        }

        title ??= FromTitleElement(page, siteNames);

        return new HtmlMetadata(title, Url(page, meta, jsonLd), source, Language(page, meta, jsonLd), Published(page, meta, jsonLd, warnings), warnings);
    }

    /// <summary>
    /// A &lt;time datetime&gt; for a page whose metadata gives no date: the one closest to the article text, so that
    /// the site header's "today" loses to the article's own date line. Closest means sharing the deepest ancestor
    /// with the first container of the text; document order breaks ties.
    /// </summary>
    public static PublicationDate? TimeNear(IElement body, IReadOnlyList<IElement> containers)
    {
        var depthOf = new Dictionary<IElement, int>(ReferenceEqualityComparer.Instance);
        if (containers.Count > 0)
        {
            int depth = 0;
            for (IElement? e = containers[0]; e is not null; e = e.ParentElement)
            {
                depthOf[e] = depth--;
            }
        }

        PublicationDate? best = null;
        int bestCloseness = int.MinValue;
        foreach (IElement time in body.QuerySelectorAll("time[datetime]"))
        {
            if (!PublicationDate.TryParse(time.GetAttribute("datetime"), out PublicationDate date))
            {
                continue;
            }

            if (time.HasAttribute("pubdate"))
            {
                return date;
            }

            int closeness = int.MinValue + 1;
            for (IElement? e = time.ParentElement; e is not null; e = e.ParentElement)
            {
                if (depthOf.TryGetValue(e, out int d))
                {
                    closeness = d;
                    break;
                }
            }

            if (closeness > bestCloseness)
            {
                best = date;
                bestCloseness = closeness;
            }
        }

        return best;
    }

    private static Dictionary<string, string> MetaTags(IDocument page)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (IElement element in page.QuerySelectorAll("meta"))
        {
            string? key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop") ?? element.GetAttribute("http-equiv");
            if (key is not null && HtmlText.Clean(element.GetAttribute("content")) is string content)
            {
                meta.TryAdd(key.Trim(), content);
            }
        }

        return meta;
    }

    private static string? Get(Dictionary<string, string> meta, string key) => meta.GetValueOrDefault(key);

    /// <summary>
    /// The &lt;title&gt; without its site name; when it still wraps the page's headline in a rubric or a section
    /// ("Actualités - Travaux de la rue des Tanneurs …"), the &lt;h1&gt; that it contains.
    /// </summary>
    private static string? FromTitleElement(IDocument page, ReadOnlySpan<string?> siteNames)
    {
        if (WithoutSiteName(page.Title, siteNames) is not string title)
        {
            return null;
        }

        foreach (IElement h1 in page.QuerySelectorAll("h1").Take(3))
        {
            if (HtmlText.Clean(h1.TextContent) is string heading && heading.Length >= 20 && heading.Length < title.Length
                && title.Contains(heading, StringComparison.OrdinalIgnoreCase))
            {
                return heading;
            }
        }

        return title;
    }

    /// <summary>The title without a leading or trailing site name; null when the title is only the site name.</summary>
    internal static string? WithoutSiteName(string? title, ReadOnlySpan<string?> siteNames)
    {
        if (HtmlText.Clean(title) is not string t)
        {
            return null;
        }

        foreach (string? site in siteNames)
        {
            if (site is null)
            {
                continue;
            }

            if (string.Equals(t, site, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            foreach (string separator in TitleSeparators)
            {
                if (t.EndsWith(separator + site, StringComparison.OrdinalIgnoreCase))
                {
                    return t[..^(separator.Length + site.Length)].TrimEnd();
                }

                if (t.StartsWith(site + separator, StringComparison.OrdinalIgnoreCase))
                {
                    return t[(site.Length + separator.Length)..].TrimStart();
                }
            }
        }

        return t;
    }

    private static string? Url(IDocument page, Dictionary<string, string> meta, HtmlJsonLd jsonLd)
    {
        string? canonical = HtmlText.Clean(page.QuerySelector("link[rel~=canonical i]")?.GetAttribute("href"));
        string? baseUrl = null;
        foreach (string? candidate in (ReadOnlySpan<string?>)[canonical, Get(meta, "og:url"), jsonLd.Url])
        {
            if (IsWebUrl(candidate))
            {
                baseUrl = candidate;
                break;
            }
        }

        if (canonical is null || IsWebUrl(canonical) || baseUrl is null || canonical.StartsWith('#'))
        {
            return baseUrl;
        }

        // A relative canonical link ("/monde/article.html"), resolved against og:url or the JSON-LD url.
        return Uri.TryCreate(new Uri(baseUrl), canonical, out Uri? resolved) && resolved.Scheme is "http" or "https" ? resolved.AbsoluteUri : baseUrl;
    }

    private static bool IsWebUrl(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https";

    private static string? Language(IDocument page, Dictionary<string, string> meta, HtmlJsonLd jsonLd)
    {
        string? contentLanguage = Get(meta, "content-language") ?? Get(meta, "language") ?? Get(meta, "dc.language");
        if (contentLanguage is not null)
        {
            int comma = contentLanguage.IndexOf(',', StringComparison.Ordinal);
            contentLanguage = comma < 0 ? contentLanguage : contentLanguage[..comma];
        }

        foreach (string? candidate in (ReadOnlySpan<string?>)[page.DocumentElement?.GetAttribute("lang"), page.DocumentElement?.GetAttribute("xml:lang"), Get(meta, "og:locale"), contentLanguage, jsonLd.Language])
        {
            if (LanguageCodes.Normalize(candidate) is string code)
            {
                return code;
            }
        }

        return null;
    }

    private static PublicationDate? Published(IDocument page, Dictionary<string, string> meta, HtmlJsonLd jsonLd, List<string> warnings)
    {
        var candidates = new List<(string Where, string? Value)>();
        foreach (string name in PublishedMetaFirst)
        {
            candidates.Add(($"meta {name}", Get(meta, name)));
        }

        candidates.Add(("JSON-LD datePublished", jsonLd.DatePublished));
        foreach (IElement element in page.QuerySelectorAll("[itemprop~=datePublished]"))
        {
            candidates.Add(("itemprop datePublished", element.GetAttribute("content") ?? element.GetAttribute("datetime") ?? HtmlText.Clean(element.TextContent)));
        }

        foreach (string name in PublishedMetaLast)
        {
            candidates.Add(($"meta {name}", Get(meta, name)));
        }

        string? invalid = null;
        foreach ((string where, string? value) in candidates)
        {
            if (value is null)
            {
                continue;
            }

            if (PublicationDate.TryParse(value, out PublicationDate date))
            {
                return date;
            }

            invalid ??= $"the page's publication date is not a date: '{Shorten(value)}' ({where}), ignored";
        }

        if (invalid is not null)
        {
            warnings.Add(invalid);
        }

        return null;
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";
}

using System.Net;
using System.Text.Json;
using AngleSharp.Dom;

namespace Sitrep.Articles.Html;

/// <summary>
/// The schema.org JSON-LD blocks of a page (<c>&lt;script type="application/ld+json"&gt;</c>): every top-level node,
/// every node of an <c>@graph</c> or a top-level array, and <c>mainEntity</c> objects; <c>{"@id": …}</c> references
/// are resolved against the nodes that carry that <c>@id</c>. A block that is not valid JSON is skipped.
/// </summary>
internal sealed class HtmlJsonLd
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    private readonly List<JsonElement> _nodes = [];
    private readonly Dictionary<string, JsonElement> _byId = new(StringComparer.Ordinal);

    public static HtmlJsonLd Read(IDocument page)
    {
        var jsonLd = new HtmlJsonLd();
        foreach (IElement script in page.QuerySelectorAll("script[type]"))
        {
            string? type = script.GetAttribute("type");
            if (type is not null && type.Trim().StartsWith("application/ld+json", StringComparison.OrdinalIgnoreCase))
            {
                jsonLd.Add(script.TextContent);
            }
        }

        return jsonLd;
    }

    private void Add(string text)
    {
        ReadOnlySpan<char> json = text.AsSpan().Trim();
        // Some CMSs wrap the block in an HTML comment or a CDATA section.
        foreach (string prefix in (ReadOnlySpan<string>)["<!--", "//<![CDATA[", "<![CDATA["])
        {
            if (json.StartsWith(prefix, StringComparison.Ordinal))
            {
                json = json[prefix.Length..];
            }
        }

        foreach (string suffix in (ReadOnlySpan<string>)["-->", "//]]>", "]]>"])
        {
            if (json.TrimEnd().EndsWith(suffix, StringComparison.Ordinal))
            {
                json = json.TrimEnd()[..^suffix.Length];
            }
        }

        if (json.IsEmpty || json.Length > 2_000_000)
        {
            return;
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json.ToString(), Options);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return;
        }

        var pending = new Stack<(JsonElement Element, int Depth)>();
        pending.Push((root, 0));
        while (pending.Count > 0)
        {
            (JsonElement element, int depth) = pending.Pop();
            if (depth > 8)
            {
                continue;
            }

            if (element.ValueKind == JsonValueKind.Array)
            {
                // Pushed in reverse so that nodes keep their order in the page.
                JsonElement[] items = [.. element.EnumerateArray()];
                for (int i = items.Length - 1; i >= 0; i--)
                {
                    pending.Push((items[i], depth + 1));
                }

                continue;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            _nodes.Add(element);
            if (String(element, "@id") is string id)
            {
                _byId.TryAdd(id, element);
            }

            foreach (string nested in (ReadOnlySpan<string>)["mainEntity", "@graph"])
            {
                if (element.TryGetProperty(nested, out JsonElement child))
                {
                    pending.Push((child, depth + 1));
                }
            }
        }
    }

    /// <summary>The node that describes the article itself: NewsArticle, Article, BlogPosting, ReportageNewsArticle …</summary>
    public JsonElement? Article
    {
        get
        {
            foreach (JsonElement node in _nodes)
            {
                if (Types(node).Any(IsArticleType))
                {
                    return node;
                }
            }

            return null;
        }
    }

    public string? Headline => FromArticle(a => String(a, "headline") ?? String(a, "name"), n => String(n, "headline"));

    public string? DatePublished => FromArticle(a => String(a, "datePublished") ?? String(a, "dateCreated"), n => String(n, "datePublished"));

    public string? Language => FromArticle(a => LanguageOf(a), LanguageOf);

    public string? Url => FromArticle(a => String(a, "url") ?? ReferenceOrString(a, "mainEntityOfPage"), _ => null);

    /// <summary>The publisher's name: the article's publisher, any node's publisher, or a news-media organisation.</summary>
    public string? PublisherName
    {
        get
        {
            string? name = FromArticle(a => NameOf(a, "publisher") ?? NameOf(a, "sourceOrganization"), n => NameOf(n, "publisher"));
            if (name is not null)
            {
                return name;
            }

            foreach (JsonElement node in _nodes)
            {
                if (Types(node).Any(t => t.Equals("NewsMediaOrganization", StringComparison.OrdinalIgnoreCase)))
                {
                    return String(node, "name");
                }
            }

            return null;
        }
    }

    private string? FromArticle(Func<JsonElement, string?> fromArticle, Func<JsonElement, string?> fromAnyNode)
    {
        if (Article is JsonElement article && fromArticle(article) is string value)
        {
            return value;
        }

        foreach (JsonElement node in _nodes)
        {
            if (fromAnyNode(node) is string any)
            {
                return any;
            }
        }

        return null;
    }

    private static bool IsArticleType(string type) =>
        type.EndsWith("Article", StringComparison.Ordinal) || type.EndsWith("Posting", StringComparison.Ordinal) || type == "Report";

    private static IEnumerable<string> Types(JsonElement node)
    {
        if (!node.TryGetProperty("@type", out JsonElement type))
        {
            yield break;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            yield return type.GetString()!;
        }
        else if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in type.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    yield return item.GetString()!;
                }
            }
        }
    }

    /// <summary>A text value: a string, the first string of an array, or a <c>{"@value": …}</c> object; entities decoded.</summary>
    private static string? String(JsonElement node, string property)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(property, out JsonElement value))
        {
            return null;
        }

        return StringOf(value);
    }

    private static string? StringOf(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return HtmlText.Clean(WebUtility.HtmlDecode(value.GetString()));
            case JsonValueKind.Array:
                foreach (JsonElement item in value.EnumerateArray())
                {
                    if (StringOf(item) is string s)
                    {
                        return s;
                    }
                }

                return null;
            case JsonValueKind.Object when value.TryGetProperty("@value", out JsonElement inner):
                return StringOf(inner);
            default:
                return null;
        }
    }

    private static string? ReferenceOrString(JsonElement node, string property)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(property, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? String(value, "@id") ?? String(value, "url") : StringOf(value);
    }

    private static string? LanguageOf(JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("inLanguage", out JsonElement value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? String(value, "alternateName") ?? String(value, "name") : StringOf(value);
    }

    /// <summary>The name of an organisation property: a string, an object with a name, or a reference to a node with one.</summary>
    private string? NameOf(JsonElement node, string property)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(property, out JsonElement value))
        {
            return null;
        }

        IEnumerable<JsonElement> candidates = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [value];
        foreach (JsonElement candidate in candidates)
        {
            switch (candidate.ValueKind)
            {
                case JsonValueKind.String:
                    return HtmlText.Clean(WebUtility.HtmlDecode(candidate.GetString()));
                case JsonValueKind.Object:
                    if (String(candidate, "name") is string name)
                    {
                        return name;
                    }

                    if (String(candidate, "@id") is string id && _byId.TryGetValue(id, out JsonElement referenced) && String(referenced, "name") is string referencedName)
                    {
                        return referencedName;
                    }

                    break;
            }
        }

        return null;
    }
}

using System.Collections.Frozen;
using AngleSharp.Dom;

namespace Sitrep.Articles.Html;

/// <summary>What an element's class, id and test attributes say about it: story text, page furniture, or neither.</summary>
internal readonly record struct HtmlClassVerdict(bool Positive, bool Negative, bool Boilerplate, bool AlwaysJunk)
{
    /// <summary>Readability's weight: +25 for story-like names, -25 for furniture-like names (both cancel).</summary>
    public int Weight => (Positive ? 25 : 0) - (Negative ? 25 : 0);
}

/// <summary>
/// Reads class names the way news sites write them. Names are cut into words at hyphens, underscores and
/// case changes ("storyBody" → story, body); adjacent words are also read joined ("lire-aussi" → lireaussi).
/// BEM names count every part for furniture ("share__link" is a share bar) but only their last part
/// protects: "article__credit" is a credit line although it starts with "article", while
/// "article__paragraph--related" stays a paragraph. CSS-module hashes ("text__text__1FZLe") are ignored.
/// </summary>
internal static class HtmlClassNames
{
    /// <summary>Words that mark furniture wherever they appear as a whole word.</summary>
    private static readonly FrozenSet<string> FurnitureWords = FrozenSet.Create(StringComparer.Ordinal,
    [
        "ad", "ads", "adv", "adslot", "adunit", "dfp", "pub", "publicite", "nav", "navbar", "navigation", "menu", "menubar",
        "tag", "tags", "topics", "keywords", "meta", "submeta", "label", "labels", "kicker", "surtitre", "overline", "eyebrow",
        "credit", "credits", "caption", "legend", "legende", "author", "authors", "auteur", "byline", "signature", "bio",
        "footer", "pied", "print", "rss", "tool", "tools", "toolbar", "popup", "modal", "overlay", "banner", "bandeau",
        "ariane", "partage", "discussion", "reactions", "alert", "login", "account", "search", "recherche", "pagination",
        "pager", "onward", "trust", "badge", "masthead", "skip", "date", "dates", "timestamp", "copyright",
    ]);

    /// <summary>Distinctive roots that mark furniture even inside a longer word ("sharedaddy", "commentlist").</summary>
    private static readonly string[] FurnitureRoots =
    [
        "share", "social", "comment", "cookie", "consent", "gdpr", "newsletter", "sidebar", "related", "promo", "advert",
        "breadcrumb", "taboola", "outbrain", "sponsor", "subscri", "abonne", "widget", "disqus", "paywall", "recommend",
        "trending", "mostread", "mostviewed", "mostpopular", "pluslus", "lireaussi", "alire", "readmore", "readnext",
        "readalso", "seealso", "voiraussi", "alsoread", "signup", "inscription", "facebook", "twitter", "tweet",
        "instagram", "tiktok", "whatsapp", "linkedin", "pinterest", "youtube",
    ];

    /// <summary>Words that mark furniture for scoring only: an article's own header is fine to keep.</summary>
    private static readonly FrozenSet<string> WeakFurnitureWords = FrozenSet.Create(StringComparer.Ordinal,
    [
        "header", "media", "contact", "scroll", "shopping", "footnote", "hidden", "sponsored", "extra", "aside", "teaser",
    ]);

    /// <summary>Story words (Readability's positive list, plus French class names).</summary>
    private static readonly FrozenSet<string> StoryWords = FrozenSet.Create(StringComparer.Ordinal,
    [
        "article", "articlebody", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story",
        "storybody", "prose", "paragraph", "corps", "contenu", "texte", "chapo", "chapeau", "standfirst", "lede",
    ]);

    /// <summary>Story words strong enough to keep an element whose name also says furniture ("d-comment__body" stays).</summary>
    private static readonly FrozenSet<string> ProtectingWords = FrozenSet.Create(StringComparer.Ordinal,
    [
        "articlebody", "storybody", "body", "content", "text", "paragraph", "prose", "corps", "contenu", "texte",
        "chapo", "chapeau", "standfirst", "lede",
    ]);

    /// <summary>Never text: consent dialogs, screen-reader labels, embedded posts from social networks.</summary>
    private static readonly string[] JunkRoots = ["cookie", "consent", "gdpr", "didomi", "onetrust", "sronly", "visuallyhidden", "screenreader", "offscreen", "twittertweet", "instagrammedia", "tiktokembed"];

    public static HtmlClassVerdict Classify(IElement element)
    {
        var reading = new Reading();
        foreach (string name in element.ClassList)
        {
            reading.Add(name);
        }

        // A custom element's name is a class name too: <amp-ad>, <gu-share-button>, <bsp-related-links>.
        if (element.LocalName.Contains('-', StringComparison.Ordinal))
        {
            reading.Add(element.LocalName);
        }

        foreach (string attribute in (ReadOnlySpan<string>)["id", "data-component", "data-testid", "data-module"])
        {
            if (element.GetAttribute(attribute) is string value && value.Length is > 0 and < 100)
            {
                reading.Add(value);
            }
        }

        return reading.Verdict;
    }

    /// <summary>What the names of one element say, added up name by name.</summary>
    private struct Reading
    {
        private bool _positive;
        private bool _negative;
        private bool _boilerplate;
        private bool _protected;
        private bool _junk;

        public readonly HtmlClassVerdict Verdict => new(_positive, _negative, _boilerplate && !_protected, _junk);

        public void Add(string name)
        {
            if (name.Length > 100)
            {
                return;
            }

            List<string> words = Words(name, out int lastPartStart);
            for (int i = 0; i < words.Count; i++)
            {
                string word = words[i];
                string? joined = i + 1 < words.Count ? word + words[i + 1] : null;
                if (IsFurniture(word) || (joined is not null && IsFurnitureRoot(joined)))
                {
                    _negative = true;
                    _boilerplate = true;
                }
                else if (WeakFurnitureWords.Contains(word))
                {
                    _negative = true;
                }

                _positive |= StoryWords.Contains(word) || (joined is not null && StoryWords.Contains(joined));
                _protected |= i >= lastPartStart && (ProtectingWords.Contains(word) || (joined is not null && ProtectingWords.Contains(joined)));
                _junk |= IsJunk(word) || (joined is not null && IsJunk(joined));
            }
        }
    }

    private static bool IsFurniture(string word) => FurnitureWords.Contains(word) || IsFurnitureRoot(word);

    private static bool IsFurnitureRoot(string word)
    {
        foreach (string root in FurnitureRoots)
        {
            if (word.Contains(root, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsJunk(string word)
    {
        foreach (string root in JunkRoots)
        {
            if (word.Contains(root, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The lower-case words of a name, and the index of the first word of its last BEM part
    /// ("article__paragraph--related" → article | paragraph related, last part from 1).
    /// </summary>
    internal static List<string> Words(string name, out int lastPartStart)
    {
        var words = new List<string>(4);
        lastPartStart = 0;
        int partStart = 0;
        while (partStart < name.Length)
        {
            int separator = name.IndexOf("__", partStart, StringComparison.Ordinal);
            int partEnd = separator < 0 ? name.Length : separator;
            ReadOnlySpan<char> part = name.AsSpan(partStart, partEnd - partStart);
            if (!IsHash(part))
            {
                int before = words.Count;
                SplitWords(part, words);
                if (words.Count > before)
                {
                    lastPartStart = before;
                }
            }

            partStart = separator < 0 ? name.Length : separator + 2;
        }

        return words;
    }

    /// <summary>A CSS-module or styled-components hash: short, with a digit ("1FZLe", "dcr-1aul2ye" parts).</summary>
    private static bool IsHash(ReadOnlySpan<char> part) => part.Length <= 8 && part.ContainsAnyInRange('0', '9');

    private static void SplitWords(ReadOnlySpan<char> part, List<string> words)
    {
        int start = -1;
        for (int i = 0; i <= part.Length; i++)
        {
            bool boundary = i == part.Length || !char.IsAsciiLetter(part[i])
                || (i > 0 && char.IsAsciiLetterUpper(part[i]) && char.IsAsciiLetterLower(part[i - 1]));
            if (boundary && start >= 0)
            {
                words.Add(part[start..i].ToString().ToLowerInvariant());
                start = -1;
            }

            if (i < part.Length && char.IsAsciiLetter(part[i]) && start < 0)
            {
                start = i;
            }
        }
    }
}

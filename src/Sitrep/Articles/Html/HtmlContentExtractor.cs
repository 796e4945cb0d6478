using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;

namespace Sitrep.Articles.Html;

/// <summary>The main text of a page, the elements it came from, and whether the filters had to be relaxed to find it.</summary>
internal sealed record HtmlContent(string Text, IReadOnlyList<IElement> Containers, bool Relaxed)
{
    /// <summary>How many characters of <see cref="Text"/> come from elements the strict attempt removed by their names.</summary>
    public int FurnitureLength { get; init; }
}

/// <summary>
/// Finds the story in a news page, after Mozilla's Readability: each paragraph scores
/// 1 + its commas + one point per 100 characters (at most 3), the score goes to the element holding the paragraph,
/// half of it to the next one up, less to the three above; class names and ids add or take 25 points
/// (<see cref="HtmlClassNames"/>); each candidate's score is then scaled by the share of its text that is not
/// links. The best candidate and those of its siblings that score well or hold prose are the article; inside
/// them, link-heavy lists and blocks (share bars, "Lire aussi", "READ MORE", tag lists), captions, bylines and
/// copyright lines are dropped, and so is the headline (the title carries it) with the short lines above it
/// (kicker, breadcrumb). Tried first with every filter, then with fewer, as Readability does, when the text found
/// is short. Nothing here mutates the DOM, so every attempt reads the same page.
/// </summary>
internal sealed class HtmlContentExtractor
{
    /// <summary>Text long enough to stop relaxing the filters (Readability's default).</summary>
    private const int CharThreshold = 500;

    private static readonly FrozenSet<string> JunkTags = FrozenSet.Create(StringComparer.Ordinal,
    [
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "svg", "math", "canvas", "object", "embed",
        "applet", "audio", "video", "source", "track", "picture", "map", "button", "input", "select", "textarea", "option",
        "datalist", "dialog", "head", "link", "meta", "title", "base", "figcaption", "img", "label", "output", "progress", "meter",
    ]);

    /// <summary>Page furniture by tag, unless it holds the story (a page wrapped in &lt;aside&gt; still has an article).</summary>
    private static readonly FrozenSet<string> FurnitureTags = FrozenSet.Create(StringComparer.Ordinal, ["nav", "aside", "footer", "menu"]);

    private static readonly FrozenSet<string> FurnitureRoles = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "dialog", "alertdialog", "search", "toolbar",
        "tablist", "tooltip", "alert",
    ]);

    private static readonly FrozenSet<string> ConditionallyCleaned = FrozenSet.Create(StringComparer.Ordinal,
    [
        "div", "section", "ul", "ol", "dl", "table", "form", "fieldset", "figure", "header", "blockquote",
    ]);

    [Flags]
    private enum Filters
    {
        None = 0,
        StripUnlikely = 1,
        WeightClasses = 2,
        CleanConditionally = 4,
        All = StripUnlikely | WeightClasses | CleanConditionally,
    }

    private static readonly Filters[] Attempts = [Filters.All, Filters.WeightClasses | Filters.CleanConditionally, Filters.CleanConditionally, Filters.None];

    private readonly IElement _body;
    private readonly string? _title;
    private readonly Dictionary<IElement, HtmlClassVerdict> _verdicts = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<IElement> _keep = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<IElement> _junk = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<IElement> _junkAndUnlikely = new(ReferenceEqualityComparer.Instance);

    private HtmlContentExtractor(IElement body, string? title)
    {
        _body = body;
        _title = title;
    }

    /// <summary>The story text of <paramref name="body"/> (paragraphs separated by a blank line); empty when none is found.</summary>
    public static HtmlContent Extract(IElement body, string? title)
    {
        var extractor = new HtmlContentExtractor(body, title);
        extractor.MarkRemovals();
        HtmlContent? best = null;
        foreach (Filters filters in Attempts)
        {
            HtmlContent content = extractor.Attempt(filters);

            // A laxer attempt never wins with text that is mostly furniture the strict attempt set aside by name:
            // a short brief above a long comment section stays the brief.
            if (best is not null && content.FurnitureLength * 2 >= content.Text.Length)
            {
                continue;
            }

            if (content.Text.Length >= CharThreshold)
            {
                return content;
            }

            // Otherwise a later attempt wins only with clearly more text.
            if (best is null || content.Text.Length >= 2 * Math.Max(best.Text.Length, 1))
            {
                best = content;
            }
        }

        return best!;
    }

    /// <summary>Whether a block sits inside an element that the strict attempt removed for its name.</summary>
    private bool IsNamedFurniture(HtmlBlock block)
    {
        for (IElement? e = block.Owner; e is not null; e = e.ParentElement)
        {
            if (_junkAndUnlikely.Contains(e) && !_junk.Contains(e))
            {
                return true;
            }
        }

        return false;
    }

    private HtmlClassVerdict Verdict(IElement element)
    {
        if (!_verdicts.TryGetValue(element, out HtmlClassVerdict verdict))
        {
            verdict = HtmlClassNames.Classify(element);
            _verdicts[element] = verdict;
        }

        return verdict;
    }

    /// <summary>
    /// Marks what no attempt reads (scripts, forms controls, hidden elements, navigation, consent dialogs) and,
    /// for the strict attempt, what is unlikely to be story (class names of furniture). An element that holds
    /// the headline, &lt;main&gt; or the schema.org articleBody is never removed for its name or tag.
    /// </summary>
    private void MarkRemovals()
    {
        foreach (IElement core in HtmlTree.Descendants(_body))
        {
            if (core.LocalName is "main" or "h1" || IsArticleBody(core) || string.Equals(core.GetAttribute("role"), "main", StringComparison.OrdinalIgnoreCase))
            {
                for (IElement? e = core; e is not null && _keep.Add(e); e = e.ParentElement)
                {
                }
            }
        }

        foreach (IElement element in HtmlTree.Descendants(_body, e => !_junk.Contains(e)))
        {
            if (IsJunk(element))
            {
                _junk.Add(element);
            }
        }

        _junkAndUnlikely.UnionWith(_junk);
        foreach (IElement element in HtmlTree.Descendants(_body, e => !_junkAndUnlikely.Contains(e)))
        {
            if (IsUnlikely(element))
            {
                _junkAndUnlikely.Add(element);
            }
        }
    }

    private static bool IsArticleBody(IElement element) =>
        element.GetAttribute("itemprop") is string itemprop && itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase);

    private bool IsJunk(IElement element)
    {
        string tag = element.LocalName;
        if (JunkTags.Contains(tag))
        {
            return true;
        }

        // A figure is a picture, its caption and its credit, unless it frames a quotation, a table or code.
        if (tag == "figure" && element.QuerySelector("blockquote, table, pre, code") is null)
        {
            return true;
        }

        // Hidden or not, an element holding the headline or the article body is read: some sites ship the story hidden.
        if (tag is "body" or "html" || _keep.Contains(element))
        {
            return false;
        }

        if (IsHidden(element))
        {
            return true;
        }

        if (FurnitureTags.Contains(tag) || element.GetAttribute("role") is string role && FurnitureRoles.Contains(role.Trim()))
        {
            return true;
        }

        // A site header is furniture; an article's own header holds its standfirst.
        if (tag == "header" && !HtmlTree.HasAncestor(element, e => e.LocalName is "article" or "main"))
        {
            return true;
        }

        return Verdict(element).AlwaysJunk;
    }

    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        string? style = element.GetAttribute("style");
        if (string.IsNullOrEmpty(style))
        {
            return false;
        }

        string compact = style.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return compact.Contains("display:none", StringComparison.Ordinal) || compact.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    private bool IsUnlikely(IElement element)
    {
        string tag = element.LocalName;
        if (tag is "body" or "html" or "article" or "main" or "a" || _keep.Contains(element))
        {
            return false;
        }

        // Only blocks (and custom elements) go for their class names: an inline <span class="author"> in a sentence is text.
        if (!HtmlBlockBuilder.IsBlock(tag) && !tag.Contains('-', StringComparison.Ordinal))
        {
            return false;
        }

        string? role = element.GetAttribute("role");
        return role is not ("main" or "article") && Verdict(element).Boilerplate;
    }

    private HtmlContent Attempt(Filters filters)
    {
        HashSet<IElement> removed = filters.HasFlag(Filters.StripUnlikely) ? _junkAndUnlikely : _junk;
        List<HtmlBlock> blocks = HtmlBlockBuilder.Build(_body, removed.Contains);
        if (blocks.Count == 0)
        {
            return new HtmlContent("", [], filters != Filters.All);
        }

        var scoring = new Scoring(this, removed, filters.HasFlag(Filters.WeightClasses), blocks);
        IElement top = scoring.TopCandidate();
        List<IElement> containers = scoring.WithSiblings(top);
        (string text, int furniture) = Render(containers, removed, filters);
        return new HtmlContent(text, containers, filters != Filters.All) { FurnitureLength = furniture };
    }

    /// <summary>Readability's candidate scores for one attempt.</summary>
    private sealed class Scoring
    {
        private readonly HtmlContentExtractor _owner;
        private readonly HashSet<IElement> _removed;
        private readonly bool _weightClasses;
        private readonly List<HtmlBlock> _blocks;
        private readonly Dictionary<IElement, double> _scores = new(ReferenceEqualityComparer.Instance);
        private readonly List<IElement> _candidates = [];
        private readonly Dictionary<IElement, (int Text, int Links)> _lengths = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<IElement, bool> _hasBlockChildren = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<IElement, int> _ownedBlocks = new(ReferenceEqualityComparer.Instance);

        public Scoring(HtmlContentExtractor owner, HashSet<IElement> removed, bool weightClasses, List<HtmlBlock> blocks)
        {
            _owner = owner;
            _removed = removed;
            _weightClasses = weightClasses;
            _blocks = blocks;
            foreach (HtmlBlock block in blocks)
            {
                for (IElement? e = block.Owner; e is not null; e = e.ParentElement)
                {
                    (int text, int links) = _lengths.GetValueOrDefault(e);
                    _lengths[e] = (text + block.Text.Length, links + block.LinkLength);
                }
            }

            foreach (HtmlBlock block in blocks)
            {
                _ownedBlocks[block.Owner] = _ownedBlocks.GetValueOrDefault(block.Owner) + 1;
            }

            foreach (HtmlBlock block in blocks)
            {
                ScoreBlock(block);
            }
        }

        private void ScoreBlock(HtmlBlock block)
        {
            if (block.IsHeading || block.Text.Length < 25)
            {
                return;
            }

            int commas = 0;
            foreach (char c in block.Text)
            {
                if (c is ',' or '\uFF0C' or '\u060C')
                {
                    commas++;
                }
            }

            double score = 1 + commas + Math.Min(block.Text.Length / 100, 3);
            IElement? element = IsParagraphUnit(block.Owner) ? block.Owner.ParentElement : block.Owner;
            for (int level = 0; level < 5 && element is not null && element.LocalName != "html"; level++)
            {
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                Add(element, score / divider);
                element = element.ParentElement;
            }
        }

        private void Add(IElement element, double score)
        {
            if (!_scores.TryGetValue(element, out double current))
            {
                current = InitialScore(element);
                _candidates.Add(element);
            }

            _scores[element] = current + score;
        }

        private double InitialScore(IElement element)
        {
            double score = element.LocalName switch
            {
                "div" or "article" => 5,
                "pre" or "td" or "blockquote" => 3,
                "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
                "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
                _ => 0,
            };
            if (_weightClasses)
            {
                score += _owner.Verdict(element).Weight + (IsArticleBody(element) ? 25 : 0);
            }

            return score;
        }

        /// <summary>
        /// An element that is itself a paragraph: its score goes to its parent, as a &lt;p&gt;'s does. A &lt;div&gt; with
        /// one run of text is one (Reuters-style paragraphs); a &lt;div&gt; whose text &lt;br&gt;&lt;br&gt; splits into
        /// several paragraphs is the article's container.
        /// </summary>
        private bool IsParagraphUnit(IElement element)
        {
            string tag = element.LocalName;
            if (tag is "p" or "li" or "dd" or "dt" or "pre" or "tr" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
            {
                return true;
            }

            if (_ownedBlocks.GetValueOrDefault(element) > 1)
            {
                return false;
            }

            if (!_hasBlockChildren.TryGetValue(element, out bool hasBlocks))
            {
                hasBlocks = false;
                foreach (IElement child in element.Children)
                {
                    if (HtmlBlockBuilder.IsBlock(child.LocalName) && !_removed.Contains(child))
                    {
                        hasBlocks = true;
                        break;
                    }
                }

                _hasBlockChildren[element] = hasBlocks;
            }

            return !hasBlocks && tag != "body";
        }

        private double LinkDensity(IElement element) =>
            _lengths.TryGetValue(element, out (int Text, int Links) l) && l.Text > 0 ? (double)l.Links / l.Text : 0;

        private double Final(IElement element) =>
            _scores.TryGetValue(element, out double score) ? score * (1 - LinkDensity(element)) : 0;

        public IElement TopCandidate()
        {
            IElement body = _owner._body;
            if (_candidates.Count == 0)
            {
                return body;
            }

            // Stable order: best score first, document order among equals.
            List<IElement> ranked = [.. _candidates];
            var position = new Dictionary<IElement, int>(ReferenceEqualityComparer.Instance);
            for (int i = 0; i < _candidates.Count; i++)
            {
                position[_candidates[i]] = i;
            }

            ranked.Sort((a, b) =>
            {
                int byScore = Final(b).CompareTo(Final(a));
                return byScore != 0 ? byScore : position[a].CompareTo(position[b]);
            });
            IElement top = ranked[0];
            double topScore = Final(top);

            // Several near-best candidates under one ancestor: the story is split into parts, take the ancestor.
            List<IElement> alternatives = [.. ranked.Skip(1).Take(4).Where(c => topScore > 0 && Final(c) / topScore >= 0.75)];
            if (alternatives.Count >= 3)
            {
                for (IElement? parent = top.ParentElement; parent is not null && parent != body; parent = parent.ParentElement)
                {
                    int containing = alternatives.Count(a => HtmlTree.IsAncestorOrSelf(parent, a));
                    if (containing >= 3)
                    {
                        top = parent;
                        break;
                    }
                }
            }

            // A parent that scores better than the candidate holds more of the story.
            double lastScore = Final(top);
            double threshold = lastScore / 3;
            for (IElement? parent = top.ParentElement; parent is not null && parent != body; parent = parent.ParentElement)
            {
                if (!_scores.ContainsKey(parent))
                {
                    continue;
                }

                double parentScore = Final(parent);
                if (parentScore < threshold)
                {
                    break;
                }

                if (parentScore > lastScore)
                {
                    top = parent;
                    break;
                }

                lastScore = parentScore;
            }

            // An only child says nothing its parent does not.
            while (top.ParentElement is IElement only && only != body && only.LocalName != "html" && CountChildren(only) == 1)
            {
                top = only;
            }

            return top;
        }

        private int CountChildren(IElement element)
        {
            int count = 0;
            foreach (IElement child in element.Children)
            {
                if (!_removed.Contains(child))
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>The candidate and, in document order, those of its siblings that score nearly as well or hold prose.</summary>
        public List<IElement> WithSiblings(IElement top)
        {
            if (top.ParentElement is not IElement parent || top == _owner._body || top.LocalName == "html")
            {
                return [top];
            }

            var prose = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
            foreach (HtmlBlock block in _blocks)
            {
                if (!block.IsProse)
                {
                    continue;
                }

                for (IElement? e = block.Owner; e is not null; e = e.ParentElement)
                {
                    if (e.ParentElement == parent)
                    {
                        prose.Add(e);
                        break;
                    }
                }
            }

            // The headline opens the story: a sibling that comes before the one holding it (a left-hand column, an
            // agenda, a breadcrumb) is not part of it.
            IElement? titleSibling = null;
            int titleIndex = _owner.TitleHeading(_blocks);
            for (IElement? e = titleIndex < 0 ? null : _blocks[titleIndex].Owner; e is not null; e = e.ParentElement)
            {
                if (e.ParentElement == parent)
                {
                    titleSibling = e;
                    break;
                }
            }

            double topScore = Final(top);
            double threshold = Math.Max(10, topScore * 0.2);
            string topClass = top.ClassName ?? "";
            bool beforeTitle = titleSibling is not null;
            List<IElement> chosen = [];
            foreach (IElement sibling in parent.Children)
            {
                beforeTitle &= sibling != titleSibling;
                if (_removed.Contains(sibling))
                {
                    continue;
                }

                if (sibling == top)
                {
                    chosen.Add(sibling);
                    continue;
                }

                if (beforeTitle)
                {
                    continue;
                }

                if (_weightClasses && _owner.Verdict(sibling).Weight < 0)
                {
                    continue;
                }

                double bonus = topClass.Length > 0 && string.Equals(sibling.ClassName, topClass, StringComparison.Ordinal) ? topScore * 0.2 : 0;
                // A sibling's class name alone ("article-entete") does not make it story: it needs some text of its own.
                bool scoresWell = _scores.ContainsKey(sibling) && Final(sibling) + bonus >= threshold && _scores[sibling] - InitialScore(sibling) >= 3;
                if (scoresWell || prose.Contains(sibling))
                {
                    chosen.Add(sibling);
                }
            }

            return chosen;
        }
    }

    /// <summary>The text of the chosen elements, cleaned of what a reader would skip.</summary>
    private (string Text, int FurnitureLength) Render(List<IElement> containers, HashSet<IElement> removed, Filters filters)
    {
        bool clean = filters.HasFlag(Filters.CleanConditionally);
        bool weight = filters.HasFlag(Filters.WeightClasses);
        HashSet<IElement> skip = removed;
        var blocks = new List<HtmlBlock>();
        foreach (IElement container in containers)
        {
            List<HtmlBlock> containerBlocks = HtmlBlockBuilder.Build(container, removed.Contains);
            if (clean)
            {
                HashSet<IElement> cleaned = CleanConditionally(container, containerBlocks, removed, weight);
                if (cleaned.Count > 0)
                {
                    var more = new HashSet<IElement>(removed, ReferenceEqualityComparer.Instance);
                    more.UnionWith(cleaned);
                    skip = more;
                    containerBlocks = HtmlBlockBuilder.Build(container, skip.Contains);
                }
            }

            blocks.AddRange(containerBlocks);
        }

        int titleIndex = TitleHeading(blocks);
        var text = new StringBuilder();
        int furniture = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            HtmlBlock block = blocks[i];
            if (i == titleIndex || (i < titleIndex && !block.IsProse) || block.IsDateLine || IsCopyright(block.Text) || (clean && block.LinkDensity > 0.5))
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            text.Append(block.Text);
            if (filters != Filters.All && IsNamedFurniture(block))
            {
                furniture += block.Text.Length;
            }
        }

        return (text.ToString(), furniture);
    }

    /// <summary>
    /// Lists, boxes and tables inside the story that are mostly links (tag lists, "À lire aussi", share bars)
    /// or, when class names count, named like furniture.
    /// </summary>
    private HashSet<IElement> CleanConditionally(IElement container, List<HtmlBlock> blocks, HashSet<IElement> removed, bool weight)
    {
        var lengths = new Dictionary<IElement, (int Text, int Links)>(ReferenceEqualityComparer.Instance);
        foreach (HtmlBlock block in blocks)
        {
            for (IElement? e = block.Owner; e is not null && e != container; e = e.ParentElement)
            {
                (int text, int links) = lengths.GetValueOrDefault(e);
                lengths[e] = (text + block.Text.Length, links + block.LinkLength);
            }
        }

        var cleaned = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        foreach (IElement element in HtmlTree.Descendants(container, e => !removed.Contains(e) && !cleaned.Contains(e)))
        {
            if (removed.Contains(element) || !ConditionallyCleaned.Contains(element.LocalName) || _keep.Contains(element))
            {
                continue;
            }

            (int text, int links) = lengths.GetValueOrDefault(element);
            if ((weight && Verdict(element).Weight < 0) || (text > 0 && (double)links / text > 0.5))
            {
                cleaned.Add(element);
            }
        }

        return cleaned;
    }

    /// <summary>The headline inside the story: the first heading that matches the title, else the first &lt;h1&gt;; -1 when none.</summary>
    private int TitleHeading(List<HtmlBlock> blocks)
    {
        int firstH1 = -1;
        for (int i = 0; i < blocks.Count; i++)
        {
            HtmlBlock block = blocks[i];
            if (!block.IsHeading)
            {
                continue;
            }

            if (_title is not null && block.HeadingLevel <= 3 && HtmlText.SameTitle(block.Text, _title))
            {
                return i;
            }

            if (firstH1 < 0 && block.HeadingLevel == 1)
            {
                firstH1 = i;
            }
        }

        return firstH1;
    }

    private static bool IsCopyright(string text) =>
        text.StartsWith('©') || text.StartsWith("(c) ", StringComparison.OrdinalIgnoreCase) || text.StartsWith("Copyright ", StringComparison.OrdinalIgnoreCase);
}

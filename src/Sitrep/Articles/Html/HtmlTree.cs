using AngleSharp.Dom;

namespace Sitrep.Articles.Html;

/// <summary>Iterative walks over a DOM: real pages can nest deeper than the call stack allows recursion.</summary>
internal static class HtmlTree
{
    /// <summary>
    /// The elements below <paramref name="root"/> in document order. When <paramref name="enter"/> returns false
    /// for an element, its subtree is not visited (the element itself is).
    /// </summary>
    public static IEnumerable<IElement> Descendants(IElement root, Func<IElement, bool>? enter = null)
    {
        IElement? node = root.FirstElementChild;
        while (node is not null)
        {
            yield return node;
            if ((enter is null || enter(node)) && node.FirstElementChild is IElement child)
            {
                node = child;
                continue;
            }

            while (node is not null && node.NextElementSibling is null)
            {
                node = node.ParentElement;
                if (ReferenceEquals(node, root))
                {
                    yield break;
                }
            }

            node = node?.NextElementSibling;
        }
    }

    public static bool IsAncestorOrSelf(IElement ancestor, IElement element)
    {
        for (IElement? e = element; e is not null; e = e.ParentElement)
        {
            if (ReferenceEquals(e, ancestor))
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasAncestor(IElement element, Func<IElement, bool> predicate)
    {
        for (IElement? e = element.ParentElement; e is not null; e = e.ParentElement)
        {
            if (predicate(e))
            {
                return true;
            }
        }

        return false;
    }
}

using AngleSharp.Dom;

namespace Sitrep.Articles.Html;

/// <summary>Iterative walks over a DOM: real pages can nest deeper than the call stack allows recursion.</summary>
internal static class HtmlTree
{
    /// <summary>
    /// The elements below <paramref name="root"/> in document order. When <paramref name="enter"/> returns false
    /// for an element, its subtree is not visited (the element itself is). Walks child lists by index: AngleSharp's
    /// NextSibling searches the parent's list, which is quadratic on long lists.
    /// </summary>
    public static IEnumerable<IElement> Descendants(IElement root, Func<IElement, bool>? enter = null)
    {
        var stack = new List<(INode Node, int Next)> { (root, 0) };
        while (stack.Count > 0)
        {
            (INode node, int next) = stack[^1];
            INodeList children = node.ChildNodes;
            if (next >= children.Length)
            {
                stack.RemoveAt(stack.Count - 1);
                continue;
            }

            stack[^1] = (node, next + 1);
            if (children[next] is IElement element)
            {
                yield return element;
                if (element.HasChildNodes && (enter is null || enter(element)))
                {
                    stack.Add((element, 0));
                }
            }
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

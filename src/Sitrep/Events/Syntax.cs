using Sitrep.Documents;
using Sitrep.Tagging.Dependencies;

namespace Sitrep.Events;

/// <summary>
/// The dependency trees of a document as the event extractor reads them: each token's head and relation, and its
/// children in text order. Relations compare on their Universal Dependencies base («obl:mod» is an «obl») unless a
/// subtype matters («nsubj:pass», «obl:agent», «aux:pass», «nmod:poss», «acl:relcl»).
/// </summary>
internal sealed class Syntax
{
    private readonly Dependency[] _arcs;
    private readonly int[] _childStart;
    private readonly int[] _children;

    private Syntax(Document document)
    {
        _arcs = [.. document.Dependencies];
        int n = _arcs.Length;
        _childStart = new int[n + 1];
        foreach (Dependency arc in _arcs)
        {
            if (arc.Head >= 0)
            {
                _childStart[arc.Head + 1]++;
            }
        }

        for (int t = 0; t < n; t++)
        {
            _childStart[t + 1] += _childStart[t];
        }

        _children = new int[_childStart[n]];
        int[] next = _childStart[..n];
        for (int t = 0; t < n; t++)
        {
            if (_arcs[t].Head >= 0)
            {
                _children[next[_arcs[t].Head]++] = t;
            }
        }
    }

    /// <summary>The document's trees, or null when it was not parsed (no parser for its language).</summary>
    public static Syntax? Of(Document document) =>
        document.Dependencies.Length == document.Tokens.Length && document.Tokens.Length > 0 ? new Syntax(document) : null;

    public int Head(int token) => _arcs[token].Head;

    /// <summary>The full relation («obl:agent»).</summary>
    public string Relation(int token) => _arcs[token].Relation;

    /// <summary>The relation without its subtype («obl» for «obl:mod»).</summary>
    public string Base(int token)
    {
        string relation = _arcs[token].Relation;
        int colon = relation.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? relation : relation[..colon];
    }

    public ReadOnlySpan<int> Children(int token) => _children.AsSpan(_childStart[token], _childStart[token + 1] - _childStart[token]);

    /// <summary>The first child with this base relation, or -1.</summary>
    public int Child(int token, string baseRelation)
    {
        foreach (int child in Children(token))
        {
            if (Base(child) == baseRelation)
            {
                return child;
            }
        }

        return -1;
    }

    /// <summary>The preposition of a nominal («par» for «par l'armée»): its first «case» child, or -1.</summary>
    public int Case(int token) => Child(token, "case");
}

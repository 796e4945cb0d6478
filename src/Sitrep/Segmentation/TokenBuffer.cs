using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Sitrep.Documents;

namespace Sitrep.Segmentation;

/// <summary>A growable array of tokens, filled by the tokenizer and handed over without a second copy when full.</summary>
internal sealed class TokenBuffer(int capacity)
{
    private Token[] _items = new Token[Math.Max(capacity, 16)];

    public int Count { get; private set; }

    public ReadOnlySpan<Token> Span => _items.AsSpan(0, Count);

    public void Add(int start, int end, TokenKind kind)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = new Token(new TextSpan(start, end - start), kind);
    }

    public ImmutableArray<Token> ToImmutable()
    {
        if (Count != _items.Length)
        {
            Array.Resize(ref _items, Count);
        }

        // The buffer is not used again: its array becomes the immutable array.
        ImmutableArray<Token> result = ImmutableCollectionsMarshal.AsImmutableArray(_items);
        _items = [];
        Count = 0;
        return result;
    }
}

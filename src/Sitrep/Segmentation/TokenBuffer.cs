using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Sitrep.Documents;

namespace Sitrep.Segmentation;

/// <summary>
/// The tokens of one text while they are found: a pooled scratch array, so that the only allocation
/// left is the exact-size result (a long article has tens of thousands of tokens, a large-object-heap array).
/// </summary>
internal sealed class TokenBuffer(int capacity) : IDisposable
{
    private Token[] _items = ArrayPool<Token>.Shared.Rent(Math.Max(capacity, 16));

    public int Count { get; private set; }

    public ReadOnlySpan<Token> Span => _items.AsSpan(0, Count);

    public void Add(int start, int end, TokenKind kind)
    {
        if (Count == _items.Length)
        {
            Token[] larger = ArrayPool<Token>.Shared.Rent(_items.Length * 2);
            _items.AsSpan(0, Count).CopyTo(larger);
            ArrayPool<Token>.Shared.Return(_items);
            _items = larger;
        }

        _items[Count++] = new Token(new TextSpan(start, end - start), kind);
    }

    public ImmutableArray<Token> ToImmutable() => ImmutableCollectionsMarshal.AsImmutableArray(Span.ToArray());

    public void Dispose()
    {
        ArrayPool<Token>.Shared.Return(_items);
        _items = [];
        Count = 0;
    }
}

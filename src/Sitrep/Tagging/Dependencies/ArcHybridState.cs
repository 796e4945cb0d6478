namespace Sitrep.Tagging.Dependencies;

/// <summary>The three moves of the arc-hybrid system (Kuhlmann, Gómez-Rodríguez and Satta 2011).</summary>
public enum Transition : byte
{
    /// <summary>Push the first buffer word onto the stack.</summary>
    Shift = 0,

    /// <summary>Pop the stack top and make it a dependent of the first buffer word.</summary>
    Left = 1,

    /// <summary>Pop the stack top and make it a dependent of the word below it on the stack.</summary>
    Right = 2,
}

/// <summary>
/// A configuration of the arc-hybrid transition system over one sentence of <see cref="Length"/> words.
/// Words are numbered 1..n as in CoNLL-U; 0 is the artificial root, which sits at the bottom of the stack, and
/// <see cref="None"/> (n + 1) stands for a position that does not exist (the stack has one word, the buffer is
/// empty). The root takes its one dependent only once the buffer is empty, so every complete parse is a tree
/// with a single root: whatever the model scores, some move is always legal until <see cref="IsTerminal"/>.
/// Besides the arcs it keeps what the feature templates read: the two outermost children on each side, the
/// number of children and the set of their labels. A buffer reused from sentence to sentence.
/// </summary>
public sealed class ArcHybridState
{
    private int[] _stack = new int[64];

    public int Length { get; private set; }

    /// <summary>The index that stands for «no such word».</summary>
    public int None => Length + 1;

    public int StackCount { get; private set; }

    /// <summary>The first word of the buffer; the buffer is empty when it is past <see cref="Length"/>.</summary>
    public int BufferFront { get; private set; }

    /// <summary>Head of each word (0 = root, -1 = none yet), indexed 0..n+1.</summary>
    public int[] Heads { get; private set; } = new int[66];

    /// <summary>Relation label of each word's arc (-1 = none yet).</summary>
    public int[] Labels { get; private set; } = new int[66];

    public int[] LeftMost { get; private set; } = new int[66];

    public int[] LeftSecond { get; private set; } = new int[66];

    public int[] RightMost { get; private set; } = new int[66];

    public int[] RightSecond { get; private set; } = new int[66];

    public int[] LeftCount { get; private set; } = new int[66];

    public int[] RightCount { get; private set; } = new int[66];

    /// <summary>Labels of the left children as a bit set (label index modulo 64).</summary>
    public ulong[] LeftLabels { get; private set; } = new ulong[66];

    public ulong[] RightLabels { get; private set; } = new ulong[66];

    public bool IsTerminal => BufferFront > Length && StackCount == 1;

    public bool CanShift => BufferFront <= Length;

    public bool CanLeft => StackCount >= 2 && BufferFront <= Length;

    public bool CanRight => StackCount >= 3 || (StackCount == 2 && BufferFront > Length);

    /// <summary>The stack word <paramref name="depth"/> below the top (0 = top), or <see cref="None"/>.</summary>
    public int Stack(int depth) => depth < StackCount ? _stack[StackCount - 1 - depth] : None;

    /// <summary>The buffer word <paramref name="offset"/> after the front, or <see cref="None"/>.</summary>
    public int Buffer(int offset) => BufferFront + offset <= Length ? BufferFront + offset : None;

    public void Reset(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        int size = length + 2;
        if (Heads.Length < size)
        {
            int grown = Math.Max(size, Heads.Length * 2);
            Heads = new int[grown];
            Labels = new int[grown];
            LeftMost = new int[grown];
            LeftSecond = new int[grown];
            RightMost = new int[grown];
            RightSecond = new int[grown];
            LeftCount = new int[grown];
            RightCount = new int[grown];
            LeftLabels = new ulong[grown];
            RightLabels = new ulong[grown];
        }

        if (_stack.Length < size)
        {
            _stack = new int[Math.Max(size, _stack.Length * 2)];
        }

        int none = None;
        Heads.AsSpan(0, size).Fill(-1);
        Labels.AsSpan(0, size).Fill(-1);
        LeftMost.AsSpan(0, size).Fill(none);
        LeftSecond.AsSpan(0, size).Fill(none);
        RightMost.AsSpan(0, size).Fill(none);
        RightSecond.AsSpan(0, size).Fill(none);
        LeftCount.AsSpan(0, size).Clear();
        RightCount.AsSpan(0, size).Clear();
        LeftLabels.AsSpan(0, size).Clear();
        RightLabels.AsSpan(0, size).Clear();
        _stack[0] = 0;
        StackCount = 1;
        BufferFront = 1;
    }

    public bool IsLegal(Transition transition) => transition switch
    {
        Transition.Shift => CanShift,
        Transition.Left => CanLeft,
        _ => CanRight,
    };

    /// <summary>The (head, dependent) arc <paramref name="transition"/> would add, or (-1, -1) for a shift.</summary>
    public (int Head, int Dependent) ArcOf(Transition transition) => transition switch
    {
        Transition.Left => (BufferFront, Stack(0)),
        Transition.Right => (Stack(1), Stack(0)),
        _ => (-1, -1),
    };

    /// <summary>Applies a legal transition; <paramref name="label"/> is the relation of the arc it adds (ignored by a shift).</summary>
    public void Apply(Transition transition, int label)
    {
        switch (transition)
        {
            case Transition.Shift:
                _stack[StackCount++] = BufferFront++;
                break;
            case Transition.Left:
                Attach(BufferFront, _stack[--StackCount], label);
                break;
            default:
                int dependent = _stack[--StackCount];
                Attach(_stack[StackCount - 1], dependent, label);
                break;
        }
    }

    private void Attach(int head, int dependent, int label)
    {
        Heads[dependent] = head;
        Labels[dependent] = label;
        int none = None;
        ulong bit = label < 0 ? 0 : 1UL << (label & 63);
        if (dependent < head)
        {
            LeftCount[head]++;
            LeftLabels[head] |= bit;
            if (LeftMost[head] == none || dependent < LeftMost[head])
            {
                LeftSecond[head] = LeftMost[head];
                LeftMost[head] = dependent;
            }
            else if (LeftSecond[head] == none || dependent < LeftSecond[head])
            {
                LeftSecond[head] = dependent;
            }
        }
        else
        {
            RightCount[head]++;
            RightLabels[head] |= bit;
            if (RightMost[head] == none || dependent > RightMost[head])
            {
                RightSecond[head] = RightMost[head];
                RightMost[head] = dependent;
            }
            else if (RightSecond[head] == none || dependent > RightSecond[head])
            {
                RightSecond[head] = dependent;
            }
        }
    }
}

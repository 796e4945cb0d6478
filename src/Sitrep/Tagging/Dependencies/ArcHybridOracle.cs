namespace Sitrep.Tagging.Dependencies;

/// <summary>
/// The dynamic oracle of the arc-hybrid system (Goldberg and Nivre 2013, «Training deterministic parsers with
/// non-deterministic oracles»): the cost of a transition is the number of gold arcs that were still reachable
/// and that it makes unreachable. The system is arc-decomposable, so any zero-cost move keeps the best tree
/// reachable from a configuration that is already wrong. This is what lets the trainer follow the model's own
/// mistakes and learn to recover from them. The gold tree must be projective (see <see cref="Projectivizer"/>).
/// </summary>
public static class ArcHybridOracle
{
    /// <summary>
    /// Fills <paramref name="costs"/> (indexed by <see cref="Transition"/>) for the state; illegal moves get
    /// <see cref="int.MaxValue"/>. <paramref name="gold"/> holds the gold head of each word 1..n (index 0 unused).
    /// </summary>
    public static void Costs(ArcHybridState state, ReadOnlySpan<int> gold, Span<int> costs)
    {
        ArgumentNullException.ThrowIfNull(state);
        costs[0] = costs[1] = costs[2] = int.MaxValue;
        int n = state.Length;
        int front = state.BufferFront;
        if (state.CanShift)
        {
            // The front word, once pushed, can no longer take a head from below the top nor a dependent from the stack.
            int cost = 0;
            for (int depth = 0; depth < state.StackCount; depth++)
            {
                int k = state.Stack(depth);
                if (depth > 0 && gold[front] == k)
                {
                    cost++;
                }

                if (k != 0 && gold[k] == front)
                {
                    cost++;
                }
            }

            costs[(int)Transition.Shift] = cost;
        }

        if (state.StackCount < 2)
        {
            return;
        }

        int top = state.Stack(0);
        int below = state.Stack(1);
        int dependentsInBuffer = 0;
        for (int d = front; d <= n; d++)
        {
            if (gold[d] == top)
            {
                dependentsInBuffer++;
            }
        }

        int head = gold[top];
        if (state.CanLeft)
        {
            // The top takes the front as head: it loses a head below it or later in the buffer, and its buffer dependents.
            bool lostHead = head == below || (head > front && head <= n);
            costs[(int)Transition.Left] = dependentsInBuffer + (lostHead ? 1 : 0);
        }

        if (state.CanRight)
        {
            // The top takes the word below as head: it loses a head in the buffer, and its buffer dependents.
            bool lostHead = head >= front && head <= n;
            costs[(int)Transition.Right] = dependentsInBuffer + (lostHead ? 1 : 0);
        }
    }
}

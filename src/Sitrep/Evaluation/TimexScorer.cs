namespace Sitrep.Evaluation;

/// <summary>TempEval-3 temporal expression scores over a set of documents.</summary>
public sealed record TimexScores(
    int Documents,
    PrecisionRecall Strict,
    PrecisionRecall Relaxed,
    PrecisionRecall Value,
    PrecisionRecall Type,
    int RelaxedMatches,
    int ValueCorrect,
    int TypeCorrect)
{
    /// <summary>Share of relaxed matches whose value is right.</summary>
    public double ValueAccuracy => RelaxedMatches == 0 ? 0 : (double)ValueCorrect / RelaxedMatches;

    public double TypeAccuracy => RelaxedMatches == 0 ? 0 : (double)TypeCorrect / RelaxedMatches;
}

/// <summary>
/// The TempEval-3 measures for TIMEX3 (UzZaman et al., 2013): strict span match (same start and end) and
/// relaxed match (the spans overlap), each as precision (system expressions matched / system expressions)
/// and recall (gold expressions matched / gold expressions); value and type are attributes scored on relaxed
/// matches, as attribute F1 (correct attribute / system and / gold) and accuracy (correct / relaxed matches).
/// </summary>
public sealed class TimexScorer
{
    private int _documents, _gold, _system, _strictGold, _strictSystem, _relaxedGold, _relaxedSystem, _valueCorrect, _typeCorrect;

    public void Add(IReadOnlyList<Timex> gold, IReadOnlyList<Timex> system, Action<Timex?, Timex?>? onError = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(system);
        _documents++;
        _gold += gold.Count;
        _system += system.Count;
        foreach (Timex s in system)
        {
            bool strict = false, relaxed = false;
            foreach (Timex g in gold)
            {
                strict |= g.Span == s.Span;
                relaxed |= g.Span.Overlaps(s.Span);
            }

            _strictSystem += strict ? 1 : 0;
            _relaxedSystem += relaxed ? 1 : 0;
            if (!relaxed)
            {
                onError?.Invoke(null, s);
            }
        }

        foreach (Timex g in gold)
        {
            Timex? match = null;
            bool strict = false;
            foreach (Timex s in system)
            {
                if (s.Span == g.Span)
                {
                    strict = true;
                    match = s;
                    break;
                }

                if (match is null && s.Span.Overlaps(g.Span))
                {
                    match = s;
                }
            }

            _strictGold += strict ? 1 : 0;
            if (match is null)
            {
                onError?.Invoke(g, null);
                continue;
            }

            _relaxedGold++;
            bool valueOk = string.Equals(g.Value, match.Value, StringComparison.OrdinalIgnoreCase);
            bool typeOk = string.Equals(g.Type, match.Type, StringComparison.OrdinalIgnoreCase);
            _valueCorrect += valueOk ? 1 : 0;
            _typeCorrect += typeOk ? 1 : 0;
            if (!valueOk || !typeOk || !strict)
            {
                onError?.Invoke(g, match);
            }
        }
    }

    public TimexScores Scores() => new(
        _documents,
        new PrecisionRecall(_strictSystem, _system, _strictGold, _gold),
        new PrecisionRecall(_relaxedSystem, _system, _relaxedGold, _gold),
        new PrecisionRecall(_valueCorrect, _system, _valueCorrect, _gold),
        new PrecisionRecall(_typeCorrect, _system, _typeCorrect, _gold),
        _relaxedGold,
        _valueCorrect,
        _typeCorrect);
}

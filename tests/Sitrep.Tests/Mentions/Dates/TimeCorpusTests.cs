using Sitrep.Evaluation;

namespace Sitrep.Tests.Mentions.Dates;

/// <summary>
/// Issue 6 scores on the TimeML corpora (skipped, saying so, when ../shared/corpora is absent). The French
/// TimeBank and the TBAQ relaxed span targets are met and asserted; the TBAQ value target (0.80) is not yet:
/// its floor guards the current level (0.785) against regressions until it is.
/// </summary>
public sealed class TimeCorpusTests
{
    [Theory]
    [InlineData("fr-timebank", 0.93, 0.84)]
    [InlineData("tbaq", 0.90, 0.78)]
    public void Tagger_keeps_its_relaxed_span_and_value_scores(string corpus, double relaxedF1, double valueF1)
    {
        string root = TestPaths.RequireCorpora();
        TimeCorpus? found = TimeEvaluation.DefaultCorpora(root).FirstOrDefault(c => c.Name == corpus);
        Assert.SkipWhen(found is null, $"{corpus} is not under {root}/time: corpus test skipped");
        IReadOnlyList<TimeMLDocument> documents = TimeEvaluation.Load(found!.Directory);
        TimexScores scores = TimeEvaluation.Score(documents, d => TimeEvaluation.Tag(d, found.Language));
        Assert.True(scores.Relaxed.F1 >= relaxedF1, $"{corpus}: relaxed F1 {scores.Relaxed.F1:0.000} < {relaxedF1}");
        Assert.True(scores.Value.F1 >= valueF1, $"{corpus}: value F1 {scores.Value.F1:0.000} < {valueF1}");
    }
}

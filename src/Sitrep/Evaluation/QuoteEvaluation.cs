using System.Collections.Immutable;
using Sitrep.Articles;
using Sitrep.Corpora;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Evaluation;

/// <summary>Scores of <c>sitrep eval quotes</c>: span P/R/F1 per role (exact and any overlap) and the speaker on found quotes.</summary>
public sealed record QuoteScores
{
    public PrecisionRecall ContentExact { get; init; }

    public PrecisionRecall ContentOverlap { get; init; }

    public PrecisionRecall CueExact { get; init; }

    public PrecisionRecall CueOverlap { get; init; }

    public PrecisionRecall SourceExact { get; init; }

    public PrecisionRecall SourceOverlap { get; init; }

    /// <summary>Found quotes (content overlapping a gold content whose attribution has a source).</summary>
    public int FoundWithSource { get; init; }

    /// <summary>Of those, the ones whose speaker overlaps the gold source.</summary>
    public int SpeakerRight { get; init; }

    /// <summary>Of those, the ones given a speaker at all.</summary>
    public int SpeakerGiven { get; init; }

    public double SpeakerAccuracy => FoundWithSource == 0 ? 0 : (double)SpeakerRight / FoundWithSource;

    /// <summary>Right speakers among the speakers given (a wrong speaker is worse than none).</summary>
    public double SpeakerPrecision => SpeakerGiven == 0 ? 0 : (double)SpeakerRight / SpeakerGiven;

    public ImmutableArray<string> Errors { get; init; } = [];

    /// <summary>Gold attributions whose content no quotation overlaps: cue, source and content, tab-separated.</summary>
    public ImmutableArray<string> Misses { get; init; } = [];
}

/// <summary>
/// Attribution on PolNeAR: runs the full English pipeline over each article and compares its quotations with the
/// annotated attributions (content, cue, source). Overlap counts a system span right when it shares a character
/// with a gold span of the same role; a discontinuous gold span counts by its segments.
/// </summary>
public static class QuoteEvaluation
{
    public static QuoteScores Run(IReadOnlyList<PolNearDocument> documents, int maxErrors = 0, int maxMisses = 0)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ExtractionPipeline pipeline = new ExtractionPipelineBuilder().UseDefaults().Build();
        var scores = new Counts();
        var errors = ImmutableArray.CreateBuilder<string>();
        var misses = ImmutableArray.CreateBuilder<string>();
        foreach (PolNearDocument gold in documents)
        {
            Document document = pipeline.Extract(new Article { Id = gold.Name, Text = gold.Text, Language = "en" });
            (int Start, int End) Original(TextSpan span) => (document.OffsetMap.ToOriginal(span.Start), document.OffsetMap.ToOriginal(span.End));
            var quotes = document.Quotes.Select(q => (Quote: q, Content: Original(q.Content), Cue: q.Cue is { } c ? Original(c) : ((int Start, int End)?)null, Speaker: q.Speaker is { } s ? Original(s) : ((int Start, int End)?)null)).ToList();

            scores.Content.Add(gold.Attributions.Select(a => a.Content), quotes.Select(q => q.Content));
            scores.Cue.Add(gold.Attributions.Select(a => a.Cue), quotes.Where(q => q.Cue is not null).Select(q => q.Cue!.Value));
            scores.Source.Add(gold.Attributions.Select(a => a.Source), quotes.Where(q => q.Speaker is not null).Select(q => q.Speaker!.Value));

            string Text(IReadOnlyList<(int Start, int End)> spans) => string.Join(" ", spans.Select(g => gold.Text[g.Start..g.End].ReplaceLineEndings(" ")));
            foreach (PolNearAttribution missed in gold.Attributions.Where(a => a.Content.Count > 0 && !quotes.Any(q => a.Content.Any(g => Overlap(g, q.Content) > 0))))
            {
                if (misses.Count < maxMisses)
                {
                    misses.Add($"{gold.Name}\tmissed\t{Text(missed.Cue)}\tsource {Text(missed.Source)}\tcontent {Clip(Text(missed.Content))}");
                }
            }

            foreach (var quote in quotes)
            {
                PolNearAttribution? match = gold.Attributions
                    .Where(a => a.Source.Count > 0 && a.Content.Any(g => Overlap(g, quote.Content) > 0))
                    .MaxBy(a => a.Content.Sum(g => Overlap(g, quote.Content)));
                if (match is null)
                {
                    continue;
                }

                scores.FoundWithSource++;
                scores.SpeakerGiven += quote.Speaker is null ? 0 : 1;
                bool right = quote.Speaker is { } speaker && match.Source.Any(g => Overlap(g, speaker) > 0);
                scores.SpeakerRight += right ? 1 : 0;
                if (!right && errors.Count < maxErrors)
                {
                    string given = quote.Speaker is { } wrong ? gold.Text[wrong.Start..wrong.End] : "(none)";
                    string cue = quote.Cue is { } c ? gold.Text[c.Start..c.End] : "(none)";
                    errors.Add($"{gold.Name}\tspeaker\t{given}\tgold {Text(match.Source)}\t{quote.Quote.Kind} cue {cue}\tgold cue {Text(match.Cue)}\tcontent {Clip(gold.Text[quote.Content.Start..quote.Content.End])}");
                }
            }
        }

        return new QuoteScores
        {
            ContentExact = scores.Content.Exact,
            ContentOverlap = scores.Content.Overlap,
            CueExact = scores.Cue.Exact,
            CueOverlap = scores.Cue.Overlap,
            SourceExact = scores.Source.Exact,
            SourceOverlap = scores.Source.Overlap,
            FoundWithSource = scores.FoundWithSource,
            SpeakerRight = scores.SpeakerRight,
            SpeakerGiven = scores.SpeakerGiven,
            Errors = errors.ToImmutable(),
            Misses = misses.ToImmutable(),
        };
    }

    private static int Overlap((int Start, int End) a, (int Start, int End) b) => Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));

    private static string Clip(string text) => text.Length <= 80 ? text : text[..77] + "…";

    private sealed class Counts
    {
        public RoleCounts Content { get; } = new();

        public RoleCounts Cue { get; } = new();

        public RoleCounts Source { get; } = new();

        public int FoundWithSource { get; set; }

        public int SpeakerRight { get; set; }

        public int SpeakerGiven { get; set; }
    }

    /// <summary>Exact and overlap counts for one role; a gold item is its segments, exact when the system span has its outer bounds.</summary>
    private sealed class RoleCounts
    {
        public PrecisionRecall Exact { get; private set; }

        public PrecisionRecall Overlap { get; private set; }

        public void Add(IEnumerable<IReadOnlyList<(int Start, int End)>> goldItems, IEnumerable<(int Start, int End)> systemSpans)
        {
            List<IReadOnlyList<(int Start, int End)>> gold = [.. goldItems.Where(g => g.Count > 0)];
            List<(int Start, int End)> system = [.. systemSpans.Distinct()];
            var outer = gold.Select(g => (Start: g.Min(s => s.Start), End: g.Max(s => s.End))).ToHashSet();
            int exact = system.Count(outer.Contains);
            Exact += new PrecisionRecall(exact, system.Count, gold.Count(g => system.Contains((g.Min(s => s.Start), g.Max(s => s.End)))), gold.Count);
            Overlap += new PrecisionRecall(
                system.Count(s => gold.Any(g => g.Any(seg => QuoteEvaluation.Overlap(seg, s) > 0))), system.Count,
                gold.Count(g => system.Any(s => g.Any(seg => QuoteEvaluation.Overlap(seg, s) > 0))), gold.Count);
        }
    }
}

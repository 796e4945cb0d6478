using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Articles;
using Sitrep.Documents;
using Sitrep.Evaluation;
using Sitrep.Pipeline;
using Sitrep.Serialization;

namespace Sitrep.Duplicates;

/// <summary>
/// Pairwise scores of merging events across articles, with the count of reports and of merged events, and the gold
/// pairs not merged by the first rule that keeps them apart ("merged elsewhere" when another event was chosen).
/// </summary>
public sealed record EventMergeScores(
    PrecisionRecall Pairs, int Reports, int Events, int Articles, ImmutableArray<(string First, string Second, string Type)> WrongMerges,
    ImmutableDictionary<string, int> Missed, TimeSpan Elapsed);

/// <summary>
/// Scores <see cref="EventMerger"/> on the wire-copy collection of <see cref="DuplicateCorpus"/>: every article is
/// extracted by the full pipeline, then its events are merged with the earlier articles' in collection order. Gold:
/// two events of different articles are one when they have the same type and trigger word and their sentences share
/// at least half of their words (a sentence copied with its edits, in a wire copy or in a paragraph inserted from
/// another article). Every other pair of events is two events. The rules never see the words, only type, mode,
/// modality, date, place and actor countries. Articles are dated by the date in their name where there is one
/// (PolNeAR), else one date per corpus, and a copy by its source's: dates separate fewer stories than in real feeds.
/// </summary>
public static partial class EventMergeEvaluation
{
    public static EventMergeScores Run(IReadOnlyList<DuplicateCorpusArticle> articles, ExtractionPipeline pipeline, EventMergeRules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(pipeline);
        var reports = new List<(EventReport Report, string Trigger, HashSet<string> Words)>();
        foreach (DuplicateCorpusArticle article in articles)
        {
            Document document = pipeline.Extract(
                new Article { Id = article.Id, Text = article.Text, Published = PublicationDate.Parse(DateOf(article.Id)) }, cancellationToken);
            SitrepDocumentModel model = SitrepJson.ToModel(document);
            foreach ((EventReport report, EventModel e) in EventReport.From(model).Zip(model.Events))
            {
                TextSpan sentence = document.Sentences[e.Sentence].Span;
                reports.Add((report, e.Trigger.Text.ToLowerInvariant(), Words(document[sentence])));
            }
        }

        var merger = new EventMerger(rules);
        var clock = Stopwatch.StartNew();
        string[] merged = [.. reports.Select(r => merger.Add(r.Report))];
        clock.Stop();

        // Pairs of different articles' events: predicted within a merged event, gold by trigger and sentence words.
        var predicted = new HashSet<(int, int)>();
        foreach (var group in Enumerable.Range(0, reports.Count).GroupBy(i => merged[i], StringComparer.Ordinal))
        {
            int[] members = [.. group];
            foreach ((int a, int b) in Pairs(members).Where(p => reports[p.Item1].Report.ArticleId != reports[p.Item2].Report.ArticleId))
            {
                predicted.Add((a, b));
            }
        }

        var gold = new HashSet<(int, int)>();
        foreach (var group in Enumerable.Range(0, reports.Count).GroupBy(i => (reports[i].Report.Type, reports[i].Trigger)))
        {
            foreach ((int a, int b) in Pairs([.. group]))
            {
                if (reports[a].Report.ArticleId != reports[b].Report.ArticleId && Jaccard(reports[a].Words, reports[b].Words) >= 0.5)
                {
                    gold.Add((a, b));
                }
            }
        }

        int correct = predicted.Count(gold.Contains);
        var missed = gold.Where(p => !predicted.Contains(p))
            .GroupBy(p => rules.WhyApart(reports[p.Item1].Report, reports[p.Item2].Report) ?? "merged elsewhere", StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        ImmutableArray<(string, string, string)> wrong = [.. predicted.Where(p => !gold.Contains(p)).Order()
            .Select(p => (Name(reports[p.Item1].Report), Name(reports[p.Item2].Report), reports[p.Item1].Report.Type))];
        return new EventMergeScores(
            PrecisionRecall.FromCounts(gold.Count, predicted.Count, correct), reports.Count, merged.Distinct(StringComparer.Ordinal).Count(), articles.Count, wrong, missed, clock.Elapsed);

        static string Name(EventReport r) => $"{r.ArticleId}/{r.EventId}";
    }

    /// <summary>The publication date the collection gives an article: the date in a PolNeAR name, else one per corpus.</summary>
    /// <param name="id">The article's id in <see cref="DuplicateCorpus"/>.</param>
    public static string DateOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Match match = DateInName().Match(id);
        return match.Success ? match.Groups[1].Value
            : id.StartsWith("frtimebank/", StringComparison.Ordinal) ? "2000-01-01" : "2018-01-01";
    }

    private static IEnumerable<(int, int)> Pairs(int[] members)
    {
        for (int i = 0; i < members.Length; i++)
        {
            for (int j = i + 1; j < members.Length; j++)
            {
                yield return (Math.Min(members[i], members[j]), Math.Max(members[i], members[j]));
            }
        }
    }

    private static HashSet<string> Words(string sentence) =>
        [.. WordPattern().Matches(sentence).Select(m => m.Value.ToLower(CultureInfo.InvariantCulture))];

    private static double Jaccard(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 0 : (double)a.Count(b.Contains) / (a.Count + b.Count - a.Count(b.Contains));

    [GeneratedRegex(@"_(\d{4}-\d{2}-\d{2})_")]
    private static partial Regex DateInName();

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordPattern();
}

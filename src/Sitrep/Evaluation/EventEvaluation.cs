using System.Globalization;
using Sitrep.Articles;
using Sitrep.Corpora;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Pipeline;

namespace Sitrep.Evaluation;

/// <summary>Scores of <see cref="EventEvaluation"/>: type accuracy and macro F1, actor and recipient coding accuracy.</summary>
public sealed record EventScores(
    int Records,
    int TypeRight,
    double MacroF1,
    IReadOnlyDictionary<string, PrecisionRecall> PerType,
    int SourceActors,
    int SourceRight,
    int SourceCountryRight,
    int TargetActors,
    int TargetRight,
    int TargetCountryRight,
    IReadOnlyList<string> Errors)
{
    public double TypeAccuracy => Records == 0 ? 0 : (double)TypeRight / Records;

    public double SourceAccuracy => SourceActors == 0 ? 0 : (double)SourceRight / SourceActors;

    public double TargetAccuracy => TargetActors == 0 ? 0 : (double)TargetRight / TargetActors;
}

/// <summary>
/// Event coding on the PLOVER gold records. Each record is one sentence with one gold event; Sitrep's event for it is
/// the one whose trigger lies in the gold event words (<c>(EVT: …)</c>), else its most confident one, else none.
/// Type: accuracy over records and macro F1 over the gold types (PLOVER 0.6 names mapped to 0.8: DEMAND → REQUEST,
/// DISAPPROVE and INVESTIGATE → ACCUSE, FIGHT → ASSAULT). Actors: a gold source (target) is right when Sitrep's event
/// has an actor (recipient) with the same country code and the same sector (first three letters; both may be
/// absent); gold actors coded <c>***</c> are left out, and a gold sector coded <c>***</c> (undetermined) is not compared. The split: dev = even record positions, test = odd ones.
/// </summary>
public static class EventEvaluation
{
    public static EventScores Run(IReadOnlyList<PloverRecord> records, int errors = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ExtractionPipeline pipeline = new ExtractionPipelineBuilder().UseDefaults().Build();
        EventOntology ontology = EventOntology.Plover;
        var pairs = new List<(string Gold, string Predicted)>();
        int sources = 0, sourceRight = 0, sourceCountry = 0, targets = 0, targetRight = 0, targetCountry = 0;
        var messages = new List<string>();
        foreach (PloverRecord record in records)
        {
            string gold = ontology.Normalize(record.Event)?.Type ?? record.Event;
            Document document = pipeline.Extract(new Article
            {
                Id = record.Id,
                Text = record.Text,
                Language = "en",
                Published = record.Date is { } date ? new PublicationDate(date) : null,
            }, cancellationToken);
            Event? chosen = document.Events.FirstOrDefault(e => record.EventWords.Any(w => Covers(record.Text, w, e.Trigger)))
                ?? document.Events.OrderByDescending(e => e.Confidence).FirstOrDefault();
            string predicted = chosen?.Type ?? "NONE";
            pairs.Add((gold, predicted));
            (int n, int right, int country) = Score(record.Sources, chosen?.Actors);
            (sources, sourceRight, sourceCountry) = (sources + n, sourceRight + right, sourceCountry + country);
            bool sourceWrong = right < n;
            (n, right, country) = Score(record.Targets, chosen?.Recipients);
            (targets, targetRight, targetCountry) = (targets + n, targetRight + right, targetCountry + country);
            if (messages.Count < errors && (predicted != gold || sourceWrong || right < n))
            {
                messages.Add(string.Create(CultureInfo.InvariantCulture, $"{record.Id}: gold {gold} [{string.Join(", ", record.EventWords)}] src {Codes(record.Sources)} tgt {Codes(record.Targets)}; found {string.Join(" | ", document.Events.Select(e => $"{e.Type}{(e.Modality == Modality.Asserted ? "" : "/" + e.Modality.ToString().ToLowerInvariant())} «{document[e.Trigger]}» A {Codes(e.Actors, document)} R {Codes(e.Recipients, document)}"))}\n    {record.Text}"));
            }
        }

        var perType = new SortedDictionary<string, PrecisionRecall>(StringComparer.Ordinal);
        foreach (string type in pairs.Select(p => p.Gold).Distinct())
        {
            int tp = pairs.Count(p => p.Gold == type && p.Predicted == type);
            int fp = pairs.Count(p => p.Gold != type && p.Predicted == type);
            int fn = pairs.Count(p => p.Gold == type && p.Predicted != type);
            perType[type] = new PrecisionRecall(tp, tp + fp, tp, tp + fn);
        }

        return new EventScores(pairs.Count, pairs.Count(p => p.Gold == p.Predicted), perType.Values.Average(p => p.F1), perType,
            sources, sourceRight, sourceCountry, targets, targetRight, targetCountry, messages);
    }

    /// <summary>Records at even positions (dev) or odd ones (test), or all.</summary>
    public static IReadOnlyList<PloverRecord> Split(IReadOnlyList<PloverRecord> records, string split) => split switch
    {
        "dev" => [.. records.Where((_, i) => i % 2 == 0)],
        "test" => [.. records.Where((_, i) => i % 2 == 1)],
        _ => records,
    };

    private static bool Covers(string text, string words, TextSpan trigger)
    {
        for (int at = text.IndexOf(words, StringComparison.Ordinal); at >= 0; at = text.IndexOf(words, at + 1, StringComparison.Ordinal))
        {
            if (trigger.Start < at + words.Length && at < trigger.End)
            {
                return true;
            }
        }

        return false;
    }

    private static (int Gold, int Right, int CountryRight) Score(IReadOnlyList<PloverActor> gold, IReadOnlyList<EventParticipant>? found)
    {
        int n = 0, right = 0, country = 0;
        foreach (PloverActor actor in gold.Where(a => a.Code is not "***" && (a.Code is not null || a.Sector is not null)))
        {
            n++;
            string? sector = actor.Sector is { Length: >= 3 } s ? s[..3] : actor.Sector;
            if (found is null)
            {
                continue;
            }

            // A sector coded «***» is one the coder left undetermined («Palestinian prisoners» PSE/***), as «***»
            // actors are: any sector fits, only the country is compared.
            country += found.Any(p => p.Country == actor.Code) ? 1 : 0;
            right += found.Any(p => p.Country == actor.Code && (sector == "***" || p.Sector == sector)) ? 1 : 0;
        }

        return (n, right, country);
    }

    private static string Codes(IEnumerable<PloverActor> actors) => "[" + string.Join(" + ", actors.Select(a => $"{a.Code ?? "?"}/{a.Sector ?? "?"} «{a.Text}»")) + "]";

    private static string Codes(IEnumerable<EventParticipant> actors, Document document) => "[" + string.Join(" + ", actors.Select(a => $"{a.Country ?? "?"}/{a.Sector ?? "?"} «{document[a.Span]}»")) + "]";
}

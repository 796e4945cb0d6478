using System.Collections.Immutable;
using System.Globalization;
using Sitrep.Articles;
using Sitrep.Corpora;
using Sitrep.Documents;
using Sitrep.Mentions.Places;
using Sitrep.Pipeline;

namespace Sitrep.Evaluation;

/// <summary>Scores of <c>sitrep eval geo</c>.</summary>
public sealed record GeoScores
{
    /// <summary>Gold toponyms with a location (GeoNames id or coordinates) that resolution was given.</summary>
    public int Given { get; init; }

    /// <summary>Of those, the ones with a GeoNames id, and how many resolved to exactly that id.</summary>
    public int WithId { get; init; }

    public int ExactMatches { get; init; }

    /// <summary>Gold toponyms whose gold coordinates are known here (in the gazetteer, or written in the note).</summary>
    public int Located { get; init; }

    /// <summary>Of the located ones, those resolved within 161 km (100 miles) of the gold location.</summary>
    public int Within161Km { get; init; }

    /// <summary>Given toponyms resolution left without an entry.</summary>
    public int Unresolved { get; init; }

    /// <summary>End-to-end detection of place-name spans, exact boundaries.</summary>
    public PrecisionRecall Detection { get; init; }

    /// <summary>End-to-end detection where any overlap counts.</summary>
    public PrecisionRecall DetectionOverlap { get; init; }

    public ImmutableArray<string> Errors { get; init; } = [];

    public double ExactAccuracy => WithId == 0 ? 0 : (double)ExactMatches / WithId;

    public double Accuracy161 => Located == 0 ? 0 : (double)Within161Km / Located;

    /// <summary>Within 161 km over every given toponym, counting those whose gold location is unknown here as misses.</summary>
    public double Accuracy161AllGiven => Given == 0 ? 0 : (double)Within161Km / Given;
}

/// <summary>
/// Geoparsing on GeoWebNews: (a) resolution given the gold toponym spans — exact GeoNames match and accuracy
/// within 161 km; (b) end-to-end detection of place-name spans (<see cref="GeoToponym.IsPlaceName"/>) by the full
/// pipeline. The documents are English news; the pipeline runs with the language fixed to English.
/// </summary>
public static class GeoEvaluation
{
    public const double ToleranceKm = 161;

    public static GeoScores Run(IReadOnlyList<GeoWebNewsDocument> documents, Gazetteer gazetteer, int maxErrors = 0)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(gazetteer);
        ExtractionPipeline pipeline = new ExtractionPipelineBuilder().UseDefaults().Build();
        var lexicon = PlaceLexicon.For("en");
        var recognizer = new PlaceRecognizer(gazetteer, lexicon);
        var resolver = new PlaceResolver(gazetteer, lexicon);
        var errors = ImmutableArray.CreateBuilder<string>();
        int given = 0, withId = 0, exact = 0, located = 0, within = 0, unresolved = 0;
        PrecisionRecall detection = default, overlap = default;
        foreach (GeoWebNewsDocument gold in documents)
        {
            Document document = pipeline.Extract(new Article { Id = gold.Name, Text = gold.Text, Language = "en" });
            int[] toDerived = ToDerived(document.OffsetMap);

            // (a) Resolution of the gold spans.
            var spans = gold.Toponyms.Where(t => t.HasLocation).ToList();
            var mentions = new List<PlaceMention>(spans.Count);
            foreach (GeoToponym toponym in spans)
            {
                var span = TextSpan.FromBounds(toDerived[toponym.Start], toDerived[toponym.End]);
                int token = document.FirstTokenFrom(span.Start);
                int sentence = Math.Max(0, document.Sentences.ToList().FindIndex(s => s.Span.Contains(span.Start)));
                mentions.Add(new PlaceMention(span, sentence, token < 0 ? PlaceCue.None : recognizer.CueBefore(document, token), PlaceSource.Given));
            }

            ImmutableArray<Place> places = resolver.Resolve(document, mentions);
            for (int i = 0; i < spans.Count; i++)
            {
                GeoToponym toponym = spans[i];
                GazetteerPlace? entry = places.First(p => p.Mentions.Contains(mentions[i])).Entry;
                given++;
                unresolved += entry is null ? 1 : 0;
                bool right = false;
                if (toponym.GeonamesId is { } id)
                {
                    withId++;
                    right = entry?.GeonamesId == id;
                    exact += right ? 1 : 0;
                }

                (double Lat, double Lon)? truth = toponym.Latitude is { } lat ? (lat, toponym.Longitude!.Value)
                    : toponym.GeonamesId is { } gid && gazetteer.ByGeonamesId(gid) is { } known ? (known.Latitude, known.Longitude) : null;
                if (truth is { } t)
                {
                    located++;
                    bool near = entry is not null && Geo.DistanceKm(t.Lat, t.Lon, entry.Latitude, entry.Longitude) <= ToleranceKm;
                    within += near ? 1 : 0;
                    if (!near && errors.Count < maxErrors)
                    {
                        errors.Add(string.Create(CultureInfo.InvariantCulture,
                            $"{gold.Name}\tresolve\t{toponym.Text}\tgold {toponym.GeonamesId} {gazetteer.ByGeonamesId(toponym.GeonamesId ?? 0)?.Name}\tgot {entry?.GeonamesId} {entry?.Name} {entry?.Feature} {entry?.Country}"));
                    }
                }
            }

            // (b) End-to-end detection.
            var expected = gold.Toponyms.Where(t => t.IsPlaceName).Select(t => (t.Start, t.End)).Distinct().ToList();
            var predicted = document.PlaceMentions.Select(m => (Start: document.OffsetMap.ToOriginal(m.Span.Start), End: document.OffsetMap.ToOriginal(m.Span.End))).Distinct().ToList();
            int correct = predicted.Count(p => expected.Contains(p));
            detection += PrecisionRecall.FromCounts(expected.Count, predicted.Count, correct);
            overlap += new PrecisionRecall(
                predicted.Count(p => expected.Any(e => e.Start < p.End && p.Start < e.End)), predicted.Count,
                expected.Count(e => predicted.Any(p => e.Start < p.End && p.Start < e.End)), expected.Count);
            foreach (var miss in expected.Where(e => !predicted.Contains(e)).Concat(predicted.Where(p => !expected.Contains(p))))
            {
                if (errors.Count < maxErrors * 2)
                {
                    bool missed = expected.Contains(miss);
                    errors.Add($"{gold.Name}\t{(missed ? "missed" : "spurious")}\t{gold.Text[miss.Start..miss.End]}\t{(missed ? gold.Toponyms.First(t => t.Start == miss.Start && t.End == miss.End).Type : string.Join(',', gold.Toponyms.Where(t => t.Start < miss.End && miss.Start < t.End).Select(t => t.Type)))}");
                }
            }
        }

        return new GeoScores
        {
            Given = given,
            WithId = withId,
            ExactMatches = exact,
            Located = located,
            Within161Km = within,
            Unresolved = unresolved,
            Detection = detection,
            DetectionOverlap = overlap,
            Errors = errors.ToImmutable(),
        };
    }

    /// <summary>For each original position, the derived position it maps to (the inverse of <see cref="OffsetMap.ToOriginal(int)"/>).</summary>
    private static int[] ToDerived(OffsetMap map)
    {
        int[] derived = new int[map.OriginalLength + 1];
        Array.Fill(derived, -1);
        for (int p = map.DerivedLength; p >= 0; p--)
        {
            derived[map.ToOriginal(p)] = p;
        }

        for (int o = map.OriginalLength - 1; o >= 0; o--)
        {
            if (derived[o] < 0)
            {
                derived[o] = derived[o + 1];
            }
        }

        return derived;
    }
}

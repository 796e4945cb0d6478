using System.Collections.Immutable;
using System.Globalization;
using Sitrep.Documents;
using Sitrep.Segmentation;

namespace Sitrep.Mentions.Places;

/// <summary>
/// Resolves an article's place mentions against the gazetteer. Each candidate of a name is scored on what it
/// is (country, division, town, curated entry), its size, whether the name is one of its main names, what the
/// cue before the mention asks for («région de» → a division, «ville de» → a town), and — in a second pass —
/// the article's context: the countries its other places and nationality words point to, places near the
/// others, and containment (a facility in a town the article names, a town in a division it names). The best
/// candidate wins; a name with no candidate stays a place with no gazetteer entry. Mentions resolved to the
/// same entry become one place.
/// </summary>
public sealed class PlaceResolver(Gazetteer gazetteer, PlaceLexicon lexicon)
{
    /// <summary>Places within this distance of another place of the article count as its neighbours.</summary>
    public const double NeighbourKm = 250;

    /// <summary>The population from which one word inside a longer name is taken for the town (see <see cref="NamedAfter"/>).</summary>
    private const long LargeTown = 100_000;

    public ImmutableArray<Place> Resolve(Document document, IReadOnlyList<PlaceMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(mentions);
        var candidates = new IReadOnlyList<GazetteerHit>[mentions.Count];
        for (int i = 0; i < mentions.Count; i++)
        {
            candidates[i] = Qualified(Candidates(document[mentions[i].Span], PeriodFollows(document, mentions[i].Span)), Qualifiers(document, mentions[i].Span));
        }

        // A cue carries over a coordination: «les provinces d’Idleb et d’Alep», «the towns of X and Y».
        var cues = new PlaceCue[mentions.Count];
        for (int i = 0; i < mentions.Count; i++)
        {
            cues[i] = mentions[i].Cue;
            if (i > 0 && cues[i] is PlaceCue.None or PlaceCue.Location && cues[i - 1] is PlaceCue.Region or PlaceCue.City
                && mentions[i - 1].Span.End <= mentions[i].Span.Start
                && lexicon.Coordinations.Contains(GazetteerKey.Normalize(document.Text.AsSpan(mentions[i - 1].Span.End, mentions[i].Span.Start - mentions[i - 1].Span.End))))
            {
                cues[i] = cues[i - 1];
            }
        }

        // Pass 1: each mention on its own.
        var chosen = new GazetteerPlace?[mentions.Count];
        for (int i = 0; i < mentions.Count; i++)
        {
            chosen[i] = Best(candidates[i], cues[i], null);
        }

        // Pass 2: with the article's context, from the first pass and the nationality words.
        var context = ArticleContext.Create([.. chosen], NationalityCountries(document));
        for (int i = 0; i < mentions.Count; i++)
        {
            chosen[i] = Best(candidates[i], cues[i], context.Without(i));
        }

        return Group(document, mentions, chosen);
    }

    /// <summary>
    /// The entries a written name can refer to, trying the forms the press adds to names («the», «’s»); a nationality
    /// word given as a place (an adjectival toponym: «French ports») refers to its country, a continent adjective
    /// («European») to its continent; a longer name that is not in the gazetteer, to the place it is named after
    /// (<see cref="NamedAfter"/>).
    /// </summary>
    public IReadOnlyList<GazetteerHit> Candidates(string text, bool periodFollows = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (PointedTo(text) is { } pointed)
        {
            return [pointed];
        }

        IReadOnlyList<GazetteerHit> hits = gazetteer.Match(text, periodFollows);
        string key = GazetteerKey.Normalize(text);
        foreach (string variant in Variants(key))
        {
            if (hits.Count > 0)
            {
                break;
            }

            hits = Gazetteer.Match(text, periodFollows, gazetteer.FindKey(variant));
        }

        return hits.Count > 0 ? hits : NamedAfter(text);
    }

    /// <summary>The country a nationality word points to, or the continent a continent word points to, or null.</summary>
    private GazetteerHit? PointedTo(string word) =>
        ((lexicon.DemonymCountry(word) is { } code ? gazetteer.Country(code) : null)
            ?? (lexicon.ContinentOf(word) is { } id ? gazetteer.ByGeonamesId(id) : null)) is { } place
            ? new GazetteerHit(place, true)
            : null;

    /// <summary>
    /// The place a name of several words that the gazetteer lacks is named after: what follows its last link word
    /// («University of Alberta», «Banque de France»), the country of its leading nationality word («British Embassy»),
    /// else its longest trailing or leading run of words that names a country, a region or a town («South Florida»,
    /// «Colorado State University», «Dubai World Cup»), as a main name. None for a single word.
    /// </summary>
    private IReadOnlyList<GazetteerHit> NamedAfter(string text)
    {
        string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return [];
        }

        int link = Array.FindLastIndex(words, w => lexicon.Links.Contains(w));
        if (link >= 0 && link < words.Length - 1 && Areas(Candidates(string.Join(' ', words[(link + 1)..])), words.Length - 1 - link) is { Count: > 0 } after)
        {
            return after;
        }

        if (PointedTo(words[0]) is { } pointed)
        {
            return [pointed];
        }

        for (int n = words.Length - 1; n >= 1; n--)
        {
            if (Areas(gazetteer.Match(string.Join(' ', words[^n..])), n) is { Count: > 0 } trailing)
            {
                return trailing;
            }

            if (Areas(gazetteer.Match(string.Join(' ', words[..n])), n) is { Count: > 0 } leading)
            {
                return leading;
            }
        }

        return [];

        // A single word inside a longer name is as often a common word or a surname as a small town («Union»,
        // «Commerce», «Robinson»): alone, it counts only as a country, a first-order division or a large town.
        static List<GazetteerHit> Areas(IReadOnlyList<GazetteerHit> hits, int words = 2) =>
            [.. hits.Where(h => h.MainName && (h.Place.IsCountry || h.Place.IsRegion || h.Place.IsPopulatedPlace)
                && (words > 1 || h.Place.IsCountry || h.Place.Feature is "ADM1" or "PPLC" or "PPLA" || (h.Place.IsPopulatedPlace && h.Place.Population >= LargeTown)))];
    }

    /// <summary>
    /// «Parkland, Fla.», «Colchester, England»: the countries and first-order divisions named right after a comma
    /// that follows the mention — the press's way of saying which of several homonyms it means.
    /// </summary>
    private List<GazetteerPlace> Qualifiers(Document document, TextSpan span)
    {
        var qualifiers = new List<GazetteerPlace>();
        int comma = document.FirstTokenFrom(span.End);
        if (comma < 0 || comma + 1 >= document.Tokens.Length || document[document.Tokens[comma].Span] != "," || document.Tokens[comma].Span.Start != span.End)
        {
            return qualifiers;
        }

        for (int last = Math.Min(document.Tokens.Length - 1, comma + 3); last > comma && qualifiers.Count == 0; last--)
        {
            var name = TextSpan.FromBounds(document.Tokens[comma + 1].Span.Start, document.Tokens[last].Span.End);
            qualifiers.AddRange(gazetteer.Match(document.Slice(name), PeriodFollows(document, name))
                .Where(h => h.MainName && (h.Place.IsCountry || h.Place.Feature == "ADM1"))
                .Select(h => h.Place));
        }

        return qualifiers;
    }

    /// <summary>When a qualifier follows the name, only the candidates inside it (if any are).</summary>
    private static IReadOnlyList<GazetteerHit> Qualified(IReadOnlyList<GazetteerHit> hits, List<GazetteerPlace> qualifiers)
    {
        if (qualifiers.Count == 0)
        {
            return hits;
        }

        GazetteerHit[] inside = [.. hits.Where(h => qualifiers.Any(q => q != h.Place && (q.IsCountry ? q.Country == h.Place.Country : q.Admin1Code == h.Place.Admin1Code)))];
        return inside.Length > 0 ? inside : hits;
    }

    private static bool PeriodFollows(Document document, TextSpan span) => span.End < document.Text.Length && document.Text[span.End] == '.';

    private static IEnumerable<string> Variants(string key)
    {
        foreach (string article in (string[])["the ", "la ", "le ", "les ", "l ", "d "])
        {
            if (key.StartsWith(article, StringComparison.Ordinal))
            {
                yield return key[article.Length..];
            }
        }

        if (key.EndsWith(" s", StringComparison.Ordinal))
        {
            yield return key[..^2];
        }
    }

    private static GazetteerPlace? Best(IReadOnlyList<GazetteerHit> hits, PlaceCue cue, ArticleContext? context)
    {
        GazetteerPlace? best = null;
        double bestScore = double.NegativeInfinity;
        foreach (GazetteerHit hit in hits)
        {
            double score = Score(hit, cue, context);

            // A division named after its seat («Kherson», «Mykolaïv») is the town unless a cue asks for the region.
            if (cue != PlaceCue.Region && hit.Place.IsRegion && hit.Place.Admin1Code is { } admin1
                && hits.Any(h => h.Place.IsPopulatedPlace && h.Place.Admin1Code == admin1 && h.Place.Feature != "PPL"))
            {
                score -= 2.5;
            }

            if (score > bestScore || (score == bestScore && best is not null && hit.Place.Index < best.Index))
            {
                (best, bestScore) = (hit.Place, score);
            }
        }

        return best;
    }

    internal static double Score(GazetteerHit hit, PlaceCue cue, ArticleContext? context)
    {
        GazetteerPlace place = hit.Place;
        bool curated = place.Feature != "ADM2" && (place.GeonamesId is null || place.Within >= 0 || place.Feature == "CONT");

        // Size, on a log scale; a curated entry (continent, sea, press region, facility) counts as widely known.
        double score = (curated ? 6 : Math.Log10(place.Population + 1)) * 0.6;
        score += place.Feature switch
        {
            "PCLI" => 4.0,
            "ADM1" => 1.2,
            "ADM2" => -0.5,
            "PPLC" => hit.MainName ? 2.5 : 0.5, // not «Salisbury» for Harare
            "PPLA" => 0.8,
            "PPLA2" => 0.3,
            "PPLX" => -0.5,
            _ when curated => place.IsRegion ? 2.0 : 1.0,
            _ => 0,
        };
        score += hit.MainName ? 1.0 : 0;
        score += (cue, place.Precision) switch
        {
            (PlaceCue.Region, PlacePrecision.Region) => 5.0,
            (PlaceCue.Region, _) => -2.0,
            (PlaceCue.City, PlacePrecision.City) => 4.0,
            (PlaceCue.City, PlacePrecision.Region or PlacePrecision.Country) => -2.0,
            _ => 0,
        };
        if (cue == PlaceCue.Region && place.Feature == "ADM1" && place.Name.EndsWith(" City", StringComparison.Ordinal))
        {
            score -= 1.5; // «région de Kiev» is the oblast, not the capital's own division
        }

        if (context is not null)
        {
            score += context.Support(place);
        }

        return score;
    }

    private IEnumerable<string> NationalityCountries(Document document)
    {
        foreach (Token token in document.Tokens)
        {
            string word = document[token.Span];
            if (lexicon.DemonymCountry(word) is { } country)
            {
                yield return country;
            }
        }
    }

    private ImmutableArray<Place> Group(Document document, IReadOnlyList<PlaceMention> mentions, GazetteerPlace?[] chosen)
    {
        var groups = new List<(GazetteerPlace? Entry, string Key, List<PlaceMention> Mentions)>();
        for (int i = 0; i < mentions.Count; i++)
        {
            string key = GazetteerKey.Normalize(document[mentions[i].Span]);
            int g = groups.FindIndex(x => chosen[i] is { } entry ? x.Entry == entry : x.Entry is null && x.Key == key);
            if (g < 0)
            {
                groups.Add((chosen[i], key, []));
                g = groups.Count - 1;
            }

            groups[g].Mentions.Add(mentions[i]);
        }

        return [.. groups.Select((g, i) => new Place
        {
            Id = "P" + (i + 1).ToString(CultureInfo.InvariantCulture),
            Name = g.Entry?.Name ?? document[g.Mentions[0].Span],
            Entry = g.Entry,
            Admin1 = g.Entry is null ? null : gazetteer.Admin1Name(g.Entry),
            Mentions = [.. g.Mentions],
        })];
    }

    /// <summary>What the rest of the article says about where it is.</summary>
    internal sealed class ArticleContext
    {
        private readonly GazetteerPlace?[] _chosen;
        private readonly Dictionary<string, double> _countries;
        private readonly double _total;
        private readonly int _skip;

        private ArticleContext(GazetteerPlace?[] chosen, Dictionary<string, double> countries, double total, int skip)
        {
            _chosen = chosen;
            _countries = countries;
            _total = total;
            _skip = skip;
        }

        /// <summary>Countries weighted by the places chosen in them (1 each) and the nationality words naming them (½ each).</summary>
        public static ArticleContext Create(GazetteerPlace?[] chosen, IEnumerable<string> nationalities)
        {
            var countries = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (string country in chosen.Select(p => p?.Country).OfType<string>())
            {
                countries[country] = countries.GetValueOrDefault(country) + 1;
            }

            foreach (string country in nationalities)
            {
                countries[country] = countries.GetValueOrDefault(country) + 0.5;
            }

            return new ArticleContext(chosen, countries, countries.Values.Sum(), -1);
        }

        /// <summary>The same context seen from mention <paramref name="index"/>: its own first-pass choice left out.</summary>
        public ArticleContext Without(int index) => new(_chosen, _countries, _total, index);

        public double Support(GazetteerPlace place)
        {
            double support = 0;
            GazetteerPlace? own = _skip >= 0 ? _chosen[_skip] : null;
            if (place.Country is { } country && _total > 0)
            {
                double weight = _countries.GetValueOrDefault(country) - (own?.Country == country ? 1 : 0);
                double total = _total - (own?.Country is null ? 0 : 1);
                support += total > 0 ? 3.0 * weight / total : 0;
            }

            for (int i = 0; i < _chosen.Length; i++)
            {
                if (i == _skip || _chosen[i] is not { } other || other == place)
                {
                    continue;
                }

                if (place.Within >= 0 && place.Within == other.Index)
                {
                    support += 3.0;
                }
                else if (place.IsPopulatedPlace && other.Feature == "ADM1" && other.Admin1Code == place.Admin1Code)
                {
                    support += 1.5;
                }
                else if (!place.IsCountry && !other.IsCountry && other.Precision != PlacePrecision.Region && place.DistanceTo(other) < NeighbourKm)
                {
                    support += 0.5;
                }
            }

            return support;
        }
    }
}

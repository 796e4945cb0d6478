using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Mentions.Entities;
using Sitrep.Segmentation;

namespace Sitrep.Mentions.Places;

/// <summary>
/// Finds the place names of a document: its LOC entities, and capitalised names outside any entity that the
/// gazetteer knows and that the tagger reads as a proper noun or that a cue announces («près de X»). A
/// nationality word is never a place, nor a name inside a time expression («March», «Thursday»). Works without
/// entities or parts of speech (then only gazetteer names announced by a cue, or of countries and divisions, are
/// taken). Each mention carries the cue before it. Runs after the time stage.
/// </summary>
public sealed class PlaceRecognizer(Gazetteer gazetteer, PlaceLexicon lexicon)
{
    private const int LongestName = 6;

    public ImmutableArray<PlaceMention> Recognize(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var mentions = new List<PlaceMention>();
        var covered = new bool[document.Tokens.Length];
        foreach (EntityMention entity in document.EntityMentions)
        {
            for (int t = entity.FirstToken; t < entity.FirstToken + entity.TokenCount; t++)
            {
                covered[t] = true;
            }

            if (entity.Type == "LOC" && !IsDemonym(document[entity.Span]))
            {
                foreach ((int first, int last) in NameParts(document, entity.FirstToken, entity.FirstToken + entity.TokenCount))
                {
                    var span = TextSpan.FromBounds(document.Tokens[first].Span.Start, document.Tokens[last].Span.End);
                    mentions.Add(new PlaceMention(span, entity.Sentence, CueBefore(document, first), PlaceSource.Entity));
                }
            }
        }

        for (int s = 0; s < document.Sentences.Length; s++)
        {
            Sentence sentence = document.Sentences[s];
            int end = sentence.FirstToken + sentence.TokenCount;
            for (int t = sentence.FirstToken; t < end; t++)
            {
                if (covered[t])
                {
                    continue;
                }

                if (Based(document, t) is { } based)
                {
                    mentions.Add(new PlaceMention(based, s, PlaceCue.Location, PlaceSource.Gazetteer));
                    continue;
                }

                if (!Capitalised(document.Slice(document.Tokens[t].Span)))
                {
                    continue;
                }

                int last = LongestMatch(document, t, end, covered);
                if (last < 0)
                {
                    continue;
                }

                var span = TextSpan.FromBounds(document.Tokens[t].Span.Start, document.Tokens[last].Span.End);
                PlaceCue cue = CueBefore(document, t);
                if (Accept(document, t, last, sentence, span, cue))
                {
                    mentions.Add(new PlaceMention(span, s, cue, PlaceSource.Gazetteer));
                    t = last;
                }
            }
        }

        mentions.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return [.. mentions];
    }

    /// <summary>
    /// An entity span split at punctuation other than name-internal hyphens, apostrophes and periods: «Odessa
    /// (Ukraine)» in a dateline names two places.
    /// </summary>
    private static IEnumerable<(int First, int Last)> NameParts(Document document, int start, int end)
    {
        int first = -1;
        for (int t = start; t <= end; t++)
        {
            bool separator = t == end || (document.Tokens[t].Kind == TokenKind.Punctuation && document[document.Tokens[t].Span] is not "-" and not "'" and not "’" and not ".");
            if (!separator && first < 0)
            {
                first = t;
            }
            else if (separator && first >= 0)
            {
                yield return (first, t - 1);
                first = -1;
            }
        }
    }

    /// <summary>The cue among the words just before token <paramref name="first"/>, longest first.</summary>
    public PlaceCue CueBefore(Document document, int first)
    {
        ArgumentNullException.ThrowIfNull(document);
        for (int n = Math.Min(lexicon.LongestCue, first); n >= 1; n--)
        {
            int start = document.Tokens[first - n].Span.Start;
            string key = GazetteerKey.Normalize(document.Text.AsSpan(start, document.Tokens[first].Span.Start - start));
            if (lexicon.Cues.TryGetValue(key, out PlaceCue cue))
            {
                return cue;
            }
        }

        return PlaceCue.None;
    }

    private bool IsDemonym(string text) => lexicon.DemonymCountry(text) is not null;

    /// <summary>«Kyiv-based»: the place name before the suffix, when the gazetteer knows it.</summary>
    private TextSpan? Based(Document document, int t)
    {
        if (lexicon.BasedSuffix is not { } suffix)
        {
            return null;
        }

        ReadOnlySpan<char> token = document.Slice(document.Tokens[t].Span);
        if (token.Length <= suffix.Length + 1 || !token.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) || !Capitalised(token))
        {
            return null;
        }

        ReadOnlySpan<char> name = token[..^suffix.Length];
        return gazetteer.ContainsKey(GazetteerKey.Normalize(name)) ? new TextSpan(document.Tokens[t].Span.Start, name.Length) : null;
    }

    /// <summary>The last token of the longest gazetteer name starting at <paramref name="first"/>, or -1.</summary>
    private int LongestMatch(Document document, int first, int end, bool[] covered)
    {
        int found = -1;
        for (int last = first; last < Math.Min(end, first + LongestName) && !covered[last]; last++)
        {
            ReadOnlySpan<char> word = document.Slice(document.Tokens[last].Span);
            if (last > first && document.Tokens[last].Span.Start - document.Tokens[last - 1].Span.End > 1)
            {
                break;
            }

            if (document.Tokens[last].Kind == TokenKind.Punctuation && word is not "-" and not "'" and not "’" and not ".")
            {
                break;
            }

            int start = document.Tokens[first].Span.Start, stop = document.Tokens[last].Span.End;
            if (Capitalised(word) && gazetteer.ContainsKey(GazetteerKey.Normalize(document.Text.AsSpan(start, stop - start)))
                && gazetteer.Match(document.Text.AsSpan(start, stop - start), stop < document.Text.Length && document.Text[stop] == '.').Count > 0)
            {
                found = last;
            }
        }

        return found;
    }

    /// <summary>
    /// A gazetteer name outside any entity is taken when it is a whole name (no capitalised word runs on before or
    /// after it: «Street» in «Royal Street», «New» in «New Orleans Railways»), no nationality word, and either a cue
    /// announces it or the tagger reads its first word as a proper noun (not at the start of a sentence, where
    /// capitals say nothing) — or, in a document without parts of speech, when it names a country or a division.
    /// </summary>
    private bool Accept(Document document, int first, int last, Sentence sentence, TextSpan span, PlaceCue cue)
    {
        string text = document[span];
        if (IsDemonym(text) || RunsOn(document, first - 1, sentence, before: true) || RunsOn(document, last + 1, sentence, before: false)
            || document.Times.Any(t => t.Span.Overlaps(span)))
        {
            return false;
        }

        IReadOnlyList<GazetteerHit> hits = gazetteer.Match(text, span.End < document.Text.Length && document.Text[span.End] == '.');
        bool country = hits.Any(h => h.MainName && h.Place.IsCountry);
        if (first == last && !country && lexicon.CommonWords.Contains(text.ToLowerInvariant()))
        {
            return false;
        }

        if (cue != PlaceCue.None)
        {
            return document.PartsOfSpeech.IsDefaultOrEmpty || document.PartsOfSpeech[first] is "PROPN" or "NOUN" or "X";
        }

        if (document.PartsOfSpeech.IsDefaultOrEmpty)
        {
            return hits.Any(h => h.MainName && (h.Place.IsCountry || h.Place.Feature == "ADM1"));
        }

        // At the start of a sentence only a dateline in capitals («LOS ANGELES —») says its capitals mean a name.
        bool dateline = text.Length > 3 && text.All(c => !char.IsLetter(c) || char.IsUpper(c));
        string pos = document.PartsOfSpeech[first];
        bool name = dateline ? pos is "PROPN" or "NOUN" or "X" : first > sentence.FirstToken && pos == "PROPN";
        return name && hits.Any(Prominent);
    }

    /// <summary>Known well enough to be taken without a cue: a country, a division, a curated entry or a town of 20 000, under a main name.</summary>
    private static bool Prominent(GazetteerHit hit) =>
        hit.MainName && (hit.Place.Precision is PlacePrecision.Country or PlacePrecision.Region || hit.Place.GeonamesId is null || hit.Place.Within >= 0 || hit.Place.Population >= 20_000);

    /// <summary>Whether token <paramref name="t"/> is a capitalised word that continues the name (a sentence's first word does only when it is a proper noun).</summary>
    private static bool RunsOn(Document document, int t, Sentence sentence, bool before)
    {
        if (t < sentence.FirstToken || t >= sentence.FirstToken + sentence.TokenCount || document.Tokens[t].Kind != TokenKind.Word)
        {
            return false;
        }

        TextSpan near = document.Tokens[t].Span, name = document.Tokens[before ? t + 1 : t - 1].Span;
        if ((before ? name.Start - near.End : near.Start - name.End) > 1 || !Capitalised(document.Slice(near)))
        {
            return false;
        }

        return t > sentence.FirstToken || (!document.PartsOfSpeech.IsDefaultOrEmpty && document.PartsOfSpeech[t] == "PROPN");
    }

    private static bool Capitalised(ReadOnlySpan<char> word) => word.Length > 0 && char.IsUpper(word[0]);
}

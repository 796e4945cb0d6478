using System.Collections.Immutable;
using Sitrep.Articles;
using Sitrep.Events;
using Sitrep.Mentions.Dates;
using Sitrep.Mentions.Entities;
using Sitrep.Mentions.Places;
using Sitrep.Mentions.Quotes;
using Sitrep.Segmentation;
using Sitrep.Tagging.Dependencies;

namespace Sitrep.Documents;

/// <summary>
/// The article as the engine sees it: normalised text, its language, and the layers each stage adds.
/// Immutable; a stage returns a copy with its layer set (<c>document with { Sentences = … }</c>).
/// Every span in every layer indexes <see cref="Text"/>; <see cref="OffsetMap"/> leads back to
/// <see cref="Article.Text"/>.
/// </summary>
public sealed record Document
{
    public required Article Article { get; init; }

    /// <summary>The article's id, or the first 16 hex digits of the SHA-256 of <see cref="Text"/>.</summary>
    public required string Id { get; init; }

    public required string Text { get; init; }

    public required OffsetMap OffsetMap { get; init; }

    /// <summary>ISO 639-1 code, or "und" when the language could not be told.</summary>
    public string Language { get; init; } = LanguageCodes.Undetermined;

    public ImmutableArray<Token> Tokens { get; init; } = [];

    public ImmutableArray<Sentence> Sentences { get; init; } = [];

    /// <summary>Universal part-of-speech tag of each token (parallel to <see cref="Tokens"/>); empty when the language has no tagger.</summary>
    public ImmutableArray<string> PartsOfSpeech { get; init; } = [];

    /// <summary>Lemma of each token (parallel to <see cref="Tokens"/>); empty when the language has no lemmatizer.</summary>
    public ImmutableArray<string> Lemmas { get; init; } = [];

    /// <summary>
    /// Syntactic head and Universal Dependencies relation of each token (parallel to <see cref="Tokens"/>), one tree per
    /// sentence; empty when the language has no parser. Not part of the sitrep/1 JSON (see <c>sitrep extract --format conllu</c>).
    /// </summary>
    public ImmutableArray<Dependency> Dependencies { get; init; } = [];

    /// <summary>Named-entity mentions in text order.</summary>
    public ImmutableArray<EntityMention> EntityMentions { get; init; } = [];

    /// <summary>The article's entities: its mentions clustered per referent, in order of first mention.</summary>
    public ImmutableArray<Entity> Entities { get; init; } = [];

    /// <summary>Place names in text order, each with the cue before it.</summary>
    public ImmutableArray<PlaceMention> PlaceMentions { get; init; } = [];

    /// <summary>The article's places: mentions resolved against the gazetteer and grouped per entry, in order of first mention.</summary>
    public ImmutableArray<Place> Places { get; init; } = [];

    /// <summary>Who said what, in text order.</summary>
    public ImmutableArray<Quote> Quotes { get; init; } = [];

    /// <summary>What happened: PLOVER-coded events in text order.</summary>
    public ImmutableArray<Event> Events { get; init; } = [];

    /// <summary>Temporal expressions in text order, resolved against the publication date (or the inferred one).</summary>
    public ImmutableArray<TimeMention> Times { get; init; } = [];

    /// <summary>The publication date read from the text when the article gave none («vendredi (13 mai)»), else null.</summary>
    public DateOnly? InferredPublished { get; init; }

    public string this[TextSpan span] => Text.Substring(span.Start, span.Length);

    public ReadOnlySpan<char> Slice(TextSpan span) => Text.AsSpan(span.Start, span.Length);

    /// <summary>The spans of <see cref="Tokens"/>, for taggers that read spans (slice it with a sentence's token range).</summary>
    public TextSpan[] TokenSpans()
    {
        var spans = new TextSpan[Tokens.Length];
        for (int i = 0; i < spans.Length; i++)
        {
            spans[i] = Tokens[i].Span;
        }

        return spans;
    }

    /// <summary>The tokens lying wholly inside <paramref name="span"/>, as the range [First, End) of token indices (empty when none).</summary>
    /// <param name="span">A span of <see cref="Text"/>.</param>
    public (int First, int End) TokensWithin(TextSpan span)
    {
        int first = FirstTokenFrom(span.Start);
        if (first < 0)
        {
            return (0, 0);
        }

        int end = first;
        while (end < Tokens.Length && Tokens[end].Span.End <= span.End)
        {
            end++;
        }

        return (first, end);
    }

    /// <summary>The index of the first token starting at or after <paramref name="position"/>, or -1 (bisection).</summary>
    public int FirstTokenFrom(int position)
    {
        int lo = 0, hi = Tokens.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Tokens[mid].Span.Start >= position)
            {
                (found, hi) = (mid, mid - 1);
            }
            else
            {
                lo = mid + 1;
            }
        }

        return found;
    }

    public ReadOnlySpan<Token> TokensOf(Sentence sentence) => Tokens.AsSpan().Slice(sentence.FirstToken, sentence.TokenCount);
}

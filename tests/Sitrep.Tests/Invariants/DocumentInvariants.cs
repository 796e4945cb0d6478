using Sitrep.Documents;
using Sitrep.Segmentation;
using Sitrep.Serialization;
using Sitrep.Tagging.Dependencies;

namespace Sitrep.Tests.Invariants;

/// <summary>What must hold for every document the pipeline produces, whatever the input.</summary>
internal static class DocumentInvariants
{
    public static void Check(Document document)
    {
        string text = document.Text;
        Assert.Equal(text.Length, document.OffsetMap.DerivedLength);
        Assert.Equal(document.Article.Text.Length, document.OffsetMap.OriginalLength);

        int previousEnd = 0;
        foreach (Token token in document.Tokens)
        {
            Assert.True(token.Span.Start >= previousEnd, $"token {token.Span} overlaps or precedes the previous one");
            Assert.True(token.Span.End <= text.Length, $"token {token.Span} ends past the text ({text.Length})");
            Assert.False(token.Span.IsEmpty, $"empty token at {token.Span.Start}");
            previousEnd = token.Span.End;

            TextSpan original = document.OffsetMap.ToOriginal(token.Span);
            Assert.True(original.End <= document.Article.Text.Length, $"token {token.Span} maps outside the article ({original})");
        }

        int nextToken = 0;
        previousEnd = 0;
        foreach (Sentence sentence in document.Sentences)
        {
            Assert.True(sentence.Span.Start >= previousEnd, $"sentence {sentence.Span} overlaps the previous one");
            Assert.True(sentence.Span.End <= text.Length, $"sentence {sentence.Span} ends past the text");
            Assert.Equal(nextToken, sentence.FirstToken);
            foreach (Token token in document.TokensOf(sentence))
            {
                Assert.True(sentence.Span.Contains(token.Span), $"token {token.Span} is outside its sentence {sentence.Span}");
            }

            nextToken += sentence.TokenCount;
            previousEnd = sentence.Span.End;
        }

        Assert.Equal(document.Tokens.Length, nextToken);

        // Dependencies: none at all, or one tree per sentence (a single root, heads inside the sentence, no cycle).
        if (!document.Dependencies.IsDefaultOrEmpty)
        {
            Assert.Equal(document.Tokens.Length, document.Dependencies.Length);
            foreach (Sentence sentence in document.Sentences)
            {
                var heads = new int[sentence.TokenCount + 1];
                for (int i = 0; i < sentence.TokenCount; i++)
                {
                    Dependency arc = document.Dependencies[sentence.FirstToken + i];
                    Assert.False(string.IsNullOrEmpty(arc.Relation), $"token {sentence.FirstToken + i} has no relation");
                    Assert.True(arc.IsRoot || (arc.Head >= sentence.FirstToken && arc.Head < sentence.FirstToken + sentence.TokenCount), $"token {sentence.FirstToken + i} has its head {arc.Head} outside its sentence");
                    heads[i + 1] = arc.IsRoot ? 0 : arc.Head - sentence.FirstToken + 1;
                }

                Assert.True(sentence.TokenCount == 0 || Projectivizer.IsTree(heads), $"sentence {sentence.Span} is not parsed as a tree");
            }
        }

        // The contract view: every span's text is the substring it points at, and the JSON reads back.
        SitrepDocumentModel model = SitrepJson.ToModel(document);
        foreach (SentenceModel sentence in model.Sentences)
        {
            foreach (TokenModel token in sentence.Tokens)
            {
                Assert.Equal(token.Text, text[token.Start..token.End]);
            }
        }

        // Places: every mention is a non-empty span of the text, in exactly one place; entities point at real places.
        foreach (PlaceModel place in model.Places)
        {
            Assert.NotEmpty(place.Mentions);
            Assert.All(place.Mentions, m => Assert.Equal(m.Text, text[m.Start..m.End]));
            Assert.True(place.Lat is null || place.Lat is >= -90 and <= 90, $"place {place.Id} latitude {place.Lat}");
        }

        Assert.Equal(document.PlaceMentions.Length, model.Places.Sum(p => p.Mentions.Length));
        Assert.All(model.Entities.Where(e => e.Place is not null), e => Assert.Contains(model.Places, p => p.Id == e.Place));

        // Quotes: content, cue and speaker are spans of the text; a speaker's entity exists.
        foreach (QuoteModel quote in model.Quotes)
        {
            Assert.False(string.IsNullOrEmpty(quote.Content.Text), $"quote {quote.Id} has an empty content");
            Assert.Equal(quote.Content.Text, text[quote.Content.Start..quote.Content.End]);
            Assert.True(quote.Cue is null || quote.Cue.Text == text[quote.Cue.Start..quote.Cue.End], $"quote {quote.Id} cue");
            Assert.True(quote.Speaker is null || quote.Speaker.Text == text[quote.Speaker.Start..quote.Speaker.End], $"quote {quote.Id} speaker");
            Assert.True(quote.Speaker?.Entity is null || model.Entities.Any(e => e.Id == quote.Speaker.Entity), $"quote {quote.Id} speaker entity");
        }

        SitrepDocumentModel roundTrip = SitrepJson.Deserialize(SitrepJson.Serialize(model));
        Assert.Equal(model.Text, roundTrip.Text);
        Assert.Equal(model.Sentences.Length, roundTrip.Sentences.Length);
    }
}

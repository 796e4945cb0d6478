using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Mentions.Dates;
using Sitrep.Segmentation;

namespace Sitrep.Serialization;

/// <summary>Reads and writes the sitrep/1 contract.</summary>
public static class SitrepJson
{
    // Non-ASCII letters are written as they are ("Kharkiv", "déclaré"), not as \u escapes: the output is JSON
    // for analysts and tools, and web pages escape what they render.
    private static readonly JsonSerializerOptions Compact = CreateOptions(indented: false);
    private static readonly JsonSerializerOptions Indented = CreateOptions(indented: true);

    // Reads a document without its sentences' tokens (skipped, not built): most of a document's objects, and nothing a
    // store keeps apart from the JSON itself.
    private static readonly JsonSerializerOptions WithoutTokens = CreateOptions(indented: false, SitrepJsonContext.Default.WithAddedModifier(info =>
    {
        if (info.Type == typeof(SentenceModel))
        {
            info.Properties.Single(p => p.Name == "tokens").CustomConverter = new SkippedTokens();
        }
    }));

    private static JsonSerializerOptions CreateOptions(bool indented, IJsonTypeInfoResolver? resolver = null)
    {
        var options = new JsonSerializerOptions(SitrepJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            TypeInfoResolver = resolver ?? SitrepJsonContext.Default,
        };
        options.MakeReadOnly();
        return options;
    }

    public static string Serialize(SitrepDocumentModel model, bool indented = false) =>
        JsonSerializer.Serialize(model, Options(indented).GetTypeInfo(typeof(SitrepDocumentModel)));

    public static string Serialize(ErrorModel error, bool indented = false) =>
        JsonSerializer.Serialize(error, Options(indented).GetTypeInfo(typeof(ErrorModel)));

    public static string Serialize(Document document, bool indented = false) => Serialize(ToModel(document), indented);

    public static SitrepDocumentModel Deserialize(string json) =>
        (SitrepDocumentModel?)JsonSerializer.Deserialize(json, Compact.GetTypeInfo(typeof(SitrepDocumentModel)))
        ?? throw new JsonException("null is not a sitrep/1 document");

    /// <summary>As <see cref="Deserialize"/>, but every sentence's <see cref="SentenceModel.Tokens"/> is left empty.</summary>
    public static SitrepDocumentModel DeserializeWithoutTokens(string json) =>
        (SitrepDocumentModel?)JsonSerializer.Deserialize(json, WithoutTokens.GetTypeInfo(typeof(SitrepDocumentModel)))
        ?? throw new JsonException("null is not a sitrep/1 document");

    public static InputArticleModel? DeserializeInput(string json) =>
        (InputArticleModel?)JsonSerializer.Deserialize(json, Compact.GetTypeInfo(typeof(InputArticleModel)));

    private static JsonSerializerOptions Options(bool indented) => indented ? Indented : Compact;

    /// <summary>The contract view of a document.</summary>
    public static SitrepDocumentModel ToModel(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        string text = document.Text;
        var sentences = ImmutableArray.CreateBuilder<SentenceModel>(document.Sentences.Length);
        foreach (Sentence sentence in document.Sentences)
        {
            ReadOnlySpan<Token> tokens = document.TokensOf(sentence);
            var tokenModels = ImmutableArray.CreateBuilder<TokenModel>(tokens.Length);
            foreach (Token token in tokens)
            {
                int index = sentence.FirstToken + tokenModels.Count;
                tokenModels.Add(new TokenModel(token.Span.Start, token.Span.End, text.Substring(token.Span.Start, token.Span.Length), KindName(token.Kind))
                {
                    Pos = document.PartsOfSpeech.IsDefaultOrEmpty ? null : document.PartsOfSpeech[index],
                    Lemma = document.Lemmas.IsDefaultOrEmpty ? null : document.Lemmas[index],
                });
            }

            sentences.Add(new SentenceModel(sentence.Span.Start, sentence.Span.End) { Tokens = tokenModels.MoveToImmutable() });
        }

        return new SitrepDocumentModel
        {
            Article = new ArticleModel
            {
                Id = document.Id,
                Source = document.Article.Source,
                Url = document.Article.Url,
                Title = document.Article.Title,
                Language = document.Language,
                Published = document.Article.Published?.ToString() ?? document.InferredPublished?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                PublishedInferred = document.Article.Published is null && document.InferredPublished is not null,
                Warnings = document.Article.Warnings,
            },
            Text = text,
            Sentences = sentences.MoveToImmutable(),
            Entities = [.. document.Entities.Select(e => new EntityModel
            {
                Id = e.Id,
                Type = e.Type,
                Name = e.Name,
                Mentions = [.. e.Mentions.Select(m => new SpanModel(m.Span.Start, m.Span.End, document[m.Span]))],
                Roles = e.Roles,
                Country = e.Country,
                Place = e.Place,
            })],
            Places = [.. document.Places.Select(p => new PlaceModel
            {
                Id = p.Id,
                Name = p.Name,
                GeonamesId = p.Entry?.GeonamesId,
                Lat = p.Entry is null ? null : Math.Round(p.Entry.Latitude, 4),
                Lon = p.Entry is null ? null : Math.Round(p.Entry.Longitude, 4),
                Country = p.Entry?.Country,
                Admin1 = p.Admin1,
                Feature = p.Entry?.Feature,
                Precision = p.Precision?.ToString().ToLowerInvariant(),
                Mentions = [.. p.Mentions.Select(m => new SpanModel(m.Span.Start, m.Span.End, document[m.Span]))],
            })],
            Quotes = [.. document.Quotes.Select((q, i) => new QuoteModel
            {
                Id = "Q" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Kind = q.Kind.ToString().ToLowerInvariant(),
                Content = new SpanModel(q.Content.Start, q.Content.End, document[q.Content]),
                Cue = q.Cue is { } cue ? new CueModel(cue.Start, cue.End, document[cue], q.CueLemma) : null,
                Speaker = q.Speaker is { } speaker ? new SpeakerModel(q.SpeakerEntity, speaker.Start, speaker.End, document[speaker]) : null,
            })],
            Events = [.. document.Events.Select((e, i) => new EventModel
            {
                Id = "V" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Type = e.Type,
                Mode = e.Mode,
                Context = e.Context,
                CameoRoot = e.CameoRoot,
                Acled = e.Acled is { } acled ? new AcledModel(acled.EventType, acled.SubEventType) : null,
                Trigger = new SpanModel(e.Trigger.Start, e.Trigger.End, document[e.Trigger]),
                Actors = [.. e.Actors.Select(a => Participant(document, a))],
                Recipients = [.. e.Recipients.Select(a => Participant(document, a))],
                Location = e.Location is { } l ? new LocationModel(l.Place, l.Span.Start, l.Span.End, document[l.Span]) : null,
                Date = e.Date is { } d ? new EventDateModel(d.Time is { } t ? "T" + (t + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null, d.Value, d.Precision) : null,
                Dead = Count(document, e.Dead),
                Injured = Count(document, e.Injured),
                Modality = e.Modality.ToString().ToLowerInvariant(),
                Reporter = e.Reporter is { } r ? new SpeakerModel(r.Entity, r.Span.Start, r.Span.End, document[r.Span]) : null,
                Sentence = e.Sentence,
                Confidence = e.Confidence,
            })],
            Times = [.. document.Times.Select((t, i) => new TimeModel("T" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), t.Span.Start, t.Span.End, document[t.Span], TimexTypes.Name(t.Type), t.Value))],
        };
    }

    private static ActorModel Participant(Document document, EventParticipant p) =>
        new(p.Entity, p.Span.Start, p.Span.End, document[p.Span], p.Country, p.Sector);

    private static CasualtyModel? Count(Document document, Casualties? c) =>
        c is null ? null : new CasualtyModel(c.Best, c.Low, c.High, c.Span.Start, c.Span.End, document[c.Span]);

    private static string KindName(TokenKind kind) => kind switch
    {
        TokenKind.Word => "word",
        TokenKind.Number => "number",
        TokenKind.Punctuation => "punct",
        TokenKind.Symbol => "symbol",
        TokenKind.Url => "url",
        TokenKind.Email => "email",
        _ => "other",
    };

    /// <summary>Reads past a token array, building nothing; never writes.</summary>
    private sealed class SkippedTokens : System.Text.Json.Serialization.JsonConverter<ImmutableArray<TokenModel>>
    {
        public override ImmutableArray<TokenModel> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            reader.Skip();
            return [];
        }

        public override void Write(Utf8JsonWriter writer, ImmutableArray<TokenModel> value, JsonSerializerOptions options) =>
            throw new NotSupportedException("tokens skipped on reading cannot be written");
    }
}

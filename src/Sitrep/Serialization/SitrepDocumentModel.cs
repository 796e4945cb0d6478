using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Sitrep.Serialization;

// The sitrep/1 contract (../shared/CONTRACT.md) as serialisable records. Field names are snake_case by the
// source-generated context; required fields are always written, null or [] when empty. Fields beyond the
// contract (tokens, warnings) are extensions the contract allows.

public sealed record SitrepDocumentModel
{
    public const string SchemaVersion = "sitrep/1";

    public string Schema { get; init; } = SchemaVersion;

    public required ArticleModel Article { get; init; }

    public required string Text { get; init; }

    public ImmutableArray<SentenceModel> Sentences { get; init; } = [];

    public ImmutableArray<EntityModel> Entities { get; init; } = [];

    public ImmutableArray<PlaceModel> Places { get; init; } = [];

    public ImmutableArray<TimeModel> Times { get; init; } = [];

    public ImmutableArray<QuoteModel> Quotes { get; init; } = [];

    public ImmutableArray<EventModel> Events { get; init; } = [];
}

/// <summary>What a JSON Lines batch prints for an input line that could not be processed.</summary>
public sealed record ErrorModel(string Error, ErrorArticleModel Article)
{
    public string Schema { get; init; } = SitrepDocumentModel.SchemaVersion;
}

public sealed record ErrorArticleModel(string? Id, int? Line);

public sealed record ArticleModel
{
    public required string Id { get; init; }

    public string? Source { get; init; }

    public string? Url { get; init; }

    public string? Title { get; init; }

    public required string Language { get; init; }

    public string? Published { get; init; }

    public bool PublishedInferred { get; init; }

    /// <summary>Extension: what had to be guessed while reading the input (encoding fallbacks …).</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];
}

public sealed record SentenceModel(int Start, int End)
{
    /// <summary>Extension: the sentence's tokens.</summary>
    public ImmutableArray<TokenModel> Tokens { get; init; } = [];
}

public sealed record TokenModel(int Start, int End, string Text, string Kind)
{
    /// <summary>Extension: the token's universal part of speech (UPOS), when the language has a tagger.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Pos { get; init; }

    /// <summary>Extension: the token's lemma, when the language has a lemmatizer.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Lemma { get; init; }
}

public sealed record SpanModel(int Start, int End, string Text);

public sealed record EntityModel
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public required string Name { get; init; }

    public ImmutableArray<SpanModel> Mentions { get; init; } = [];

    public ImmutableArray<string> Roles { get; init; } = [];

    public string? Country { get; init; }

    public string? Place { get; init; }
}

public sealed record PlaceModel
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public long? GeonamesId { get; init; }

    public double? Lat { get; init; }

    public double? Lon { get; init; }

    public string? Country { get; init; }

    public string? Admin1 { get; init; }

    public string? Feature { get; init; }

    public string? Precision { get; init; }

    public ImmutableArray<SpanModel> Mentions { get; init; } = [];
}

public sealed record TimeModel(string Id, int Start, int End, string Text, string Type, string? Value);

public sealed record QuoteModel
{
    public required string Id { get; init; }

    public required string Kind { get; init; }

    public required SpanModel Content { get; init; }

    public CueModel? Cue { get; init; }

    public SpeakerModel? Speaker { get; init; }
}

public sealed record CueModel(int Start, int End, string Text, string? Lemma);

public sealed record SpeakerModel(string? Entity, int Start, int End, string Text);

public sealed record EventModel
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public string? Mode { get; init; }

    public ImmutableArray<string> Context { get; init; } = [];

    public string? CameoRoot { get; init; }

    public AcledModel? Acled { get; init; }

    public required SpanModel Trigger { get; init; }

    public ImmutableArray<ActorModel> Actors { get; init; } = [];

    public ImmutableArray<ActorModel> Recipients { get; init; } = [];

    public LocationModel? Location { get; init; }

    public EventDateModel? Date { get; init; }

    public CasualtyModel? Dead { get; init; }

    public CasualtyModel? Injured { get; init; }

    public required string Modality { get; init; }

    public SpeakerModel? Reporter { get; init; }

    public int Sentence { get; init; }

    public double Confidence { get; init; }
}

public sealed record AcledModel(string EventType, string? SubEventType);

public sealed record ActorModel(string? Entity, int Start, int End, string Text, string? Country, string? Sector);

public sealed record LocationModel(string? Place, int Start, int End, string Text);

public sealed record EventDateModel(string? Time, string? Value, string Precision);

public sealed record CasualtyModel(int? Best, int? Low, int? High, int Start, int End, string Text);

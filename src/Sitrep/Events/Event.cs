using System.Collections.Immutable;
using Sitrep.Documents;

namespace Sitrep.Events;

/// <summary>Whether the article says the event happened, and on whose word.</summary>
public enum Modality : byte
{
    /// <summary>The article states it happened.</summary>
    Asserted,

    /// <summary>It happened according to someone the article cites (the event's <see cref="Event.Reporter"/>).</summary>
    Reported,

    /// <summary>It may have happened («pourrait», «aurait tué», «may have»).</summary>
    Hedged,

    /// <summary>It did not happen («n'a pas attaqué», «sans donner»).</summary>
    Negated,

    /// <summary>Announced, intended or attempted («prévoit de», «tentent de», «pour évacuer», «will»).</summary>
    Planned,

    /// <summary>Someone asked for it («a exigé que … se retirent»).</summary>
    Demanded,

    /// <summary>Conditional («si … attaquait»).</summary>
    Hypothetical,
}

/// <summary>
/// Who acts or is acted upon: the span naming it, its entity when it names one, and its PLOVER coding — an ISO
/// 3166-1 alpha-3 country (or IGO / NGO) and a sector (GOV, MIL, REB, CVL …), each null when the text does not say.
/// </summary>
public sealed record EventParticipant(TextSpan Span, string? Entity, string? Country, string? Sector);

/// <summary>A count of killed or wounded as written: «au moins 12» is low 12; «plusieurs centaines» low 200, best 300, high 900.</summary>
public sealed record Casualties(TextSpan Span, int? Best, int? Low, int? High);

/// <summary>
/// When the event happened: the time expression it came from (index into <see cref="Document.Times"/>), its TIMEX3
/// value, and the precision (day, week, month, year, or unknown when taken from the publication date).
/// </summary>
public sealed record EventDate(int? Time, string Value, string Precision);

/// <summary>Where the event happened: the place mention's span and the id of its place (<see cref="Document.Places"/>), when resolved.</summary>
public sealed record EventLocation(TextSpan Span, string? Place);

/// <summary>The one who reported the event: a quotation's speaker span and entity.</summary>
public sealed record EventReporter(TextSpan Span, string? Entity);

/// <summary>
/// One event of an article, PLOVER-coded: type, mode and contexts, with CAMEO root and ACLED type; its trigger span
/// and sentence; who acted on whom, where, when, how many were killed or wounded; and whether it happened.
/// </summary>
public sealed record Event
{
    public required string Type { get; init; }

    public string? Mode { get; init; }

    public ImmutableArray<string> Context { get; init; } = [];

    public string? CameoRoot { get; init; }

    public AcledType? Acled { get; init; }

    public required TextSpan Trigger { get; init; }

    /// <summary>The trigger's lemma, as the lexicon lists it.</summary>
    public required string Lemma { get; init; }

    public ImmutableArray<EventParticipant> Actors { get; init; } = [];

    public ImmutableArray<EventParticipant> Recipients { get; init; } = [];

    public EventLocation? Location { get; init; }

    public EventDate? Date { get; init; }

    public Casualties? Dead { get; init; }

    public Casualties? Injured { get; init; }

    public Modality Modality { get; init; }

    public EventReporter? Reporter { get; init; }

    /// <summary>Index of the trigger's sentence in <see cref="Document.Sentences"/>.</summary>
    public int Sentence { get; init; }

    public double Confidence { get; init; }
}

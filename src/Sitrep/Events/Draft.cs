using System.Collections.Immutable;
using Sitrep.Documents;

namespace Sitrep.Events;

/// <summary>An event while the extractor fills it in: its trigger row and token, the phrases found as its arguments, and the fields so far.</summary>
internal sealed class Draft(TriggerEntry entry, int token, SentenceView view)
{
    public TriggerEntry Entry { get; } = entry;

    public int Token { get; } = token;

    public int Sentence { get; } = view.Index;

    public List<EventParticipant> Actors { get; } = [];

    public List<EventParticipant> Recipients { get; } = [];

    /// <summary>The noun phrases taken as actors or recipients (a trigger inside one belongs to this event).</summary>
    public List<Chunk> ArgumentChunks { get; } = [];

    /// <summary>Tokens of the actor phrases: a place named there is who acted, not where.</summary>
    public HashSet<int> ActorTokens { get; } = [];

    public bool Passive { get; set; }

    public string? Mode { get; set; } = entry.Mode;

    public ImmutableArray<string> Context { get; set; } = [];

    public Modality Modality { get; set; }

    public EventReporter? Reporter { get; set; }

    public EventLocation? Location { get; set; }

    public EventDate? Date { get; set; }

    public Casualties? Dead { get; set; }

    public Casualties? Injured { get; set; }

    /// <summary>Takes another mention's participants and counts (the same event named twice).</summary>
    public void Absorb(Draft other, SentenceView view)
    {
        _ = view;
        foreach (EventParticipant actor in other.Actors.Where(a => !Actors.Any(b => Same(a, b))))
        {
            Actors.Add(actor);
        }

        foreach (EventParticipant recipient in other.Recipients.Where(a => !Recipients.Any(b => Same(a, b)) && !Actors.Any(b => Same(a, b))))
        {
            Recipients.Add(recipient);
        }

        ArgumentChunks.AddRange(other.ArgumentChunks);
        ActorTokens.UnionWith(other.ActorTokens);
        Dead ??= other.Dead;
        Injured ??= other.Injured;
        Mode ??= other.Mode;
    }

    public Event ToEvent(Document document, EventOntology ontology)
    {
        string type = Entry.Type;
        AcledType? acled = ontology.Acled(type, Mode);
        if (acled is { EventType: "Battles" } && Recipients.Any(r => r.Sector == "CVL"))
        {
            // One-sided violence against civilians is its own ACLED type.
            acled = new AcledType("Violence against civilians", "Attack");
        }

        double confidence = 0.4 + (Actors.Count > 0 ? 0.2 : 0) + (Recipients.Count > 0 ? 0.1 : 0) + (Location is not null ? 0.1 : 0)
            + (Date?.Time is not null ? 0.1 : 0) + (Entry.Requires.Count > 0 ? 0.05 : 0);
        return new Event
        {
            Type = type,
            Mode = Mode,
            Context = Context,
            CameoRoot = ontology.CameoRoot(type, Mode),
            Acled = acled,
            Trigger = document.Tokens[Token].Span,
            Lemma = Entry.Lemma,
            Actors = [.. Actors],
            Recipients = [.. Recipients],
            Location = Location,
            Date = Date,
            Dead = Dead,
            Injured = Injured,
            Modality = Modality,
            Reporter = Reporter,
            Sentence = Sentence,
            Confidence = Math.Round(Math.Min(confidence, 0.95), 2),
        };
    }

    private static bool Same(EventParticipant a, EventParticipant b) =>
        (a.Entity is not null && a.Entity == b.Entity) || (a.Span.Start < b.Span.End && b.Span.Start < a.Span.End)
        || (a.Entity is null && b.Entity is null && a.Country == b.Country && a.Sector == b.Sector && a.Country is not null);
}

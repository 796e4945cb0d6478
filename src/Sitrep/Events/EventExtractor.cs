using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Sitrep.Documents;
using Sitrep.Mentions.Dates;
using Sitrep.Mentions.Places;
using Sitrep.Mentions.Quotes;

namespace Sitrep.Events;

/// <summary>
/// Finds the events of a document from its tags, entities, places, times and quotations, with a language's
/// <see cref="EventLexicon"/>: triggers by lemma, then for each trigger its arguments by shallow syntax (the subject
/// before the verb group, the object after it, «par» agents of passives, «de X» complements of nouns, the subject of
/// a light verb for «lancer une offensive»), its modality from the clause and the quotation around it, its place and
/// date from the clause or the sentence, and casualty counts. An event named again («ces pourparlers») is merged into
/// the first mention. Works on any language with a lexicon and a part-of-speech tagger; returns nothing otherwise.
/// </summary>
public sealed class EventExtractor
{
    private const int Window = 5;

    private readonly EventLexicon _lexicon;
    private readonly PlaceLexicon _places;
    private readonly EventOntology _ontology = EventOntology.Plover;
    private readonly string[] _passive;
    private readonly string _reflexive;
    private readonly string[] _definite;
    private readonly string[] _participles;
    private readonly string[] _gerunds;

    public EventExtractor(EventLexicon lexicon, PlaceLexicon places)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(places);
        _lexicon = lexicon;
        _places = places;
        _passive = (lexicon.Word("grammar", "passive") ?? "").Split('|');
        _reflexive = lexicon.Word("grammar", "reflexive") is { } reflexive && reflexive != "-" ? reflexive : "";
        _definite = (lexicon.Word("grammar", "definite") ?? "").Split('|');
        _participles = (lexicon.Word("grammar", "participle") ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries);
        _gerunds = (lexicon.Word("grammar", "gerund") ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries);
    }

    public ImmutableArray<Event> Extract(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (_lexicon.IsEmpty || document.PartsOfSpeech.IsDefaultOrEmpty)
        {
            return [];
        }

        var coder = new ActorCoder(document, _lexicon, _places);
        var events = new List<Draft>();
        EventParticipant? lastActor = null;
        (int Token, int Index)[] timeTokens = [.. document.Times.Select((t, i) => (document.FirstTokenFrom(t.Span.Start), i)).Order()];
        var timeStarts = timeTokens.Select(t => t.Token).ToHashSet();
        int[] quoteOfToken = QuoteOfToken(document);
        var syntax = Syntax.Of(document);
        bool[] named = SentenceView.NamedTokens(document);
        foreach ((int s, int first, int end) in Windows(document))
        {
            var view = new SentenceView(document, s, first, end, _lexicon, timeStarts, named);
            var drafts = new List<Draft>();
            for (int t = view.First; t < view.End; t++)
            {
                if (Match(view, t) is { } entry)
                {
                    drafts.Add(new Draft(entry, t, view));
                }
            }

            AddCasualties(document, view, drafts);
            foreach (Draft draft in drafts)
            {
                Arguments(document, view, coder, syntax, draft, ref lastActor);
            }

            if (drafts.Count > 0 && coder.SentenceCountry(view) is { } only)
            {
                foreach (Draft draft in drafts)
                {
                    Domestic(draft.Actors, only);
                    Domestic(draft.Recipients, only);
                }
            }

            MergeWithinSentence(view, drafts);
            foreach (Draft draft in drafts)
            {
                draft.Modality = ModalityOf(document, view, draft, quoteOfToken, out EventReporter? reporter);
                draft.Reporter = reporter;
                draft.Location = LocationOf(view, coder, draft);
                draft.Date = DateOf(document, view, draft, timeTokens);
                draft.Mode ??= ModeFromWords(view, draft);
                draft.Context = ContextOf(view, draft);
            }

            foreach (Draft draft in drafts)
            {
                if (!MergeWithEarlier(events, view, draft))
                {
                    events.Add(draft);
                }
            }

            // The last coded actor of the sentence stands for «il», «ils» in the next one.
            foreach (Chunk chunk in view.Chunks.Where(c => !c.IsPronoun && c.Preposition is null))
            {
                lastActor = coder.Code(view, chunk) ?? lastActor;
            }
        }

        return [.. events.Select(d => d.ToEvent(document, _ontology))];
    }

    /// <summary>
    /// Sectors of a country's own politics: a government, a parliament, a court, an opposition, a party, police or rebels
    /// named without their country («President Mugabe», «the opposition», «les séparatistes») belong to the only country
    /// the sentence names («Opposition groups in Zimbabwe are demanding that President Mugabe …»). Soldiers and civilians
    /// are left alone: they are often foreign to the place they are named in («Russian troops shelled villages»).
    /// </summary>
    private static readonly FrozenSet<string> DomesticSectors = FrozenSet.ToFrozenSet(["GOV", "LEG", "JUD", "OPP", "PTY", "COP", "REB", "ELI"], StringComparer.Ordinal);

    private static void Domestic(List<EventParticipant> participants, string country)
    {
        for (int i = 0; i < participants.Count; i++)
        {
            if (participants[i] is { Country: null, Sector: { } sector } && DomesticSectors.Contains(sector))
            {
                participants[i] = participants[i] with { Country = country };
            }
        }
    }

    /// <summary>
    /// The token ranges events are read in: each sentence, cut after a semicolon, colon or comma (else anywhere)
    /// into windows of at most <see cref="MaxWindowTokens"/> tokens when it is longer, so text without sentence
    /// ends (a 5 MB line) costs linear time.
    /// </summary>
    private static IEnumerable<(int Sentence, int First, int End)> Windows(Document document)
    {
        for (int s = 0; s < document.Sentences.Length; s++)
        {
            int first = document.Sentences[s].FirstToken, end = first + document.Sentences[s].TokenCount;
            while (end - first > MaxWindowTokens)
            {
                int cut = first + MaxWindowTokens;
                for (int t = cut - 1; t > first + (MaxWindowTokens / 2); t--)
                {
                    if (document[document.Tokens[t].Span] is ";" or ":" or ",")
                    {
                        cut = t + 1;
                        break;
                    }
                }

                yield return (s, first, cut);
                first = cut;
            }

            yield return (s, first, end);
        }
    }

    private const int MaxWindowTokens = 250;

    /// <summary>For each token, the index of the first quotation whose content holds it, else -1.</summary>
    private static int[] QuoteOfToken(Document document)
    {
        int[] quoteOf = new int[document.Tokens.Length];
        Array.Fill(quoteOf, -1);
        for (int q = 0; q < document.Quotes.Length; q++)
        {
            (int first, int end) = document.TokensWithin(document.Quotes[q].Content);
            for (int t = first; t < end; t++)
            {
                if (quoteOf[t] < 0)
                {
                    quoteOf[t] = q;
                }
            }
        }

        return quoteOf;
    }

    private TriggerEntry? Match(SentenceView view, int t)
    {
        string tag = view.Tag(t);
        if (tag is not ("VERB" or "NOUN" or "ADJ" or "PROPN"))
        {
            return null;
        }

        string lemma = view.Lemma(t), word = view.Word(t);
        IEnumerable<string> keys = _lexicon.Triggers(lemma).Count > 0 || _lexicon.Triggers(word).Count > 0 ? [lemma, word] : _lexicon.UninflectedTriggers(word);
        foreach (string key in keys)
        {
            foreach (TriggerEntry entry in _lexicon.Triggers(key))
            {
                bool posFits = entry.IsNoun ? tag is "NOUN" or "PROPN" : tag is "VERB" or "ADJ";
                if (posFits && entry.Requires.All(group => group.Any(c => Holds(view, t, c))) && !entry.Unless.Any(c => Holds(view, t, c)))
                {
                    return entry;
                }
            }
        }

        return null;
    }

    private static bool Holds(SentenceView view, int t, TriggerCondition condition)
    {
        bool Is(int k) => view.Contains(k) && (view.Lemma(k) == condition.Lemma || view.Word(k) == condition.Lemma);
        return condition.Place switch
        {
            ConditionPlace.Next => Is(t + 1),
            ConditionPlace.Before => Is(t - 1) || Is(t - 2) || Is(t - 3),
            _ => Enumerable.Range(t - Window, (2 * Window) + 1).Any(k => k != t && Is(k)),
        };
    }

    /// <summary>
    /// The verb group of a verb trigger: its auxiliaries, clitics, negation, and the verbs that govern it through an
    /// infinitive («tentent d'éteindre», «continuent d'être bombardés»). Returns the first token of the group.
    /// </summary>
    private int GroupStart(SentenceView view, int t, out bool passive)
    {
        passive = false;
        bool linked = false;
        int k = t - 1;
        int start = t;
        while (view.Contains(k))
        {
            string tag = view.Tag(k), lemma = view.Lemma(k);
            if (tag == "AUX")
            {
                passive |= _passive.Contains(lemma) && !HasReflexive(view, k, t) && !linked;
                start = k;
            }
            else if (tag == "VERB" && start == k + 1)
            {
                start = k;
            }
            else if (tag is "ADV" or "PART" || (tag == "PRON" && !_lexicon.Is("pronoun", view.Word(k)) && view.Word(k) != "qui"))
            {
                // adverbs, negation, clitics: part of the group only when a verb precedes them
            }
            else if (tag == "ADP" && view.Contains(k - 1) && view.Tag(k - 1) is "VERB" or "AUX" or "ADV")
            {
                // «tentent d'éteindre»: the infinitive's subject is the governing verb's; «a été de capturer» is no passive
                start = k;
                linked = true;
            }
            else
            {
                break;
            }

            k--;
        }

        // A participle right after a noun is a reduced passive («l'usine assiégée», «des civils tués»).
        return start;
    }

    /// <summary>
    /// A participle right after its noun is a passive («l'usine assiégée») in languages whose participles the lexicon
    /// lists by ending; elsewhere («soldiers killed») only with an agent after it («civilians killed by»).
    /// </summary>
    private bool IsReducedPassive(SentenceView view, int t)
    {
        string word = view.Word(t);
        return word != view.Lemma(t) && (_participles.Any(word.EndsWith)
            || (view.Contains(t + 1) && _lexicon.Word("preposition", view.Word(t + 1)) == "agent"));
    }

    private bool HasReflexive(SentenceView view, int from, int to)
    {
        for (int k = from - 2; k < to; k++)
        {
            if (view.Contains(k) && view.Lemma(k) == _reflexive && _reflexive.Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    private void Arguments(Document document, SentenceView view, ActorCoder coder, Syntax? syntax, Draft draft, ref EventParticipant? lastActor)
    {
        int t = draft.Token;
        int clause = view.ClauseOf(t);
        TriggerFrame frame = draft.Entry.Frame;
        var actors = new List<Chunk>();
        var recipients = new List<Chunk>();
        EventParticipant? subjectPronoun = null;

        if (!draft.Entry.IsNoun)
        {
            Roles roles = (syntax is null ? null : ParsedRoles(view, syntax, t)) ?? ShallowRoles(view, t, clause);
            Chunk? subject = roles.Subject;
            if (subject is { IsPronoun: true })
            {
                subjectPronoun = Resolve(view, coder, subject, lastActor);
                subject = null;
            }

            bool passive = roles.Passive;
            draft.Passive = passive;
            switch (frame)
            {
                case TriggerFrame.Agent:
                    Add(actors, passive ? roles.Agent : subject);
                    Add(recipients, passive ? subject : roles.Object);
                    recipients.AddRange(Receivers(coder, roles, draft.Entry.Type));
                    Add(recipients, roles.Against);
                    Add(recipients, roles.Addressee);
                    if (recipients.Count == 0 && roles.Governed is { } inner)
                    {
                        // «s'est engagé à verser une aide à l'Ukraine», «agreed to provide aid for Romania»: the receiver of the act it governs.
                        Add(recipients, inner.Object);
                        recipients.AddRange(Receivers(coder, inner, draft.Entry.Type));
                        Add(recipients, inner.Against);

                        // «offered to negotiate with the president of Armenia»: the partner of the act offered receives the offer.
                        recipients.AddRange(inner.With);
                    }

                    break;
                case TriggerFrame.Patient:
                    Add(actors, passive ? subject : roles.Object);
                    Add(recipients, passive ? roles.Agent : subject);
                    break;
                case TriggerFrame.Mutual:
                    Add(actors, passive ? roles.Agent : subject);
                    actors.AddRange(roles.With);
                    Add(recipients, passive ? subject : roles.Object);
                    break;
                case TriggerFrame.Undergoer:
                    Add(actors, roles.Agent);
                    Add(recipients, subject);
                    break;
                default:
                    Add(actors, subject);
                    Add(recipients, roles.Against);
                    break;
            }

            if (subjectPronoun is not null && frame != TriggerFrame.Undergoer && (passive ? frame == TriggerFrame.Patient : frame != TriggerFrame.Patient))
            {
                draft.Actors.Add(subjectPronoun);
                subjectPronoun = null;
            }
            else if (subjectPronoun is not null)
            {
                draft.Recipients.Add(subjectPronoun);
            }
        }
        else
        {
            int own = view.ChunkAt(t);
            Roles roles = NounRoles(view, syntax, t, own, clause);
            Add(actors, roles.Agent);
            Add(actors, roles.Subject);
            actors.AddRange(roles.With);
            Add(recipients, roles.Against);
            recipients.AddRange(Receivers(coder, roles, draft.Entry.Type));
            if (roles.Object is { } complement)
            {
                Add(frame is TriggerFrame.Agent ? recipients : actors, complement);
            }

            // «les frappes russes», «Russian air strikes», «US sanctions»: a nationality adjective or a country's name
            // qualifying the trigger noun names the actor.
            if (own >= 0)
            {
                for (int k = view.Chunks[own].Start; k < view.Chunks[own].End; k++)
                {
                    if (k != t && QualifyingCountry(document, view, coder, k) is { } country)
                    {
                        string? sector = draft.Entry.Type is "ASSAULT" or "MOBILIZE" || draft.Entry.Context == "military" ? "MIL" : null;
                        draft.Actors.Add(new EventParticipant(document.Tokens[k].Span, null, country, sector));
                    }
                }
            }

            // «a lancé une offensive», «held talks with leaders of Romania's government»: the subject of a light verb
            // governing the noun acts, beside any partners the noun names.
            if (roles.Agent is null && roles.Subject is null && draft.Actors.Count == 0 && GoverningVerb(view, syntax, t, own >= 0 ? view.Chunks[own].Start : t) is { } verb)
            {
                string? light = _lexicon.Word("light", view.Lemma(verb));
                if (light is not null)
                {
                    Roles verbRoles = (syntax is null ? null : ParsedRoles(view, syntax, verb)) ?? ShallowRoles(view, verb, view.ClauseOf(verb));
                    Chunk? subject = verbRoles.Subject;

                    // «a imposé des sanctions à la Russie», «apporte son soutien à l'Ukraine»: the light verb's receiver is the event's.
                    recipients.AddRange(Receivers(coder, verbRoles, draft.Entry.Type));
                    Add(recipients, verbRoles.Against);
                    if (subject is { IsPronoun: true })
                    {
                        if (Resolve(view, coder, subject, lastActor) is { } resolved)
                        {
                            (light == "recipient" ? draft.Recipients : draft.Actors).Add(resolved);
                        }
                    }
                    else
                    {
                        Add(light == "recipient" ? recipients : actors, subject);
                    }
                }
            }
        }

        foreach (EventParticipant participant in actors.SelectMany(c => Participants(view, coder, syntax, c)))
        {
            if (!Overlaps(participant, draft.Actors))
            {
                draft.Actors.Add(participant);
            }
        }

        foreach (EventParticipant participant in recipients.SelectMany(c => Participants(view, coder, syntax, c)))
        {
            if (!Overlaps(participant, draft.Recipients) && !Overlaps(participant, draft.Actors))
            {
                draft.Recipients.Add(participant);
            }
        }

        draft.ArgumentChunks.AddRange(actors.Concat(recipients));
        foreach (Chunk chunk in actors)
        {
            for (int k = chunk.Start; k < chunk.End; k++)
            {
                draft.ActorTokens.Add(k);
            }
        }
    }

    /// <summary>
    /// The participants a phrase names; with a parse, also its conjuncts outside the phrase («the president and his
    /// ministers»), and, when the phrase alone does not say whose it is, its possessor, apposition or complement:
    /// «Niger's ambassador» is Niger's, «a camp for Congolese refugees» is the refugees'.
    /// </summary>
    private List<EventParticipant> Participants(SentenceView view, ActorCoder coder, Syntax? syntax, Chunk chunk, int depth = 0)
    {
        List<EventParticipant> found = [.. coder.CodeAll(view, chunk)];
        if (syntax is null)
        {
            return found;
        }

        // The phrase's head, and the word of the phrase the parse hangs it by when that is another one («Niger's
        // ambassador Brah Mohamane»: the chunk's head is the name, the possessor hangs on «ambassador»).
        IEnumerable<int> heads = Enumerable.Range(chunk.Start, chunk.End - chunk.Start)
            .Where(t => t != chunk.Head && (syntax.Head(t) < chunk.Start || syntax.Head(t) >= chunk.End))
            .Prepend(chunk.Head);
        foreach (int child in heads.SelectMany(h => syntax.Children(h).ToArray()))
        {
            if (ChunkOf(view, child) is not { } other || other == chunk)
            {
                continue;
            }

            string relation = syntax.Relation(child);
            if (syntax.Base(child) == "conj" && other.Preposition is null)
            {
                found.AddRange(coder.CodeAll(view, other));
            }
            else if (relation is "nmod:poss" or "appos" || (syntax.Base(child) == "nmod" && (found.Count == 0 || found[0].Country is null)))
            {
                // The complement's own possessor counts too, one level down: «calls by Belarus's rulers».
                if ((depth < 1 ? Participants(view, coder, syntax, other, depth + 1).FirstOrDefault() : coder.Code(view, other)) is not { } whose)
                {
                    continue;
                }

                if (found.Count == 0)
                {
                    found.Add(whose);
                }
                else
                {
                    found[0] = found[0] with { Country = found[0].Country ?? whose.Country, Sector = found[0].Sector ?? (relation == "appos" ? whose.Sector : null) };
                }
            }
        }

        return found;
    }

    /// <summary>The country a word inside a noun phrase names: a nationality adjective («russes»), or a country's name used as a modifier («US»).</summary>
    private string? QualifyingCountry(Document document, SentenceView view, ActorCoder coder, int token) => view.Tag(token) switch
    {
        "ADJ" => ActorCoder.ToAlpha3(_places.DemonymCountry(document[document.Tokens[token].Span])),
        "PROPN" when coder.PlaceAt(token) is { } place && place.Place.Entry is { IsCountry: true } entry => ActorCoder.ToAlpha3(entry.Country),
        _ => null,
    };

    /// <summary>
    /// The «à» / «to» phrases that name who receives, not where. A town or region after «à» / «to» is where («à Kharkiv»,
    /// «to the front»); a country may be whom («sent arms to Pakistan»), and so may a capital after a verbal act, which
    /// names its government («apologized to Seoul», «a écrit à Moscou»), except a meeting's, which happens there.
    /// </summary>
    private IEnumerable<Chunk> Receivers(ActorCoder coder, Roles roles, string type)
    {
        bool capitalReceives = _ontology.IsVerbal(type) && type != "CONSULT";
        return roles.To.Where(c => coder.PlaceAt(c.Head) is not { } place
            || place.Place.Entry is { } entry && (entry.IsCountry || (capitalReceives && entry.Feature == "PPLC")));
    }

    private static Chunk? ChunkOf(SentenceView view, int token) => view.ChunkAt(token) is var c and >= 0 ? view.Chunks[c] : null;

    /// <summary>
    /// A verb's arguments read from the parse: its own subject, object, indirect object and obliques by their
    /// preposition, and, with no subject of its own, the one it shares: the controller of an infinitive («tentent
    /// d'éteindre», «ordered Menem to appear»), the first of coordinated verbs, the noun a participle or a relative
    /// clause modifies. Null when the parse gives the trigger no subject and no object (the shallow reading is then used).
    /// </summary>
    private Roles? ParsedRoles(SentenceView view, Syntax syntax, int t)
    {
        var roles = new Roles();
        foreach (int c in syntax.Children(t))
        {
            if (!view.Contains(c))
            {
                continue;
            }

            string relation = syntax.Relation(c);
            switch (syntax.Base(c))
            {
                case "nsubj":
                    roles.Passive |= relation == "nsubj:pass";
                    break;
                case "aux":
                    roles.Passive |= relation == "aux:pass";
                    break;
                case "obj":
                    roles.Object ??= ChunkOf(view, c);
                    break;
                case "iobj":
                    AddRole(roles.To, ChunkOf(view, c));
                    break;
                case "obl":
                    if (relation == "obl:agent")
                    {
                        roles.Agent ??= ChunkOf(view, c);
                        break;
                    }

                    Oblique(view, syntax, c, roles);
                    break;
                case "xcomp" when view.Tag(c) == "VERB":
                    roles.Governed ??= ParsedRoles(view, syntax, c);
                    break;
                case "ccomp":
                    // «demanded that the United States match …»: whom a demand, threat or accusation is addressed to.
                    int inner = syntax.Child(c, "nsubj");
                    roles.Addressee ??= inner >= 0 ? ChunkOf(view, inner) : null;
                    break;
            }
        }

        int subject = SubjectOf(view, syntax, t);
        for (int h = t, depth = 0; subject < 0 && depth < 4; depth++)
        {
            int head = syntax.Head(h);
            if (head < 0 || !view.Contains(head))
            {
                break;
            }

            string relation = syntax.Relation(h);
            switch (syntax.Base(h))
            {
                case "xcomp":
                    // Object control first («ordered Menem to appear»), else subject control («tentent d'éteindre»).
                    int controller = syntax.Child(head, "obj");
                    subject = controller >= 0 ? controller : SubjectOf(view, syntax, head);
                    break;
                case "conj" or "advcl":
                    subject = SubjectOf(view, syntax, head);
                    if (subject >= 0 && syntax.Relation(subject) == "nsubj:pass" && syntax.Base(h) == "conj" && syntax.Child(h, "aux") < 0 && view.Word(h) != view.Lemma(h))
                    {
                        roles.Passive = true; // «ont été arrêtés et battus»
                    }

                    break;
                case "acl" when relation == "acl:relcl":
                    // «la Russie, qui avait insisté»: the relative pronoun's role is the noun's.
                    int pronoun = -1;
                    foreach (int c in syntax.Children(h))
                    {
                        if (view.Contains(c) && view.Tag(c) == "PRON" && syntax.Base(c) is "nsubj" or "obj")
                        {
                            pronoun = c;
                            break;
                        }
                    }

                    if (pronoun >= 0 && syntax.Base(pronoun) == "obj")
                    {
                        roles.Object ??= ChunkOf(view, head);
                    }
                    else if (pronoun >= 0)
                    {
                        subject = head;
                        roles.Passive |= syntax.Relation(pronoun) == "nsubj:pass";
                    }

                    depth = int.MaxValue - 1;
                    break;
                case "acl":
                    // «l'usine assiégée», «civilians killed by»: a past participle on a noun is a passive; «refugees fleeing» is not.
                    subject = head;
                    roles.Passive = !_gerunds.Any(view.Word(h).EndsWith);
                    break;
                default:
                    depth = int.MaxValue - 1;
                    break;
            }

            h = head;
        }

        roles.Subject = subject >= 0 ? ChunkOf(view, subject)
            : syntax.Base(t) is "xcomp" or "acl" ? null
            : SubjectBefore(view, GroupStart(view, t, out _), view.ClauseOf(t)); // a finite verb the parse left without a subject
        return roles.Subject is null && roles.Object is null && roles.Agent is null ? null : roles;
    }

    /// <summary>A verb's subject: its «nsubj» nearest before it, else after it; a phrase after a preposition is no subject (a misparse).</summary>
    private static int SubjectOf(SentenceView view, Syntax syntax, int verb)
    {
        int found = -1;
        foreach (int c in syntax.Children(verb))
        {
            if (syntax.Base(c) != "nsubj" || ChunkOf(view, c) is null || syntax.Case(c) >= 0)
            {
                continue;
            }

            if (found < 0 || c < verb)
            {
                found = c;
            }
        }

        return found;
    }

    /// <summary>An oblique or nominal complement, by its preposition: an agent, a partner, a target, or the one given to.</summary>
    private void Oblique(SentenceView view, Syntax syntax, int token, Roles roles)
    {
        int preposition = syntax.Case(token);
        if (preposition < 0 || ChunkOf(view, token) is not { } chunk)
        {
            return;
        }

        Assign(roles, _lexicon.Word("preposition", view.Word(preposition)), chunk);
    }

    /// <summary>Puts a phrase in the slot its preposition's role names (agent, with, against, to, of); other prepositions name none.</summary>
    private static void Assign(Roles roles, string? role, Chunk chunk)
    {
        switch (role)
        {
            case "agent":
                roles.Agent ??= chunk;
                break;
            case "with":
                AddRole(roles.With, chunk);
                break;
            case "against":
                roles.Against ??= chunk;
                break;
            case "to":
                AddRole(roles.To, chunk);
                break;
            case "of":
                roles.Complement ??= chunk;
                break;
        }
    }

    private static void AddRole(List<Chunk> list, Chunk? chunk)
    {
        if (chunk is not null && !list.Contains(chunk))
        {
            list.Add(chunk);
        }
    }

    /// <summary>A verb's arguments by position: the nearest phrase before the verb group, and the phrases after it in its clause.</summary>
    private Roles ShallowRoles(SentenceView view, int t, int clause)
    {
        int start = GroupStart(view, t, out bool passive);
        bool reduced = false;
        if (start == t && view.Contains(t - 1) && view.ChunkAt(t - 1) >= 0 && view.Tag(t) == "VERB" && IsReducedPassive(view, t))
        {
            // «l'usine assiégée»: a participle after a noun phrase is a passive whose subject is that phrase.
            passive = reduced = true;
        }

        Roles roles = After(view, t, clause);
        roles.Subject = reduced ? view.Chunks[view.ChunkAt(t - 1)] : SubjectBefore(view, start, clause);
        roles.Passive = passive;
        return roles;
    }

    /// <summary>
    /// A noun trigger's arguments: its «de X» / «of X» complement (<see cref="Roles.Object"/>), its possessor
    /// (<see cref="Roles.Subject"/>: «Russia's invasion»), agents, partners and targets; from the parse when there is
    /// one, else from the phrases after it.
    /// </summary>
    private Roles NounRoles(SentenceView view, Syntax? syntax, int t, int own, int clause)
    {
        Roles roles = After(view, own >= 0 ? view.Chunks[own].End - 1 : t, clause);
        roles.Object = own >= 0 && view.Chunks[own].Complement >= 0 ? view.Chunks[view.Chunks[own].Complement] : null;
        if (syntax is null)
        {
            return roles;
        }

        var parsed = new Roles();
        foreach (int c in syntax.Children(t))
        {
            if (!view.Contains(c) || ChunkOf(view, c) is not { } chunk || view.ChunkAt(c) == own)
            {
                continue;
            }

            if (syntax.Relation(c) == "nmod:poss")
            {
                parsed.Subject ??= chunk;
            }
            else if (syntax.Base(c) == "nmod")
            {
                Oblique(view, syntax, c, parsed);
            }
        }

        // A «by» phrase the parse hangs under a verb between the noun and it is that verb's agent, not the noun's:
        // «demonstrations to demand reforms by President Suharto's government», «a hunger strike to demand the return
        // of property seized by government forces».
        if (parsed.Agent is null && roles.Agent is { } agent && UnderVerbBetween(view, syntax, t, agent))
        {
            roles.Agent = null;
        }

        roles.Subject = parsed.Subject;
        roles.Object = parsed.Complement ?? roles.Object;
        roles.Agent = parsed.Agent ?? roles.Agent;
        roles.Against = parsed.Against ?? roles.Against;
        if (parsed.With.Count > 0)
        {
            roles.With = parsed.With;
        }

        if (parsed.To.Count > 0)
        {
            roles.To = parsed.To;
        }

        return roles;
    }

    /// <summary>Whether the parse hangs a phrase after a trigger, through nouns, under a verb that lies between the trigger and the phrase.</summary>
    private static bool UnderVerbBetween(SentenceView view, Syntax syntax, int trigger, Chunk chunk)
    {
        int h = chunk.Head;
        for (int depth = 0; depth < 5; depth++)
        {
            h = syntax.Head(h);
            if (h < 0 || !view.Contains(h) || h == trigger)
            {
                return false;
            }

            if (h >= chunk.Start && h < chunk.End)
            {
                continue;
            }

            if (view.Tag(h) == "VERB")
            {
                return h > trigger && h < chunk.Start;
            }
        }

        return false;
    }

    /// <summary>
    /// What a subject pronoun stands for: the nearest subject-like phrase before it in the sentence that names a person
    /// or a coded body, of the same number («il» a singular head, «ils» a plural one), else the last actor named before.
    /// </summary>
    private EventParticipant? Resolve(SentenceView view, ActorCoder coder, Chunk pronoun, EventParticipant? lastActor)
    {
        bool plural = _lexicon.Word("pronoun", view.Word(pronoun.Start)) == "plural";
        for (int c = view.Chunks.IndexOf(pronoun) - 1; c >= 0; c--)
        {
            Chunk chunk = view.Chunks[c];
            if (chunk.IsPronoun || chunk.Preposition is not null || IsComplement(view, c))
            {
                continue;
            }

            string head = view.Word(chunk.Head);
            bool headPlural = (head.EndsWith('s') || head.EndsWith('x')) && head != view.Lemma(chunk.Head);
            if (headPlural == plural && coder.Code(view, chunk) is { } found && (found.Entity is not null || found.Sector is not null))
            {
                return found;
            }
        }

        return lastActor;
    }

    private static bool Overlaps(EventParticipant participant, List<EventParticipant> list) =>
        list.Any(p => p.Span.Start < participant.Span.End && participant.Span.Start < p.Span.End);

    private static void Add(List<Chunk> list, Chunk? chunk)
    {
        if (chunk is not null)
        {
            list.Add(chunk);
        }
    }

    /// <summary>The subject: the nearest noun phrase before the verb group, in its clause, with no preposition before it; through «qui» its antecedent.</summary>
    private Chunk? SubjectBefore(SentenceView view, int groupStart, int clause)
    {
        int k = groupStart - 1;
        while (view.Contains(k) && view.Tag(k) is "ADV" or "PUNCT" && view.Word(k) is not ("." or ";" or ":"))
        {
            k--;
        }

        if (view.Contains(k) && view.Tag(k) == "PRON" && view.Lemma(k) is "qui" or "who" or "which" or "that")
        {
            // «La Russie, qui avait insisté»: the relative's antecedent, across the comma.
            int a = k - 1;
            while (view.Contains(a) && view.Tag(a) == "PUNCT" && view.Word(a) == ",")
            {
                a--;
            }

            int c = view.ChunkAt(a);
            return c >= 0 ? view.Chunks[c] : null;
        }

        for (int c = view.Chunks.Count - 1; c >= 0; c--)
        {
            Chunk chunk = view.Chunks[c];
            if (chunk.End > groupStart)
            {
                continue;
            }

            if (view.ClauseOf(chunk.Start) != clause)
            {
                break;
            }

            if (chunk.Preposition is null && !IsComplement(view, c) && !IsTime(view, chunk) && !IsQuoted(view, chunk))
            {
                return chunk;
            }
        }

        return null;
    }

    /// <summary>A phrase between quote marks is a term being named («une "opération militaire spéciale"»), not a subject.</summary>
    private static bool IsQuoted(SentenceView view, Chunk chunk) =>
        view.Contains(chunk.Start - 1) && view.Contains(chunk.End) && view.Tag(chunk.Start - 1) == "PUNCT" && view.Tag(chunk.End) == "PUNCT"
        && view.Word(chunk.Start - 1) is "\"" or "«" or "“" && view.Word(chunk.End) is "\"" or "»" or "”";

    private static bool IsComplement(SentenceView view, int chunk) => view.Chunks.Any(c => c.Complement == chunk);

    private static bool IsComplementOf(SentenceView view, int chunk) => IsComplement(view, chunk);

    private EventLexicon Lexicon => _lexicon;

    private static bool IsTime(SentenceView view, Chunk chunk) => view.TimeStarts.Contains(chunk.Start);


    /// <summary>After the trigger, in its clause: the direct object, the «par» agent, «avec»/«entre» partners, «contre» targets and «à» receivers.</summary>
    private Roles After(SentenceView view, int t, int clause)
    {
        var roles = new Roles();
        bool first = true;
        for (int c = 0; c < view.Chunks.Count; c++)
        {
            Chunk chunk = view.Chunks[c];
            if (chunk.Start <= t || IsComplement(view, c) || IsTime(view, chunk))
            {
                continue;
            }

            if (view.ClauseOf(chunk.Start) != clause || chunk.Start - t > 12)
            {
                break;
            }

            if (chunk.Preposition is null && first && !chunk.IsPronoun)
            {
                roles.Object = chunk;
            }
            else if (chunk.Preposition is not null)
            {
                Assign(roles, _lexicon.Word("preposition", chunk.Preposition), chunk);
            }

            first = false;
        }

        return roles;
    }

    /// <summary>The verb a noun phrase is the object of («a lancé une offensive»), or null.</summary>
    private static int? GoverningVerb(SentenceView view, Syntax? syntax, int noun, int chunkStart)
    {
        if (syntax is not null)
        {
            int head = syntax.Head(noun);
            if (syntax.Base(noun) is "obj" or "obl" && view.Contains(head) && view.Tag(head) == "VERB")
            {
                return head;
            }
        }

        for (int k = chunkStart - 1; view.Contains(k) && chunkStart - k <= 4; k--)
        {
            string tag = view.Tag(k);
            if (tag == "VERB")
            {
                return k;
            }

            if (tag is not ("ADV" or "ADP" or "DET" or "AUX" or "PRON"))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// Two triggers of one event in one sentence: «les frappes ont tué 12 civils» (the verb's subject is the noun
    /// trigger) becomes one event; «ont signé un accord» keeps the verb.
    /// </summary>
    private static void MergeWithinSentence(SentenceView view, List<Draft> drafts)
    {
        for (int i = drafts.Count - 1; i >= 0; i--)
        {
            Draft inner = drafts[i];
            Draft? outer = drafts.FirstOrDefault(d => d != inner && d.ArgumentChunks.Any(c => inner.Token >= c.Start && inner.Token < c.End)
                && (d.Entry.Type == inner.Entry.Type || (d.Entry.Type == "SUPPORT" && inner.Entry.Type == "AGREE")));
            if (outer is null)
            {
                continue;
            }

            bool innerIsSubject = outer.Entry.Type == inner.Entry.Type && inner.Token < outer.Token && inner.Entry.IsNoun;
            (Draft keep, Draft drop) = innerIsSubject ? (inner, outer) : (outer, inner);
            keep.Absorb(drop, view);
            drafts.Remove(drop);
        }
    }

    /// <summary>«les pourparlers» … «ces pourparlers»: a definite noun trigger of the same lemma and type within three sentences names the same event.</summary>
    private bool MergeWithEarlier(List<Draft> events, SentenceView view, Draft draft)
    {
        if (!draft.Entry.IsNoun || !view.Contains(draft.Token - 1) || !_definite.Contains(view.Word(draft.Token - 1)))
        {
            return false;
        }

        Draft? earlier = null;
        for (int i = events.Count - 1; i >= 0 && view.Index - events[i].Sentence <= 3 && earlier is null; i--)
        {
            if (events[i].Entry.Lemma == draft.Entry.Lemma && events[i].Entry.Type == draft.Entry.Type)
            {
                earlier = events[i];
            }
        }

        if (earlier is null)
        {
            return false;
        }

        earlier.Absorb(draft, view);
        return true;
    }

    private Modality ModalityOf(Document document, SentenceView view, Draft draft, int[] quoteOfToken, out EventReporter? reporter)
    {
        int t = draft.Token;
        reporter = null;
        bool inQuote = false, indirect = false;
        if (quoteOfToken[t] >= 0)
        {
            Quote quote = document.Quotes[quoteOfToken[t]];
            inQuote = true;
            indirect = quote.Kind != QuoteKind.Direct;
            if (quote.Speaker is { } speaker)
            {
                reporter = new EventReporter(speaker, quote.SpeakerEntity);
            }
        }

        int clause = view.ClauseOf(t);
        int start = draft.Entry.IsNoun ? t : GroupStart(view, t, out _);
        bool negated = false, hypothetical = false, demanded = false, planned = false, hedged = false;

        // Negation: «ne … pas» around the verb group, «sans» before it.
        for (int k = start - 2; k <= t + 2; k++)
        {
            if (!view.Contains(k))
            {
                continue;
            }

            string? neg = _lexicon.Word("negation", view.Word(k));
            if (neg == "particle" && k <= t)
            {
                negated |= Enumerable.Range(k + 1, Math.Min(4, view.End - k - 1)).Any(a => _lexicon.Word("negation", view.Word(a)) == "after");
            }
            else if (neg == "before" && k < start && k >= start - 2)
            {
                negated = true;
            }
            else if (neg == "verb" && k < t && k >= start - 1)
            {
                negated = true;
            }
        }

        for (int k = view.First; k < t; k++)
        {
            string word = view.Word(k), lemma = view.Lemma(k);
            bool sameClause = view.ClauseOf(k) == clause;
            bool governs = k >= start - 1 || (sameClause && t - k <= 4);
            if (sameClause && _lexicon.Is("condition", word) && view.Tag(k) is "SCONJ" or "ADP" or "NOUN" or "ADJ")
            {
                hypothetical = true;
            }

            if (_lexicon.Is("demand", lemma) && t - k <= 10 && draft.Entry.Type != "REQUEST" && view.Tag(k) is "VERB" or "NOUN"
                && view.ClauseOf(k) >= clause - 1 && view.Contains(k + 1) && view.Tag(k + 1) is "ADP" or "SCONJ" or "PART")
            {
                demanded = true;
            }

            string? plan = _lexicon.Word("plan", lemma) ?? _lexicon.Word("plan", word);
            if (plan is not null && governs && (plan != "purpose" || t - k <= 2) && !(plan == "adjective" && !draft.Entry.IsNoun))
            {
                planned = true;
            }

            if (_lexicon.Is("hedge", lemma) && governs)
            {
                hedged = true;
            }
        }

        // «attaquera»: the simple future; «aurait tué»: the conditional of rumour, or the future of reported speech.
        for (int k = start; k <= t; k++)
        {
            string word = view.Word(k);
            if (view.Tag(k) is not ("VERB" or "AUX") || word == view.Lemma(k))
            {
                continue;
            }

            if (_lexicon.ConditionalEndings.Any(word.EndsWith))
            {
                if (indirect && k == start && view.Tag(k) == "VERB")
                {
                    planned = true;
                }
                else if (!indirect || view.Tag(k) == "AUX")
                {
                    hedged = true;
                }
            }
            else if (_lexicon.FutureEndings.Any(word.EndsWith) && word.Length > 4)
            {
                planned = true;
            }
        }

        return negated ? Modality.Negated
            : hypothetical ? Modality.Hypothetical
            : demanded ? Modality.Demanded
            : planned ? Modality.Planned
            : hedged ? Modality.Hedged
            : inQuote ? Modality.Reported
            : Modality.Asserted;
    }

    /// <summary>The place nearest the trigger in its clause, else in its sentence; a place that is the actor is not where it acted.</summary>
    private EventLocation? LocationOf(SentenceView view, ActorCoder coder, Draft draft)
    {
        (int Distance, PlaceMention Mention, Place Place)? best = null;
        int clause = view.ClauseOf(draft.Token);
        for (int k = view.First; k < view.End; k++)
        {
            if (coder.PlaceAt(k) is not { } found || draft.ActorTokens.Contains(k) || IsCountryReceiver(coder, draft, k, found.Place))
            {
                continue;
            }

            // A place is where something happened when a preposition or a cue introduces it («à Kharkiv», «dans la région de»),
            // not when it is a subject («la Russie a insisté»).
            int c = view.ChunkAt(k);
            // A country after «à», «contre», «avec», «par» («à la Russie», «to Pakistan») is a party; «en Russie» is where.
            bool country = found.Place.Entry?.IsCountry == true;
            bool introduced = found.Mention.Cue != PlaceCue.None
                || (c >= 0 && view.Chunks[c].Preposition is { } p && Lexicon.Word("preposition", p) is not "agent" && !(country && Lexicon.Word("preposition", p) is "to" or "against" or "with"))
                || (c >= 0 && IsComplementOf(view, c));
            if (!introduced)
            {
                continue;
            }

            int distance = Math.Abs(k - draft.Token) + (view.ClauseOf(k) == clause ? 0 : 100) + (k < draft.Token ? 1 : 0);
            if (best is null || distance < best.Value.Distance)
            {
                best = (distance, found.Mention, found.Place);
            }
        }

        return best is { } b ? new EventLocation(b.Mention.Span, b.Place.Entry is null ? null : b.Place.Id) : null;
    }

    /// <summary>«a imposé des sanctions à la Russie»: a country that receives the act is a party, not where it happened.</summary>
    private static bool IsCountryReceiver(ActorCoder coder, Draft draft, int token, Place place)
    {
        if (place.Entry?.IsCountry != true)
        {
            return false;
        }

        TextSpan span = coder.TokenSpan(token);
        return draft.Recipients.Any(r => r.Span.Start <= span.Start && span.End <= r.Span.End);
    }

    /// <summary>The clause's date, else the sentence's; else, for an event stated as current, the publication date of unknown precision.</summary>
    /// <param name="document">The document.</param>
    /// <param name="view">The event's sentence.</param>
    /// <param name="draft">The event.</param>
    /// <param name="timeTokens">The first token of each time expression with its index in <see cref="Document.Times"/>, by token.</param>
    private static EventDate? DateOf(Document document, SentenceView view, Draft draft, (int Token, int Index)[] timeTokens)
    {
        int clause = view.ClauseOf(draft.Token);
        (int Distance, int Index)? best = null;
        int from = timeTokens.AsSpan().BinarySearch((view.First, -1));
        for (int k = from < 0 ? ~from : from; k < timeTokens.Length && timeTokens[k].Token < view.End; k++)
        {
            (int token, int i) = timeTokens[k];
            TimeMention time = document.Times[i];
            if (time.Type is not (TimexType.Date or TimexType.Time) || time.Value is null || !char.IsAsciiDigit(time.Value[0]) || !view.Contains(token))
            {
                continue;
            }

            int distance = Math.Abs(token - draft.Token) + (view.ClauseOf(token) == clause ? 0 : 100);
            if (best is null || distance < best.Value.Distance)
            {
                best = (distance, i);
            }
        }

        if (best is { } found)
        {
            string value = document.Times[found.Index].Value!;
            return new EventDate(found.Index, value, Precision(value));
        }

        DateOnly? published = document.Article.Published?.Date ?? document.InferredPublished;
        return published is { } date && draft.Modality is Modality.Asserted or Modality.Reported
            ? new EventDate(null, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "unknown")
            : null;
    }

    private static string Precision(string value) => value.Length switch
    {
        >= 10 when value[4] == '-' && value[7] == '-' => "day",
        8 when value[5] == 'W' => "week",
        7 when value[4] == '-' && char.IsAsciiDigit(value[5]) => "month",
        4 => "year",
        _ => "unknown",
    };

    private string? ModeFromWords(SentenceView view, Draft draft)
    {
        for (int k = view.First; k < view.End; k++)
        {
            if (view.ClauseOf(k) == view.ClauseOf(draft.Token) || Math.Abs(k - draft.Token) <= 3 || (k > draft.Token && k - draft.Token <= 8))
            {
                if ((_lexicon.ModeWords.GetValueOrDefault((draft.Entry.Type, view.Lemma(k))) ?? _lexicon.ModeWords.GetValueOrDefault((draft.Entry.Type, view.Word(k)))) is { } mode)
                {
                    return mode;
                }
            }
        }

        return null;
    }

    private ImmutableArray<string> ContextOf(SentenceView view, Draft draft)
    {
        var contexts = new SortedSet<string>(StringComparer.Ordinal);
        if (draft.Entry.Context is { } own)
        {
            contexts.Add(own);
        }

        for (int k = view.First; k < view.End; k++)
        {
            if ((_lexicon.Word("context-word", view.Lemma(k)) ?? _lexicon.Word("context-word", view.Word(k))) is { } context)
            {
                contexts.Add(context);
            }
        }

        return [.. contexts];
    }

    private void AddCasualties(Document document, SentenceView view, List<Draft> drafts)
    {
        foreach ((string kind, Casualties count, int word) in CasualtyReader.Read(document, view, _lexicon))
        {
            Draft? target = drafts.Where(d => d.Entry.Type == "ASSAULT").OrderBy(d => Math.Abs(d.Token - word)).FirstOrDefault();
            if (target is null)
            {
                // «Au moins 12 morts»: a count of killed or wounded is an assault even without a trigger word.
                var entry = new TriggerEntry(view.Lemma(word), view.Tag(word) == "NOUN", "ASSAULT", null, null, TriggerFrame.Undergoer, [], []);
                target = new Draft(entry, word, view);
                drafts.Add(target);
                drafts.Sort((a, b) => a.Token.CompareTo(b.Token));
            }

            if (kind == "dead")
            {
                target.Dead ??= count;
            }
            else
            {
                target.Injured ??= count;
            }
        }
    }
}

/// <summary>The arguments of a trigger by grammatical role, before the frame maps them to actors and recipients.</summary>
internal sealed class Roles
{
    public Chunk? Subject { get; set; }

    public bool Passive { get; set; }

    public Chunk? Object { get; set; }

    /// <summary>The «par» / «by» phrase.</summary>
    public Chunk? Agent { get; set; }

    /// <summary>«avec», «entre», «with», «between» phrases.</summary>
    public List<Chunk> With { get; set; } = [];

    public Chunk? Against { get; set; }

    /// <summary>Indirect objects and «à» / «to» phrases: who is given to, sent to, handed to.</summary>
    public List<Chunk> To { get; set; } = [];

    /// <summary>The subject of a complement clause («demanded that the United States …»).</summary>
    public Chunk? Addressee { get; set; }

    /// <summary>The «de X» / «of X» phrase.</summary>
    public Chunk? Complement { get; set; }

    /// <summary>The arguments of the infinitive the verb governs («s'est engagé à verser une aide à l'Ukraine»).</summary>
    public Roles? Governed { get; set; }
}

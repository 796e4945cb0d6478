using System.Collections.Frozen;
using Sitrep.Documents;
using Sitrep.Mentions.Entities;
using Sitrep.Mentions.Places;
using Sitrep.Resources;

namespace Sitrep.Events;

/// <summary>
/// Codes a noun phrase as a PLOVER actor: its entity, country (ISO alpha-3, or IGO / NGO) and sector, from the bodies
/// the lexicon codes whole («ONU»), the entity's country and roles, a place it names (a country, a capital for its
/// government, a town for its people), nationality words («russes») and role nouns («forces» → MIL). A generic head
/// («chef», «succès») takes the coding of its «de X» complement.
/// </summary>
internal sealed class ActorCoder
{
    private static readonly Lazy<FrozenDictionary<string, string>> Alpha3 = new(() =>
        LanguageResources.ReadRows("geo/country-codes.tsv").ToFrozenDictionary(r => r[0], r => r[1], StringComparer.Ordinal));

    private readonly EventLexicon _lexicon;
    private readonly PlaceLexicon _places;
    private readonly string[] _possessive;
    private readonly bool _headLast;
    private readonly Document _document;
    private readonly Dictionary<int, Entity> _entityByToken = [];
    private readonly Dictionary<int, (Place Place, PlaceMention Mention)> _placeByToken = [];

    public ActorCoder(Document document, EventLexicon lexicon, PlaceLexicon places)
    {
        _document = document;
        _lexicon = lexicon;
        _places = places;
        _possessive = (lexicon.Word("grammar", "possessive") ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries);
        _headLast = lexicon.Word("grammar", "head") == "last";
        foreach (Entity entity in document.Entities)
        {
            foreach (EntityMention mention in entity.Mentions)
            {
                for (int t = mention.FirstToken; t < mention.FirstToken + mention.TokenCount; t++)
                {
                    _entityByToken[t] = entity;
                }
            }
        }

        foreach (Place place in document.Places)
        {
            foreach (PlaceMention mention in place.Mentions)
            {
                int t = document.FirstTokenFrom(mention.Span.Start);
                for (; t >= 0 && t < document.Tokens.Length && document.Tokens[t].Span.Start < mention.Span.End; t++)
                {
                    _placeByToken[t] = (place, mention);
                }
            }
        }
    }

    public static string? ToAlpha3(string? alpha2) => alpha2 is null ? null : Alpha3.Value.GetValueOrDefault(alpha2);

    public (Place Place, PlaceMention Mention)? PlaceAt(int token) => _placeByToken.TryGetValue(token, out var found) ? found : null;

    public TextSpan TokenSpan(int token) => _document.Tokens[token].Span;

    public Entity? EntityAt(int token) => _entityByToken.GetValueOrDefault(token);

    /// <summary>The participants a chunk names: one per conjunct of a coordination («Hungarian and Romanian officials»).</summary>
    public IEnumerable<EventParticipant> CodeAll(SentenceView view, Chunk chunk)
    {
        int start = chunk.Start;
        for (int t = chunk.Start; t <= chunk.End; t++)
        {
            if (t == chunk.End || view.Tag(t) == "CCONJ")
            {
                Chunk part = t == chunk.End && start == chunk.Start ? chunk : new Chunk(start, t, chunk.Head, chunk.Preposition) { Complement = t == chunk.End ? chunk.Complement : -1 };
                if (start < t && Code(view, part) is { } found)
                {
                    yield return found;
                }

                start = t + 1;
            }
        }
    }

    /// <summary>The participant a chunk names, or null when it names nobody the lexicon, the entities or the places know.</summary>
    public EventParticipant? Code(SentenceView view, Chunk chunk, int depth = 0)
    {
        string? country = null, sector = null, entityId = null;
        bool person = false;

        // A body named whole: «l'ONU», «le Kremlin», «Médecins sans frontières».
        string? body = BodyCode(view, chunk);
        if (body is not null)
        {
            int slash = body.IndexOf('/', StringComparison.Ordinal);
            // A body as a whole has no sector («IGO/-»), as in the PLOVER gold records; its head may still give one
            // («UN peacekeepers» → IGO/MIL).
            (country, sector) = (body[..slash], body[(slash + 1)..] is "-" ? null : body[(slash + 1)..]);
        }

        for (int t = chunk.Start; t < chunk.End; t++)
        {
            if (_entityByToken.TryGetValue(t, out Entity? entity))
            {
                entityId ??= entity.Id;
                country ??= ToAlpha3(entity.Country);
                if (entity.Type == "PER")
                {
                    person = true;
                    foreach (string role in entity.Roles)
                    {
                        string[] words = role.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        for (int w = 0; w < words.Length; w++)
                        {
                            sector ??= _lexicon.Word("sector", words[w].ToLowerInvariant());
                            country ??= ToAlpha3(_places.DemonymCountry(words[w]))

                                // «Sri Lankan Prime Minister»: a two-word nationality.
                                ?? (w + 1 < words.Length ? ToAlpha3(_places.DemonymCountry(words[w] + " " + words[w + 1])) : null);
                        }
                    }
                }
            }

            if (_placeByToken.TryGetValue(t, out var placed) && placed.Place.Entry is { } entry)
            {
                country ??= ToAlpha3(entry.Country);
                if (entry.Feature == "PPLC" && entity?.Type != "PER")
                {
                    sector ??= "GOV";
                }
                else if (entry.IsPopulatedPlace && t == chunk.Head)
                {
                    sector ??= "CVL";
                }
            }

            string word = view.Word(t), lemma = view.Lemma(t);
            string written = _document[_document.Tokens[t].Span];
            country ??= ToAlpha3(_places.DemonymCountry(written));
            if (t == chunk.Head && view.Tag(t) is "NOUN" or "PROPN" && IsInhabitants(written))
            {
                // «Palestinians», «les Ukrainiens»: a nationality's people, coded civilians as the PLOVER gold records code them.
                sector ??= "CVL";
            }

            // A role noun may be capitalised in a name and tagged a proper noun («the Supreme Court», «Israel's Cabinet»),
            // but not inside a place's or a body's name («the United States», «the European Union»).
            string tag = view.Tag(t);
            bool roleWord = tag is "NOUN" or "ADJ" || (tag == "PROPN" && body is null && !_placeByToken.ContainsKey(t));
            if (roleWord && (_lexicon.Word("sector", lemma) ?? _lexicon.Word("sector", word)) is { } roleSector
                && (sector is null || ((t == chunk.Head || (_headLast && tag != "ADJ")) && !_lexicon.Is("generic", lemma))))
            {
                // Where the head comes last, the last role noun names the actor («National Assembly president Laurent
                // Fabius»), unless it is a generic one the words before qualify («opposition leader», «police spokesman»).
                sector = roleSector;
            }

            person |= _lexicon.Is("person", lemma);
        }

        // «former president Carlos Menem», «l'ancien ministre», «ex-président»: a former office holder is of the elites.
        if (sector is "GOV" or "MIL" or "LEG" or "JUD" && IsFormer(view, chunk))
        {
            sector = "ELI";
        }

        // The left conjunct of «Hungarian and Romanian officials» shares the head after it.
        if (sector is null && (chunk.Head < chunk.Start || chunk.Head >= chunk.End))
        {
            sector = _lexicon.Word("sector", view.Lemma(chunk.Head)) ?? _lexicon.Word("sector", view.Word(chunk.Head));
        }

        // «le chef de l'armée», «le succès de Moscou»: a generic head takes its complement's coding.
        if (chunk.Complement >= 0 && depth < 2)
        {
            EventParticipant? of = Code(view, view.Chunks[chunk.Complement], depth + 1);
            if (of is not null)
            {
                bool generic = _lexicon.Is("generic", view.Lemma(chunk.Head)) || (sector is null && country is null);
                country ??= of.Country;
                entityId ??= generic ? of.Entity : null;
                if (generic && of.Sector is not null)
                {
                    sector = of.Sector;
                }
            }
        }

        // «Israel's Cabinet», «Jordan's King Abdullah»: a possessor before the phrase says whose it is; a phrase that
        // names nobody is its possessor's act («Saddam Hussein's proposal»).
        if (country is null && depth < 2 && Possessor(view, chunk) is { } possessor && Code(view, possessor, depth + 1) is { } owner)
        {
            if (sector is null && entityId is null && !person)
            {
                return owner;
            }

            country = owner.Country;
        }

        if (country is null && sector is null && entityId is null && !person)
        {
            return null;
        }

        return new EventParticipant(Span(chunk), entityId, country, sector);
    }

    public TextSpan Span(Chunk chunk)
    {
        // Leading determiners are not part of the name («les forces russes» → «forces russes»).
        int start = chunk.Start;
        while (start < chunk.End - 1 && _document.PartsOfSpeech[start] == "DET" && !IsNumber(start))
        {
            start++;
        }

        return TextSpan.FromBounds(_document.Tokens[start].Span.Start, _document.Tokens[chunk.End - 1].Span.End);
    }

    private bool IsFormer(SentenceView view, Chunk chunk)
    {
        for (int t = chunk.Start; t < chunk.End; t++)
        {
            string word = view.Word(t);
            int hyphen = word.IndexOf('-', StringComparison.Ordinal);
            if (_lexicon.Is("former", word) || (hyphen > 0 && _lexicon.Word("former", word[..hyphen]) == "prefix")
                || (_lexicon.Word("former", word) == "prefix" && view.Contains(t + 1) && view.Word(t + 1) == "-"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The phrase right before a possessive ending that comes before this one («Israel» in «Israel's Cabinet»), or null.</summary>
    private Chunk? Possessor(SentenceView view, Chunk chunk)
    {
        int mark = chunk.Start - 1;
        if (_possessive.Length == 0 || !view.Contains(mark) || !_possessive.Contains(view.Word(mark)))
        {
            return null;
        }

        int before = view.ChunkAt(mark - 1);
        return before >= 0 && view.Chunks[before].End == mark ? view.Chunks[before] : null;
    }

    /// <summary>A plural inhabitant noun: a capitalised demonym whose singular names the same country («Palestinians», «Ukrainiens»).</summary>
    private bool IsInhabitants(string word) =>
        word.Length > 2 && char.IsUpper(word[0]) && word.EndsWith('s')
        && _places.DemonymCountry(word) is { } plural && _places.DemonymCountry(word[..^1]) == plural;

    /// <summary>
    /// The one country a sentence names, by its places, entities and nationality words, or null when it names none or
    /// several; intergovernmental and non-governmental bodies do not count.
    /// </summary>
    public string? SentenceCountry(SentenceView view)
    {
        string? only = null;
        for (int t = view.First; t < view.End; t++)
        {
            string? country = _placeByToken.TryGetValue(t, out var placed) && placed.Place.Entry is { } entry ? ToAlpha3(entry.Country) : null;
            country ??= _entityByToken.TryGetValue(t, out Entity? entity) ? ToAlpha3(entity.Country) : null;
            country ??= ToAlpha3(_places.DemonymCountry(_document[_document.Tokens[t].Span]));
            if (country is null)
            {
                continue;
            }

            if (only is not null && only != country)
            {
                return null;
            }

            only = country;
        }

        return only;
    }

    private bool IsNumber(int token) => _document.Tokens[token].Kind == Segmentation.TokenKind.Number;

    private string? BodyCode(SentenceView view, Chunk chunk)
    {
        for (int start = chunk.Start; start < chunk.End; start++)
        {
            string phrase = "";
            for (int end = start; end < chunk.End && end - start < _lexicon.LongestPhrase; end++)
            {
                string word = view.Word(end);
                phrase = phrase.Length == 0 || phrase.EndsWith('\'') || phrase.EndsWith('’') ? phrase + word : phrase + " " + word;
                if (_lexicon.Actors.TryGetValue(phrase, out string? code))
                {
                    return code;
                }
            }
        }

        return null;
    }
}

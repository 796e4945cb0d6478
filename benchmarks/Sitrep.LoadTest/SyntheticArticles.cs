using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Sitrep.Serialization;

namespace Sitrep.LoadTest;

/// <summary>
/// Realistic synthetic sitrep/1 documents for load tests: French news-style sentences, one event per sentence, with
/// actors and recipients coded like PLOVER's, a resolved place (one of 40 towns in 12 countries), a day in 2022-2023,
/// casualties for violent events, modalities and reporters, and every span pointing at its words in the text. The
/// same seed gives the same documents. They are not extracted: the pipeline's quality is not what is measured here.
/// </summary>
internal sealed class SyntheticArticles(int seed)
{
    private static readonly DateOnly FirstDay = new(2022, 1, 1);
    private const int Days = 730;

    internal static readonly (string Name, string Country, string Admin1, double Lat, double Lon, long GeonamesId)[] Towns =
    [
        ("Kharkiv", "UA", "Kharkiv", 49.98, 36.25, 706483), ("Lviv", "UA", "Lviv", 49.84, 24.02, 702550), ("Kyiv", "UA", "Kyiv City", 50.45, 30.52, 703448),
        ("Odesa", "UA", "Odesa", 46.48, 30.73, 698740), ("Dnipro", "UA", "Dnipropetrovsk", 48.46, 35.04, 709930), ("Marioupol", "UA", "Donetsk", 47.10, 37.55, 701822),
        ("Belgorod", "RU", "Belgorod", 50.61, 36.58, 578072), ("Moscou", "RU", "Moscow", 55.75, 37.62, 524901), ("Koursk", "RU", "Kursk", 51.73, 36.19, 538560),
        ("Paris", "FR", "Île-de-France", 48.85, 2.35, 2988507), ("Marseille", "FR", "Provence-Alpes-Côte d'Azur", 43.30, 5.38, 2995469), ("Lyon", "FR", "Auvergne-Rhône-Alpes", 45.76, 4.84, 2996944),
        ("Nîmes", "FR", "Occitanie", 43.84, 4.36, 2990363), ("Gaza", "PS", "Gaza Strip", 31.50, 34.47, 281133), ("Rafah", "PS", "Gaza Strip", 31.30, 34.25, 281129),
        ("Jérusalem", "IL", "Jerusalem", 31.77, 35.22, 281184), ("Tel-Aviv", "IL", "Tel Aviv", 32.08, 34.78, 293397), ("Beyrouth", "LB", "Beyrouth", 33.89, 35.50, 276781),
        ("Khartoum", "SD", "Khartoum", 15.55, 32.53, 379252), ("El-Facher", "SD", "North Darfur", 13.63, 25.35, 379555), ("Bamako", "ML", "Bamako", 12.65, -8.00, 2460596),
        ("Gao", "ML", "Gao", 16.27, -0.04, 2457163), ("Niamey", "NE", "Niamey", 13.51, 2.11, 2440485), ("Ouagadougou", "BF", "Centre", 12.37, -1.53, 2357048),
        ("Goma", "CD", "North Kivu", -1.68, 29.23, 215605), ("Kinshasa", "CD", "Kinshasa", -4.33, 15.31, 2314302), ("Bunia", "CD", "Ituri", 1.57, 30.25, 217562),
        ("Port-au-Prince", "HT", "Ouest", 18.54, -72.34, 3718426), ("Caracas", "VE", "Capital", 10.49, -66.88, 3646738), ("Bogota", "CO", "Bogota D.C.", 4.61, -74.08, 3688689),
        ("Kaboul", "AF", "Kabul", 34.53, 69.17, 1138958), ("Kandahar", "AF", "Kandahar", 31.61, 65.71, 1138336), ("Damas", "SY", "Damascus", 33.51, 36.29, 170654),
        ("Alep", "SY", "Aleppo", 36.20, 37.16, 170063), ("Idleb", "SY", "Idlib", 35.93, 36.63, 169389), ("Sanaa", "YE", "Sanaa", 15.35, 44.21, 71137),
        ("Aden", "YE", "Aden", 12.78, 45.04, 415189), ("Mogadiscio", "SO", "Banaadir", 2.04, 45.34, 53654), ("Tripoli", "LY", "Tripoli", 32.89, 13.19, 2210247),
        ("Benghazi", "LY", "Benghazi", 32.12, 20.07, 88319),
    ];

    private static readonly Dictionary<string, string> Alpha3 = new(StringComparer.Ordinal)
    {
        ["UA"] = "UKR", ["RU"] = "RUS", ["FR"] = "FRA", ["PS"] = "PSE", ["IL"] = "ISR", ["LB"] = "LBN", ["SD"] = "SDN", ["ML"] = "MLI", ["NE"] = "NER",
        ["BF"] = "BFA", ["CD"] = "COD", ["HT"] = "HTI", ["VE"] = "VEN", ["CO"] = "COL", ["AF"] = "AFG", ["SY"] = "SYR", ["YE"] = "YEM", ["SO"] = "SOM", ["LY"] = "LBY",
    };

    // Type, verb as written, whether it kills, ACLED type and sub-type, CAMEO root.
    internal static readonly (string Type, string Verb, bool Violent, string? Acled, string? Sub, string Cameo)[] Kinds =
    [
        ("ASSAULT", "ont bombardé", true, "Explosions/Remote violence", "Shelling/artillery/missile attack", "19"),
        ("ASSAULT", "ont attaqué", true, "Battles", "Armed clash", "19"),
        ("ASSAULT", "ont tué des habitants de", true, "Violence against civilians", "Attack", "18"),
        ("PROTEST", "ont manifesté contre", false, "Protests", "Peaceful protest", "14"),
        ("COERCE", "ont arrêté des militants de", false, "Strategic developments", "Arrests", "17"),
        ("CONSULT", "ont rencontré", false, null, null, "04"),
        ("AID", "ont livré de l'aide à", false, null, null, "07"),
        ("MOBILIZE", "ont déployé des troupes vers", false, "Strategic developments", "Other", "15"),
        ("ACCUSE", "ont accusé", false, null, null, "11"),
        ("REQUEST", "ont demandé l'aide de", false, null, null, "10"),
    ];

    private static readonly (string Text, string Sector)[] Roles =
    [
        ("Les forces armées", "MIL"), ("Le gouvernement", "GOV"), ("Des manifestants", "CVL"), ("Des rebelles", "REB"), ("La police", "COP"),
        ("Une ONG", "NGO"), ("Des habitants", "CVL"), ("Le ministère", "GOV"),
    ];

    private static readonly string[] Modalities = ["asserted", "asserted", "asserted", "reported", "reported", "hedged", "planned", "negated"];

    private readonly Random _random = new(seed);

    /// <summary>Article number <paramref name="n"/> with <paramref name="events"/> events.</summary>
    public SitrepDocumentModel Next(int n, int events)
    {
        var text = new StringBuilder();
        var sentences = ImmutableArray.CreateBuilder<SentenceModel>();
        var entities = ImmutableArray.CreateBuilder<EntityModel>();
        var places = ImmutableArray.CreateBuilder<PlaceModel>();
        var times = ImmutableArray.CreateBuilder<TimeModel>();
        var eventModels = ImmutableArray.CreateBuilder<EventModel>();
        var placeIds = new Dictionary<string, (string Id, List<SpanModel> Mentions)>(StringComparer.Ordinal);
        DateOnly published = FirstDay.AddDays(_random.Next(Days));
        string reporterName = "Olena Kovalenko " + n.ToString(CultureInfo.InvariantCulture);

        SpanModel Add(string words)
        {
            int start = text.Length;
            text.Append(words);
            return new SpanModel(start, text.Length, words);
        }

        for (int i = 0; i < events; i++)
        {
            var town = Towns[_random.Next(Towns.Length)];
            var kind = Kinds[_random.Next(Kinds.Length)];
            var actorRole = Roles[_random.Next(Roles.Length)];
            var recipientRole = Roles[_random.Next(Roles.Length)];
            string actorCountry = Alpha3[Towns[_random.Next(Towns.Length)].Country], recipientCountry = Alpha3[town.Country];
            DateOnly day = published.AddDays(-_random.Next(4));
            string modality = Modalities[_random.Next(Modalities.Length)];
            int sentenceStart = text.Length;

            SpanModel actor = Add(actorRole.Text);
            Add(" ");
            SpanModel trigger = Add(kind.Verb);
            Add(" ");
            SpanModel recipient = Add(recipientRole.Text.ToLowerInvariant());
            Add(" à ");
            SpanModel where = Add(town.Name);
            Add(" le ");
            SpanModel when = Add(day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR")));
            SpanModel? deadSpan = null;
            int dead = 0;
            if (kind.Violent && _random.Next(3) > 0)
            {
                dead = _random.Next(1, 40);
                Add(", faisant ");
                deadSpan = Add(dead.ToString(CultureInfo.InvariantCulture) + " morts");
            }

            SpanModel? reporter = null;
            if (modality == "reported")
            {
                Add(", selon ");
                reporter = Add(reporterName);
            }

            Add(". ");
            sentences.Add(new SentenceModel(sentenceStart, text.Length - 1));

            if (!placeIds.TryGetValue(town.Name, out var place))
            {
                place = ("P" + (placeIds.Count + 1).ToString(CultureInfo.InvariantCulture), []);
                placeIds[town.Name] = place;
            }

            place.Mentions.Add(where);
            string timeId = "T" + (i + 1).ToString(CultureInfo.InvariantCulture);
            string dayValue = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            times.Add(new TimeModel(timeId, when.Start, when.End, when.Text, "DATE", dayValue));
            eventModels.Add(new EventModel
            {
                Id = "V" + (i + 1).ToString(CultureInfo.InvariantCulture),
                Type = kind.Type,
                CameoRoot = kind.Cameo,
                Acled = kind.Acled is null ? null : new AcledModel(kind.Acled, kind.Sub),
                Trigger = trigger,
                Actors = [new ActorModel(null, actor.Start, actor.End, actor.Text, actorCountry, actorRole.Sector)],
                Recipients = [new ActorModel(null, recipient.Start, recipient.End, recipient.Text, recipientCountry, recipientRole.Sector)],
                Location = new LocationModel(place.Id, where.Start, where.End, where.Text),
                Date = new EventDateModel(timeId, dayValue, "day"),
                Dead = deadSpan is SpanModel d ? new CasualtyModel(dead, dead, dead, d.Start, d.End, d.Text) : null,
                Modality = modality,
                Reporter = reporter is SpanModel r ? new SpeakerModel("E1", r.Start, r.End, r.Text) : null,
                Sentence = i,
                Confidence = Math.Round(0.4 + (_random.NextDouble() * 0.5), 2),
            });
        }

        foreach ((string name, (string id, List<SpanModel> mentions)) in placeIds)
        {
            var town = Towns.First(t => t.Name == name);
            places.Add(new PlaceModel
            {
                Id = id, Name = name, GeonamesId = town.GeonamesId, Lat = town.Lat, Lon = town.Lon, Country = town.Country, Admin1 = town.Admin1,
                Feature = "PPLA", Precision = "city", Mentions = [.. mentions],
            });
            entities.Add(new EntityModel { Id = "E" + (entities.Count + 2).ToString(CultureInfo.InvariantCulture), Type = "LOC", Name = name, Mentions = [.. mentions], Country = town.Country, Place = id });
        }

        string body = text.ToString().TrimEnd();
        entities.Insert(0, new EntityModel { Id = "E1", Type = "PER", Name = reporterName, Roles = ["porte-parole"], Country = "UA" });
        return new SitrepDocumentModel
        {
            Article = new ArticleModel
            {
                Id = "load-" + n.ToString("D7", CultureInfo.InvariantCulture),
                Source = "Synthetic Presse",
                Url = "https://example.org/load/" + n.ToString(CultureInfo.InvariantCulture),
                Title = $"Dépêche {n}: {eventModels[0].Type.ToLowerInvariant()} à {places[0].Name}",
                Language = "fr",
                Published = published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            Text = body,
            Sentences = sentences.ToImmutable(),
            Entities = entities.ToImmutable(),
            Places = places.ToImmutable(),
            Times = times.ToImmutable(),
            Events = eventModels.ToImmutable(),
        };
    }
}

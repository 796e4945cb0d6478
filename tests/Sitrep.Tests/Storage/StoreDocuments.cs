using System.Collections.Immutable;
using System.Globalization;
using Sitrep.Articles;
using Sitrep.Pipeline;
using Sitrep.Serialization;
using Sitrep.Storage;

namespace Sitrep.Tests.Storage;

/// <summary>Documents for the store tests: extracted ones, and one with every contract list filled, built by hand.</summary>
internal static class StoreDocuments
{
    public const string FullText =
        "Les forces russes ont bombardé Kharkiv vendredi 13 mai, a déclaré le président ukrainien Volodymyr Zelensky. " +
        "« Nous ne céderons pas », a-t-il ajouté. Des manifestants se sont rassemblés à Lviv le 14 mai.";

    /// <summary>A wire story, as an agency sends it.</summary>
    public const string WireStory =
        "Inondations dans le Gard : deux morts et des centaines d'évacués\n\n" +
        "Deux personnes sont mortes et plusieurs centaines d'habitants ont été évacués dans la nuit de jeudi à vendredi " +
        "après des pluies torrentielles qui ont fait déborder le Vidourle et le Gardon, a annoncé la préfecture du Gard.\n\n" +
        "Les corps d'un homme de 72 ans et d'une femme de 65 ans ont été retrouvés dans leur voiture emportée par les eaux " +
        "près de Sommières, selon les pompiers, qui ont mené plus de 400 interventions pendant la nuit.\n\n" +
        "« La situation reste très tendue et les prochaines heures seront décisives », a déclaré le préfet lors d'un point " +
        "de presse à Nîmes, appelant les habitants à ne pas prendre la route et à rester à l'étage.\n\n" +
        "Météo-France a maintenu le département en vigilance rouge jusqu'à samedi matin. Les écoles resteront fermées " +
        "vendredi et plusieurs routes départementales sont coupées entre Nîmes et Alès.";

    /// <summary><see cref="WireStory"/> as a paper republishes it: its own headline, a typo, a paragraph added, the end cut.</summary>
    public const string WireCopy =
        "Gard : deux morts dans les inondations, le préfet appelle à la prudence\n\n" +
        "Deux personnes sont mortes et plusieurs centaines d'habitants ont été évacués dans la nuit de jeudi à vendredi " +
        "après des pluies torentielles qui ont fait déborder le Vidourle et le Gardon, a annoncé la préfecture du Gard.\n\n" +
        "Les corps d'un homme de 72 ans et d'une femme de 65 ans ont été retrouvés dans leur voiture emportée par les eaux " +
        "près de Sommières, selon les pompiers, qui ont mené plus de 400 interventions pendant la nuit.\n\n" +
        "Dans notre région, les services de secours se tiennent prêts à envoyer des renforts si la situation l'exige.\n\n" +
        "« La situation reste très tendue et les prochaines heures seront décisives », a déclaré le préfet lors d'un point " +
        "de presse à Nîmes, appelant les habitants à ne pas prendre la route et à rester à l'étage.";

    /// <summary>Another article on the same floods, written apart: same names, numbers and places, other sentences.</summary>
    public const string SameStory =
        "Crues dans le Gard : le Vidourle est sorti de son lit\n\n" +
        "Le Vidourle et le Gardon ont débordé après une nuit de pluies diluviennes dans le Gard, où deux personnes ont perdu " +
        "la vie. Un couple de septuagénaires a été surpris par la montée des eaux près de Sommières.\n\n" +
        "À Nîmes, le préfet a demandé aux habitants de limiter leurs déplacements. Les pompiers disent être intervenus plus " +
        "de 400 fois. Des centaines de personnes ont dû quitter leur logement, et la vigilance rouge reste en vigueur.\n\n" +
        "Entre Nîmes et Alès, de nombreuses routes sont fermées à la circulation, et les établissements scolaires n'accueilleront " +
        "pas les élèves vendredi.";

    /// <summary>A document through the real pipeline.</summary>
    public static StoredDocument Extracted(string id, string text, string? published = "2022-05-14", string? language = "fr", string? title = null) =>
        StoredDocument.FromModel(SitrepJson.ToModel(SitrepExtractor.Default.Extract(new Article
        {
            Id = id,
            Text = text,
            Title = title,
            Source = "Test Presse",
            Published = published is null ? null : PublicationDate.Parse(published),
            Language = language,
        })));

    /// <summary>Numbered distinct articles, published on consecutive days from 2022-05-01.</summary>
    public static StoredDocument Numbered(int i) => Extracted(
        "article-" + i.ToString("D4", CultureInfo.InvariantCulture),
        $"Article numéro {i}. Les pompiers sont intervenus {i} fois dans la commune numéro {i} après les pluies.",
        new DateOnly(2022, 5, 1).AddDays(i % 28).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Every list of the contract filled: sentences, entities, places, times, quotes, events with actors and recipients.</summary>
    public static SitrepDocumentModel Full(string id = "full-1")
    {
        string t = FullText;
        SpanModel S(string text, int from = 0)
        {
            int start = t.IndexOf(text, from, StringComparison.Ordinal);
            Assert.True(start >= 0, text);
            return new SpanModel(start, start + text.Length, text);
        }

        SpanModel forces = S("Les forces russes"), kharkiv = S("Kharkiv"), friday = S("vendredi 13 mai"), said = S("a déclaré");
        SpanModel president = S("le président ukrainien Volodymyr Zelensky"), zelensky = S("Volodymyr Zelensky");
        SpanModel quote = S("Nous ne céderons pas"), added = S("a-t-il ajouté"), protesters = S("Des manifestants"), lviv = S("Lviv");
        SpanModel may14 = S("le 14 mai"), bombed = S("bombardé"), gathered = S("se sont rassemblés");
        int second = t.IndexOf("« Nous", StringComparison.Ordinal), third = t.IndexOf("Des manifestants", StringComparison.Ordinal);

        return new SitrepDocumentModel
        {
            Article = new ArticleModel
            {
                Id = id,
                Source = "Exemple Presse",
                Url = "https://example.org/kharkiv",
                Title = "Kharkiv bombardée",
                Language = "fr",
                Published = "2022-05-14T09:30:00+02:00",
                PublishedInferred = false,
            },
            Text = t,
            Sentences = [new SentenceModel(0, second - 1), new SentenceModel(second, third - 1), new SentenceModel(third, t.Length)],
            Entities =
            [
                new EntityModel { Id = "E1", Type = "PER", Name = "Volodymyr Zelensky", Mentions = [zelensky], Roles = ["président ukrainien"], Country = "UA" },
                new EntityModel { Id = "E2", Type = "LOC", Name = "Kharkiv", Mentions = [kharkiv], Country = "UA", Place = "P1" },
                new EntityModel { Id = "E3", Type = "LOC", Name = "Lviv", Mentions = [lviv], Country = "UA", Place = "P2" },
            ],
            Places =
            [
                new PlaceModel
                {
                    Id = "P1", Name = "Kharkiv", GeonamesId = 706483, Lat = 49.98, Lon = 36.25, Country = "UA", Admin1 = "Kharkiv",
                    Feature = "PPLA", Precision = "city", Mentions = [kharkiv],
                },
                new PlaceModel
                {
                    Id = "P2", Name = "Lviv", GeonamesId = 702550, Lat = 49.84, Lon = 24.02, Country = "UA", Admin1 = "Lviv",
                    Feature = "PPLA", Precision = "city", Mentions = [lviv],
                },
            ],
            Times =
            [
                new TimeModel("T1", friday.Start, friday.End, friday.Text, "DATE", "2022-05-13"),
                new TimeModel("T2", may14.Start, may14.End, may14.Text, "DATE", "2022-05-14"),
            ],
            Quotes =
            [
                new QuoteModel
                {
                    Id = "Q1", Kind = "direct", Content = quote, Cue = new CueModel(added.Start, added.End, added.Text, "ajouter"),
                    Speaker = new SpeakerModel("E1", added.Start, added.End, added.Text),
                },
            ],
            Events =
            [
                new EventModel
                {
                    Id = "V1", Type = "ASSAULT", Mode = "aerial", Context = ["military"], CameoRoot = "19",
                    Acled = new AcledModel("Explosions/Remote violence", "Air/drone strike"), Trigger = bombed,
                    Actors = [new ActorModel(null, forces.Start, forces.End, forces.Text, "RUS", "MIL")],
                    Recipients = [new ActorModel("E2", kharkiv.Start, kharkiv.End, kharkiv.Text, "UKR", "CVL")],
                    Location = new LocationModel("P1", kharkiv.Start, kharkiv.End, kharkiv.Text),
                    Date = new EventDateModel("T1", "2022-05-13", "day"),
                    Dead = new CasualtyModel(2, 2, 2, forces.Start, forces.End, forces.Text),
                    Injured = new CasualtyModel(null, 5, null, forces.Start, forces.End, forces.Text),
                    Modality = "reported",
                    Reporter = new SpeakerModel("E1", president.Start, president.End, president.Text),
                    Sentence = 0, Confidence = 0.8,
                },
                new EventModel
                {
                    Id = "V2", Type = "PROTEST", Trigger = gathered,
                    Actors = [new ActorModel(null, protesters.Start, protesters.End, protesters.Text, "UKR", "CVL")],
                    Location = new LocationModel("P2", lviv.Start, lviv.End, lviv.Text),
                    Date = new EventDateModel("T2", "2022-05-14", "day"),
                    Modality = "asserted", Sentence = 2, Confidence = 0.6,
                },
            ],
        };
    }

    public static ImmutableArray<StoredDocument> Batch(int count) => [.. Enumerable.Range(0, count).Select(Numbered)];
}

using System.Collections.Immutable;
using Sitrep.Corpora;

namespace Sitrep.Documents.LanguageIdentification;

/// <summary>
/// How one class is built from <c>../shared/corpora</c>. Only sources whose licence lets a shipped model be
/// trained on them appear here (the «ship» column of the corpora README); test splits never do.
/// </summary>
/// <param name="Code">ISO 639-1 code.</param>
/// <param name="Role">Answered language, or decoy reported as "und".</param>
/// <param name="ConlluFiles">CoNLL-U files (paths below the corpora folder, <c>*</c> allowed in the file name) whose <c># text</c> lines are running text.</param>
/// <param name="TokenFiles">Files with one token per line in the first column (NER corpora), a <c>xx:</c> prefix stripped.</param>
/// <param name="FunctionWords">Read <c>Resources/&lt;code&gt;/function-words.txt</c> (written for the supported
/// languages and for the decoys most easily mistaken for them).</param>
/// <param name="Places">Where the class's place names (cities1000) come from: a GeoNames country code («DE»), a
/// first-level region («ES.56», Catalonia), or an excluded region («-ES.56»).</param>
/// <param name="Alphabet">For a Cyrillic class: its letters. Place names are taken from the Cyrillic alternate
/// names of cities1000, keeping those written only with these letters (the main name is a transliteration).</param>
/// <param name="RequiredLetters">A kept alternate name must contain one of these letters: Ukrainian towns list
/// their Russian names too (Дружковка beside Дружківка), and only і ї є ґ tell them apart for sure.</param>
public sealed record LanguageTrainingRecipe(
    string Code,
    LanguageClassRole Role,
    ImmutableArray<string> ConlluFiles,
    ImmutableArray<string> TokenFiles,
    bool FunctionWords,
    ImmutableArray<string> Places,
    string? Alphabet = null,
    string? RequiredLetters = null)
{
    /// <summary>GUM genres whose texts may train a shipped model (corpora README).</summary>

    private const string RussianAlphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
    private const string UkrainianAlphabet = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя";
    private const string BulgarianAlphabet = "абвгдежзийклмнопрстуфхцчшщъьюя";
    private const string SerbianAlphabet = "абвгдђежзијклљмнњопрстћуфхцчџш";
    private const string MacedonianAlphabet = "абвгдѓежзѕијклљмнњопрстќуфхцчџш";
    private const string BelarusianAlphabet = "абвгдеёжзійклмнопрстуўфхцчшыьэюя";

    /// <summary>The recipe of the shipped model, in table column order.</summary>
    public static ImmutableArray<LanguageTrainingRecipe> Default { get; } =
    [
        new("fr", LanguageClassRole.Language,
            ["ud/fr_sequoia-ud-train.conllu", "ud/fr_sequoia-ud-dev.conllu", "ud/fr_gsd-ud-dev.conllu"],
            ["ner/wikiann/fr/train"], false, []),
        new("en", LanguageClassRole.Language,
            ["ud/en_ewt-ud-dev.conllu", .. GumCorpus.ShipGenres.Select(g => $"ud/en_gum/GUM_{g}_*.conllu")],
            ["ner/conll2003-en/eng.train", "ner/wikiann/en/train"], false, []),
        Names("de", LanguageClassRole.Language, ["DE", "AT"]),
        // Catalan, Galician and Basque place names are not Spanish: their regions are left out (Valencia
        // is bilingual and feeds neither Spanish nor Catalan).
        Names("es", LanguageClassRole.Language, ["ES", "-ES.07", "-ES.56", "-ES.58", "-ES.59", "-ES.60", "MX"]),
        Names("it", LanguageClassRole.Language, ["IT"]),
        Names("ru", LanguageClassRole.Language, ["RU"], RussianAlphabet),
        Names("uk", LanguageClassRole.Language, ["UA"], UkrainianAlphabet, "іїєґ"),
        Names("pt", LanguageClassRole.Decoy, ["PT", "BR"]),
        Names("ca", LanguageClassRole.Decoy, ["ES.56", "ES.07", "AD"]),
        Names("nl", LanguageClassRole.Decoy, ["NL"]),
        Names("ro", LanguageClassRole.Decoy, ["RO"]),
        Names("pl", LanguageClassRole.Decoy, ["PL"]),
        Names("cs", LanguageClassRole.Decoy, ["CZ"]),
        Names("hr", LanguageClassRole.Decoy, ["HR"]),
        Names("sl", LanguageClassRole.Decoy, ["SI"], functionWords: false),
        Names("sv", LanguageClassRole.Decoy, ["SE"]),
        Names("da", LanguageClassRole.Decoy, ["DK"]),
        Names("no", LanguageClassRole.Decoy, ["NO"], functionWords: false),
        Names("fi", LanguageClassRole.Decoy, ["FI"]),
        Names("hu", LanguageClassRole.Decoy, ["HU"]),
        Names("tr", LanguageClassRole.Decoy, ["TR"]),
        Names("id", LanguageClassRole.Decoy, ["ID"]),
        Names("bg", LanguageClassRole.Decoy, ["BG"], BulgarianAlphabet),
        Names("sr", LanguageClassRole.Decoy, ["RS"], SerbianAlphabet, functionWords: false),
        Names("mk", LanguageClassRole.Decoy, ["MK"], MacedonianAlphabet, functionWords: false),
        Names("be", LanguageClassRole.Decoy, ["BY"], BelarusianAlphabet, functionWords: false),
    ];

    private static LanguageTrainingRecipe Names(
        string code, LanguageClassRole role, ImmutableArray<string> places, string? alphabet = null, string? required = null, bool functionWords = true) =>
        new(code, role, [], [], functionWords, places, alphabet, required);
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Corpora;
using Sitrep.Tagging;
using Sitrep.Tagging.Entities;
using Sitrep.Tagging.PartOfSpeech;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep train ner --lang fr</c>: rebuilds <c>models/ner-fr.bin.gz</c> from the data sets of <see cref="NerDatasets.Training"/>.</summary>
internal static class TrainNerCommand
{
    public static Command Create()
    {
        var language = new Option<string>("--lang") { Description = "fr or en.", Required = true };
        var corpora = CorporaOption.Create();
        var output = new Option<string?>("--output") { Description = "Where to write the model (default: models/ner-<lang>.bin.gz)." };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => new EntityTrainingOptions().Epochs };
        var data = new Option<string[]>("--data") { Description = "Training data sets instead of the default ones (names under ner/, or files).", AllowMultipleArgumentsPerToken = true };
        var noPos = new Option<bool>("--no-pos") { Description = "Do not use part-of-speech tags as features (by default the shipped tagger of the language tags the training data)." };
        var command = new Command("ner", "Train the named-entity tagger of a language.") { language, corpora, output, epochs, data, noPos };
        command.SetAction(parse => Run(parse.GetValue(language)!, parse.GetValue(corpora), parse.GetValue(output), parse.GetValue(epochs), parse.GetValue(data) ?? [], !parse.GetValue(noPos)));
        return command;
    }

    private static int Run(string language, string? corporaOption, string? output, int epochs, string[] data, bool usePos)
    {
        if (CorporaOption.Require(corporaOption) is not string corpora)
        {
            return CliExit.Failure;
        }

        IReadOnlyList<string> names = data.Length > 0 ? data : NerDatasets.Training(language);
        if (names.Count == 0)
        {
            return CliExit.Fail($"no named-entity training data for language '{language}' (fr, en)");
        }

        var text = CultureInfo.InvariantCulture;
        var clock = Stopwatch.StartNew();
        var sentences = new List<NerSentence>();
        try
        {
            foreach (string name in names)
            {
                IReadOnlyList<NerSentence> part = NerDatasets.Load(corpora, name, language);
                sentences.AddRange(part);
                Console.WriteLine(string.Create(text, $"  {name}: {part.Count:N0} sentences, {part.Sum(s => s.Tokens.Length):N0} tokens"));
            }

            var places = GeoNamesNames.Read(corpora, language).ToList();
            Console.WriteLine(string.Create(text, $"  geo/geonames: {places.Count:N0} place and country names"));
            var tagger = EntityTagger.Train(
                language,
                sentences,
                places,
                TaggingResources.ClustersFor(language),
                usePos ? PosTagger.For(language) : null,
                new EntityTrainingOptions { Epochs = epochs },
                (epoch, accuracy) => Console.WriteLine(string.Create(text, $"  epoch {epoch}: training tag accuracy {accuracy:P2}")));
            string path = output ?? Path.Combine("models", EntityTagger.ModelFileName(language));
            tagger.SaveFile(path);
            Console.WriteLine(string.Create(text,
                $"wrote {path}: {tagger.Model.FeatureCount:N0} features, {tagger.Lexicons.Places?.Count ?? 0:N0} place names, " +
                $"{tagger.Lexicons.FirstNames?.Count ?? 0:N0} first names, {tagger.Lexicons.OrganizationWords?.Count ?? 0:N0} organisation words, " +
                $"{new FileInfo(path).Length:N0} bytes, in {clock.Elapsed.TotalSeconds:F1} s"));
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            return CliExit.Fail(e.Message);
        }

        return CliExit.Success;
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Corpora;
using Sitrep.Tagging;
using Sitrep.Tagging.PartOfSpeech;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep train pos --lang fr</c>: rebuilds <c>models/pos-fr.bin.gz</c> from the UD files of <see cref="UdTrainingData"/>.</summary>
internal static class TrainPosCommand
{
    public static Command Create()
    {
        var language = new Option<string>("--lang") { Description = "fr or en.", Required = true };
        var corpora = CorporaOption.Create();
        var output = new Option<string?>("--output") { Description = "Where to write the model (default: models/pos-<lang>.bin.gz)." };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => new PosTrainingOptions().Epochs };
        var data = new Option<string[]>("--data") { Description = "Training files instead of the default ones (CoNLL-U).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("pos", "Train the part-of-speech tagger (UPOS) of a language.") { language, corpora, output, epochs, data };
        command.SetAction(parse => Run(parse.GetValue(language)!, parse.GetValue(corpora), parse.GetValue(output), parse.GetValue(epochs), parse.GetValue(data) ?? []));
        return command;
    }

    private static int Run(string language, string? corporaOption, string? output, int epochs, string[] data)
    {
        if (CorporaOption.Require(corporaOption) is not string corpora)
        {
            return CliExit.Failure;
        }

        IReadOnlyList<string> files = data.Length > 0 ? data : UdTrainingData.Files(corpora, language);
        if (files.Count == 0)
        {
            return CliExit.Fail($"no part-of-speech training data for language '{language}' (fr, en)");
        }

        var clock = Stopwatch.StartNew();
        var sentences = new List<ConlluSentence>();
        foreach (string file in files)
        {
            if (!File.Exists(file))
            {
                return CliExit.Fail($"{file}: no such file");
            }

            int before = sentences.Count;
            sentences.AddRange(ConlluReader.ReadFile(file));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Path.GetRelativePath(corpora, file)}: {sentences.Count - before:N0} sentences"));
        }

        var tagger = PosTagger.Train(
            language,
            sentences,
            TaggingResources.ClustersFor(language),
            new PosTrainingOptions { Epochs = epochs },
            (epoch, accuracy) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  epoch {epoch}: training accuracy {accuracy:P2}")));
        string path = output ?? Path.Combine("models", PosTagger.ModelFileName(language));
        tagger.SaveFile(path);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {path}: {tagger.Model.FeatureCount:N0} features, {new FileInfo(path).Length:N0} bytes, in {clock.Elapsed.TotalSeconds:F1} s"));
        return CliExit.Success;
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Corpora;
using Sitrep.Tagging;
using Sitrep.Tagging.Dependencies;
using Sitrep.Tagging.Lemmas;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep train dep --lang fr</c>: rebuilds <c>models/dep-fr.bin.gz</c> from the UD files of <see cref="UdTrainingData"/>
/// (the part-of-speech recipe's files), with jack-knifed part-of-speech tags.
/// </summary>
internal static class TrainDepCommand
{
    public static Command Create()
    {
        var language = new Option<string>("--lang") { Description = "fr or en.", Required = true };
        var corpora = CorporaOption.Create();
        var output = new Option<string?>("--output") { Description = "Where to write the model (default: models/dep-<lang>.bin.gz)." };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => new DependencyTrainingOptions().Epochs };
        var folds = new Option<int>("--jackknife") { Description = "Folds for predicted part-of-speech tags (0: train on gold tags and lemmas).", DefaultValueFactory = _ => 5 };
        var minimum = new Option<float>("--min-weight") { Description = "Drop features whose averaged weights are all under this (model size).", DefaultValueFactory = _ => new DependencyTrainingOptions().MinimumTransitionWeight };
        var data = new Option<string[]>("--data") { Description = "Training files instead of the default ones (CoNLL-U).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("dep", "Train the dependency parser of a language.") { language, corpora, output, epochs, folds, minimum, data };
        command.SetAction(parse => Run(
            parse.GetValue(language)!, parse.GetValue(corpora), parse.GetValue(output), parse.GetValue(epochs), parse.GetValue(folds), parse.GetValue(minimum), parse.GetValue(data) ?? []));
        return command;
    }

    private static int Run(string language, string? corporaOption, string? output, int epochs, int folds, float minimum, string[] data)
    {
        if (CorporaOption.Require(corporaOption) is not string corpora)
        {
            return CliExit.Failure;
        }

        IReadOnlyList<string> files = data.Length > 0 ? data : UdTrainingData.Files(corpora, language);
        if (files.Count == 0)
        {
            return CliExit.Fail($"no dependency training data for language '{language}' (fr, en)");
        }

        var text = CultureInfo.InvariantCulture;
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
            Console.WriteLine(string.Create(text, $"  {Path.GetRelativePath(corpora, file)}: {sentences.Count - before:N0} sentences"));
        }

        var clusters = TaggingResources.ClustersFor(language);
        var lemmatizer = Lemmatizer.For(language);
        List<DependencySentence> training = folds >= 2
            ? DependencyCorpus.JackKnife(language, sentences, folds, clusters, lemmatizer, foldDone: fold =>
                Console.WriteLine(string.Create(text, $"  part-of-speech fold {fold}/{folds} tagged ({clock.Elapsed.TotalSeconds:F0} s)")))
            : DependencyCorpus.WithTags(sentences.SelectMany(DependencyCorpus.Views), null, null);
        Console.WriteLine(string.Create(text, $"  {training.Count:N0} training trees ({training.Sum(s => s.Length):N0} words), tags {(folds >= 2 ? $"jack-knifed over {folds} folds" : "gold")}"));

        var parser = DependencyParser.Train(
            language,
            training,
            clusters,
            new DependencyTrainingOptions { Epochs = epochs, MinimumTransitionWeight = minimum, MinimumLabelWeight = minimum },
            (epoch, moves, labels) => Console.WriteLine(string.Create(text,
                $"  epoch {epoch}: right moves {moves:P2}, right relations {labels:P2} ({clock.Elapsed.TotalSeconds:F0} s)")));
        string path = output ?? Path.Combine("models", DependencyParser.ModelFileName(language));
        parser.SaveFile(path);
        Console.WriteLine(string.Create(text,
            $"wrote {path}: {parser.TransitionModel.FeatureCount:N0} move features, {parser.LabelModel.FeatureCount:N0} relation features ({parser.Relations.Length} relations), {new FileInfo(path).Length:N0} bytes, in {clock.Elapsed.TotalSeconds:F1} s"));
        return CliExit.Success;
    }
}

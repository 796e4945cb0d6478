using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Corpora;
using Sitrep.Evaluation;
using Sitrep.Tagging.PartOfSpeech;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval pos --lang fr</c>: UPOS accuracy on UD files, with gold tokenisation.</summary>
internal static class EvalPosCommand
{
    public static Command Create()
    {
        var language = new Option<string>("--lang") { Description = "fr or en.", Required = true };
        var data = new Option<string[]>("--data") { Description = "CoNLL-U files (default: the UD test files of the language), as paths or relative to the corpora folder.", AllowMultipleArgumentsPerToken = true };
        var corpora = CorporaOption.Create();
        var model = new Option<string?>("--model") { Description = "A model file to measure instead of the shipped one." };
        var showErrors = new Option<bool>("--show-errors") { Description = "Also print each wrong word in its context." };
        var command = new Command("pos", "Measure part-of-speech accuracy (UPOS) on UD files.") { language, data, corpora, model, showErrors };
        command.SetAction(parse => Run(parse.GetValue(language)!, parse.GetValue(data) ?? [], parse.GetValue(corpora), parse.GetValue(model), parse.GetValue(showErrors)));
        return command;
    }

    private static int Run(string language, string[] data, string? corporaOption, string? modelPath, bool showErrors)
    {
        PosTagger? tagger;
        try
        {
            tagger = modelPath is null ? PosTagger.For(language) : PosTagger.LoadFile(modelPath);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return CliExit.Fail($"{modelPath}: {e.Message}");
        }

        if (tagger is null)
        {
            return CliExit.Fail($"no part-of-speech model for language '{language}'");
        }

        if (!EvalFiles.TryResolve(data, UdTrainingData.EvaluationFiles(language), corporaOption, out List<string> files, out string? error))
        {
            return CliExit.Fail(error);
        }

        var text = CultureInfo.InvariantCulture;
        Console.WriteLine($"part of speech ({language}), gold tokenisation, model {modelPath ?? "shipped"}");
        Console.WriteLine($"{"file",-32} {"words",8} {"accuracy",9}  most frequent confusions (gold→system)");
        foreach (string file in files)
        {
            var clock = Stopwatch.StartNew();
            var report = new AccuracyReport();
            foreach (ConlluSentence sentence in ConlluReader.ReadFile(file))
            {
                string[] system = tagger.Tag([.. sentence.Words.Select(w => w.Form)]);
                for (int i = 0; i < system.Length; i++)
                {
                    report.Add(sentence.Words[i].Upos, system[i]);
                    if (showErrors && sentence.Words[i].Upos != system[i])
                    {
                        Console.WriteLine($"  {sentence.Words[i].Upos}→{system[i]}\t{sentence.Words[i].Form}\t{string.Join(' ', sentence.Words.Skip(Math.Max(0, i - 4)).Take(9).Select(w => w.Form))}");
                    }
                }
            }

            clock.Stop();
            Console.WriteLine(string.Create(text,
                $"{Path.GetFileName(file),-32} {report.Total,8:N0} {report.Accuracy * 100,8:F2}%  {report.TopConfusions(6)}  ({report.Total / clock.Elapsed.TotalSeconds:N0} words/s)"));
        }

        return CliExit.Success;
    }
}

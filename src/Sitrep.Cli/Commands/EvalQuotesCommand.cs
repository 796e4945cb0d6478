using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Corpora;
using Sitrep.Evaluation;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval quotes</c>: attribution (content, cue, source) and speaker accuracy on PolNeAR.</summary>
internal static class EvalQuotesCommand
{
    public static Command Create()
    {
        var corpora = CorporaOption.Create();
        var split = new Option<string>("--split") { Description = "PolNeAR split: dev or train.", DefaultValueFactory = _ => "dev" };
        split.AcceptOnlyFromAmong("dev", "train");
        var errors = new Option<int>("--errors") { Description = "Print up to this many wrong or missing speakers.", DefaultValueFactory = _ => 0 };
        var misses = new Option<int>("--misses") { Description = "Print up to this many gold attributions no quotation overlaps.", DefaultValueFactory = _ => 0 };
        var command = new Command("quotes", "Quotations on PolNeAR: content, cue and source span P/R/F1 (exact and overlap), speaker accuracy on found quotes.")
        {
            corpora, split, errors, misses,
        };
        command.SetAction(parse => Run(parse.GetValue(corpora), parse.GetValue(split)!, parse.GetValue(errors), parse.GetValue(misses)));
        return command;
    }

    private static int Run(string? corporaOption, string split, int errors, int misses)
    {
        if (CorporaOption.Require(corporaOption) is not string corpora)
        {
            return CliExit.Failure;
        }

        if (!Directory.Exists(Path.Combine(corpora, PolNear.Folder, split)))
        {
            return CliExit.Fail($"{Path.Combine(corpora, PolNear.Folder, split)}: PolNeAR split not found");
        }

        var clock = Stopwatch.StartNew();
        IReadOnlyList<PolNearDocument> documents = PolNear.Load(corpora, split);
        QuoteScores scores = QuoteEvaluation.Run(documents, errors, misses);
        foreach (string error in scores.Errors.Concat(scores.Misses))
        {
            Console.WriteLine(error);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            PolNeAR {split}: {documents.Count} articles, {documents.Sum(d => d.Attributions.Count)} attributions
                              exact                      overlap
                content       {scores.ContentExact}   {scores.ContentOverlap}
                cue           {scores.CueExact}   {scores.CueOverlap}
                source        {scores.SourceExact}   {scores.SourceOverlap}
            speaker on found quotes: accuracy {scores.SpeakerAccuracy:P1} ({scores.SpeakerRight}/{scores.FoundWithSource}), precision {scores.SpeakerPrecision:P1} ({scores.SpeakerRight}/{scores.SpeakerGiven} given)
            ({clock.Elapsed.TotalSeconds:F1} s)
            """));
        return CliExit.Success;
    }
}

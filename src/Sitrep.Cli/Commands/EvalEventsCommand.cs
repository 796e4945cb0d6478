using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Corpora;
using Sitrep.Evaluation;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval events</c>: event type and actor coding on the PLOVER gold records.</summary>
internal static class EvalEventsCommand
{
    public static Command Create()
    {
        var corpora = CorporaOption.Create();
        var split = new Option<string>("--split") { Description = "Records: all, dev (even positions) or test (odd positions).", DefaultValueFactory = _ => "all" };
        split.AcceptOnlyFromAmong("all", "dev", "test");
        var errors = new Option<int>("--errors") { Description = "Print up to this many wrongly coded records.", DefaultValueFactory = _ => 0 };
        var command = new Command("events", "Events on the PLOVER gold records: type accuracy and macro F1, source and target country+sector accuracy.")
        {
            corpora, split, errors,
        };
        command.SetAction(parse => Run(parse.GetValue(corpora), parse.GetValue(split)!, parse.GetValue(errors)));
        return command;
    }

    private static int Run(string? corporaOption, string split, int errors)
    {
        if (CorporaOption.Require(corporaOption) is not string corpora)
        {
            return CliExit.Failure;
        }

        if (!File.Exists(Path.Combine(corpora, PloverGold.File)))
        {
            return CliExit.Fail($"{Path.Combine(corpora, PloverGold.File)}: PLOVER gold records not found");
        }

        var clock = Stopwatch.StartNew();
        IReadOnlyList<PloverRecord> records = EventEvaluation.Split(PloverGold.Load(corpora), split);
        EventScores scores = EventEvaluation.Run(records, errors);
        foreach (string error in scores.Errors)
        {
            Console.WriteLine(error);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PLOVER gold records ({split}): {scores.Records}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  event type accuracy {scores.TypeAccuracy:P1} ({scores.TypeRight}/{scores.Records}), macro F1 {scores.MacroF1:F3}"));
        foreach ((string type, PrecisionRecall pr) in scores.PerType)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {type,-12} P {pr.Precision:F3} R {pr.Recall:F3} F1 {pr.F1:F3} ({pr.Expected} gold)"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  source country+sector {scores.SourceAccuracy:P1} ({scores.SourceRight}/{scores.SourceActors}), country alone {(double)scores.SourceCountryRight / Math.Max(1, scores.SourceActors):P1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  target country+sector {scores.TargetAccuracy:P1} ({scores.TargetRight}/{scores.TargetActors}), country alone {(double)scores.TargetCountryRight / Math.Max(1, scores.TargetActors):P1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ({clock.Elapsed.TotalSeconds:F1} s)"));
        return CliExit.Success;
    }
}

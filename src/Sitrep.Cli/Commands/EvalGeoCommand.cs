using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Corpora;
using Sitrep.Evaluation;
using Sitrep.Mentions.Places;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval geo</c>: toponym resolution and detection on GeoWebNews.</summary>
internal static class EvalGeoCommand
{
    public static Command Create()
    {
        var corpora = CorporaOption.Create();
        var split = new Option<string>("--split") { Description = "all, dev (every fifth document by number) or train (the rest).", DefaultValueFactory = _ => "all" };
        split.AcceptOnlyFromAmong("all", "dev", "train");
        var gazetteer = new Option<string?>("--gazetteer") { Description = "A gazetteer file built by `sitrep gazetteer build` (default: the shipped one)." };
        var errors = new Option<int>("--errors") { Description = "Print up to this many wrong resolutions and detection errors.", DefaultValueFactory = _ => 0 };
        var command = new Command("geo", "Geoparsing on GeoWebNews: (a) resolution of the gold toponyms (exact GeoNames id, within 161 km), (b) end-to-end detection P/R/F1.")
        {
            corpora, split, gazetteer, errors,
        };
        command.SetAction(parse => Run(
            parse.GetValue(corpora),
            parse.GetValue(split) switch { "dev" => CorpusSplit.Dev, "train" => CorpusSplit.Train, _ => CorpusSplit.All },
            parse.GetValue(gazetteer),
            parse.GetValue(errors)));
        return command;
    }

    private static int Run(string? corporaOption, CorpusSplit split, string? gazetteerFile, int errors)
    {
        if (CorporaOption.Require(corporaOption) is not string corpora)
        {
            return CliExit.Failure;
        }

        if (!Directory.Exists(Path.Combine(corpora, GeoWebNews.Folder)))
        {
            return CliExit.Fail($"{Path.Combine(corpora, GeoWebNews.Folder)}: GeoWebNews not found");
        }

        Gazetteer? gazetteer = gazetteerFile is null ? Gazetteer.Default : Gazetteer.LoadFile(gazetteerFile);
        if (gazetteer is null)
        {
            return CliExit.Fail("this build ships no gazetteer: run `sitrep gazetteer build` and rebuild, or give --gazetteer");
        }

        var clock = Stopwatch.StartNew();
        IReadOnlyList<GeoWebNewsDocument> documents = GeoWebNews.Load(corpora, split);
        GeoScores scores = GeoEvaluation.Run(documents, gazetteer, errors);
        foreach (string error in scores.Errors)
        {
            Console.WriteLine(error);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            GeoWebNews ({split.ToString().ToLowerInvariant()}): {documents.Count} documents
            (a) resolution of {scores.Given} gold toponyms with a location
                exact GeoNames id      {scores.ExactAccuracy:P2}  ({scores.ExactMatches}/{scores.WithId} with an id)
                within 161 km          {scores.Accuracy161:P2}  ({scores.Within161Km}/{scores.Located} whose gold location is known here)
                within 161 km, all     {scores.Accuracy161AllGiven:P2}  (unknown gold locations counted as misses)
                left unresolved        {scores.Unresolved}
            (b) detection of place names (Literal, Mixed, Metonymic, noun modifiers)
                exact spans            {scores.Detection}  ({scores.Detection.Expected} gold, {scores.Detection.Predicted} found)
                overlapping spans      {scores.DetectionOverlap}
            ({clock.Elapsed.TotalSeconds:F1} s)
            """));
        return CliExit.Success;
    }
}

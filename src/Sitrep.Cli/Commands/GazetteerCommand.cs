using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Sitrep.Mentions.Places;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep gazetteer build</c>: rebuilds <c>models/gazetteer.bin.gz</c> from GeoNames and the curated supplement.</summary>
internal static class GazetteerCommand
{
    public static Command Create()
    {
        var corpora = CorporaOption.Create();
        var output = new Option<string>("--output") { Description = "Where to write the index.", DefaultValueFactory = _ => "models/gazetteer.bin.gz" };
        var build = new Command("build", "Build the gazetteer index from geo/geonames and Resources/geo (GeoNames data, CC BY 4.0).") { corpora, output };
        build.SetAction(parse => Build(parse.GetValue(corpora), parse.GetValue(output)!));
        return new Command("gazetteer", "The offline gazetteer places are resolved against.") { build };
    }

    private static int Build(string? corporaOption, string output)
    {
        if (CorporaOption.Require(corporaOption) is not string corpora)
        {
            return CliExit.Failure;
        }

        var clock = Stopwatch.StartNew();
        Gazetteer gazetteer;
        try
        {
            gazetteer = GazetteerBuilder.Build(corpora, Console.Out);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidDataException)
        {
            return CliExit.Fail(e.Message);
        }

        gazetteer.SaveFile(output);
        byte[] bytes = File.ReadAllBytes(output);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {output}: {bytes.Length:N0} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))} ({clock.Elapsed.TotalSeconds:F1} s)"));
        return CliExit.Success;
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Sitrep.Documents.LanguageIdentification;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep train langid</c>: rebuilds <c>models/langid.bin.gz</c> from the corpora, byte for byte.</summary>
internal static class TrainLangidCommand
{
    public static Command Create()
    {
        var corpora = CorporaOption.Create();
        var output = new Option<string>("--output") { Description = "Where to write the model.", DefaultValueFactory = _ => "models/langid.bin.gz" };
        var command = new Command("langid", "Train the character n-gram language identifier.") { corpora, output };
        command.SetAction(parse => Run(parse.GetValue(corpora), parse.GetValue(output)!));
        return command;
    }

    private static int Run(string? corporaOption, string output)
    {
        if (CorporaOption.Require(corporaOption) is not string corpora)
        {
            return CliExit.Failure;
        }

        var clock = Stopwatch.StartNew();
        LanguageProfileModel model;
        try
        {
            var classes = LanguageTrainingSetReader.Read(corpora, LanguageTrainingRecipe.Default);
            foreach (LanguageTrainingClass cls in classes)
            {
                Console.WriteLine($"{cls.Code} ({(cls.Role == LanguageClassRole.Language ? "language" : "decoy → und")})");
                foreach (string source in cls.Sources)
                {
                    Console.WriteLine($"  {source}");
                }
            }

            model = new LanguageIdentifierTrainer().Train(classes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return CliExit.Fail(e.Message);
        }

        model.SaveFile(output);
        byte[] bytes = File.ReadAllBytes(output);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {output}: {bytes.Length:N0} bytes, {model.Classes.Length} classes, {model.BucketCount:N0} buckets, n-grams up to {model.MaxOrder}, sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))} ({clock.Elapsed.TotalSeconds:F1} s)"));
        return CliExit.Success;
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Sitrep.Corpora;
using Sitrep.Tagging.Lemmas;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep train lemma</c>: rebuilds <c>models/lemma-&lt;lang&gt;.tsv.gz</c> from UD lemmas, byte for byte.</summary>
internal static class TrainLemmaCommand
{
    public static Command Create()
    {
        var language = new Option<string>("--lang") { Description = "fr or en.", Required = true };
        language.AcceptOnlyFromAmong("fr", "en");
        var corpora = CorporaOption.Create();
        var output = new Option<string?>("--output") { Description = "Where to write the model (default: models/lemma-<lang>.tsv.gz)." };
        var noDev = new Option<bool>("--no-dev") { Description = "French: leave fr_sequoia-ud-dev out of training (to measure on it)." };
        var command = new Command("lemma", "Train the lemmatizer (lexicon + suffix edit scripts) from UD lemmas.") { language, corpora, output, noDev };
        command.SetAction(parse => Run(parse.GetValue(language)!, parse.GetValue(corpora), parse.GetValue(output), parse.GetValue(noDev)));
        return command;
    }

    private static int Run(string language, string? corporaOption, string? outputOption, bool noDev)
    {
        if (CorporaOption.Require(corporaOption) is not string corpora)
        {
            return CliExit.Failure;
        }

        string output = outputOption ?? $"models/lemma-{language}.tsv.gz";
        var clock = Stopwatch.StartNew();
        LemmaModel model;
        try
        {
            var files = LemmaCorpus.TrainingFiles(corpora, language, includeDev: !noDev);
            foreach (string file in files)
            {
                if (!File.Exists(Path.Combine(corpora, file)))
                {
                    return CliExit.Fail($"{Path.Combine(corpora, file)}: training file not found");
                }
            }

            Console.WriteLine($"{language}: {files.Length} training files");
            foreach (string file in files.Length > 12 ? [.. files.Take(2), $"… {files.Length - 2} more"] : files)
            {
                Console.WriteLine($"  {file}");
            }

            model = new LemmatizerTrainer().Train(language, files.SelectMany(f => ConlluReader.ReadFile(Path.Combine(corpora, f))));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return CliExit.Fail(e.Message);
        }

        model.SaveFile(output);
        byte[] bytes = File.ReadAllBytes(output);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {output}: {bytes.Length:N0} bytes, {model.Lexicon.Length:N0} lexicon entries, {model.Suffixes.Length:N0} suffix counts, {model.Cases.Length} case modes, sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))} ({clock.Elapsed.TotalSeconds:F1} s)"));
        return CliExit.Success;
    }
}

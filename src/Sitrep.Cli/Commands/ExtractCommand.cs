using System.CommandLine;
using System.Text;
using Sitrep.Articles;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Serialization;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep extract &lt;file|dir|-&gt;</c>: articles in, sitrep/1 documents out on stdout.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "A text, HTML or JSON Lines file, a directory of them, or - for standard input." };
        var published = new Option<string?>("--published") { Description = "Publication date (ISO 8601) for articles that do not give one." };
        var lang = new Option<string?>("--lang") { Description = "Declared language (ISO 639-1); kept unless the detector is confident of another." };
        var format = new Option<string>("--format")
        {
            Description = "json (one object, or an array for several articles), jsonl (one object per line) or conllu (sentences with part of speech, lemmas and dependencies, for debugging).",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "jsonl", "conllu");
        var inputFormat = new Option<string>("--input-format") { Description = "auto, text, html or jsonl.", DefaultValueFactory = _ => "auto" };
        inputFormat.AcceptOnlyFromAmong("auto", "text", "html", "jsonl");
        var pretty = new Option<bool>("--pretty") { Description = "Indent the JSON (json format only)." };

        var command = new Command("extract", "Extract a sitrep/1 document from each article.") { input, published, lang, format, inputFormat, pretty };
        command.SetAction(parse => Run(
            parse.GetValue(input)!,
            parse.GetValue(published),
            parse.GetValue(lang),
            parse.GetValue(format)!,
            ParseFormat(parse.GetValue(inputFormat)),
            parse.GetValue(pretty)));
        return command;
    }

    private static ArticleFormat ParseFormat(string? value) => value switch
    {
        "text" => ArticleFormat.Text,
        "html" => ArticleFormat.Html,
        "jsonl" => ArticleFormat.JsonLines,
        _ => ArticleFormat.Auto,
    };

    private static int Run(string input, string? published, string? lang, string format, ArticleFormat inputFormat, bool pretty)
    {
        if (!ArticleDefaults.TryCreate(published, lang, out ArticleDefaults? defaults, out string? invalid))
        {
            return CliExit.Fail(invalid);
        }

        List<(string Path, string Origin)> files;
        try
        {
            files = InputFiles.Resolve(input);
        }
        catch (IOException e)
        {
            return CliExit.Fail(e.Message);
        }

        ExtractionPipeline pipeline = SitrepExtractor.Default;
        using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
        bool jsonLines = format == "jsonl", conllu = format == "conllu";
        var writer = new DocumentWriter(output, jsonLines, pretty && !jsonLines);
        int failed = 0, total = 0;
        string? lastError = null;

        foreach ((string path, string origin) in files)
        {
            byte[] bytes;
            try
            {
                bytes = path == "-" ? InputFiles.ReadStandardInput() : File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return CliExit.Fail($"{origin}: {e.Message}");
            }

            foreach (ArticleReadResult result in ArticleReader.Read(bytes, origin, inputFormat, path))
            {
                total++;
                string? error = result.Error;
                if (result.Article is Article article)
                {
                    article = defaults.ApplyTo(article);
                    try
                    {
                        Document document = pipeline.Extract(article);
                        if (conllu)
                        {
                            ConlluWriter.Write(document, output);
                        }
                        else
                        {
                            writer.Write(SitrepJson.ToModel(document));
                        }
                    }
                    catch (ArticleReadException e)
                    {
                        error = e.Message;
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        error = $"internal error ({e.GetType().Name}): {e.Message}";
                    }
                }

                if (error is not null)
                {
                    failed++;
                    lastError = $"{result.Origin}: {error}";
                    if (conllu)
                    {
                        output.Write($"# error = {error.ReplaceLineEndings(" ")}\n\n");
                    }
                    else
                    {
                        writer.Write(new ErrorModel(error, new ErrorArticleModel(result.Id, result.Line)));
                    }
                }
            }
        }

        writer.Finish();
        output.Flush();

        if (failed == 0)
        {
            return total == 0 ? CliExit.Fail($"{input}: no article found") : CliExit.Success;
        }

        if (total == 1)
        {
            return CliExit.Fail(lastError!);
        }

        Console.Error.WriteLine($"sitrep: {failed} of {total} articles failed; last: {lastError}");
        return CliExit.PartialFailure;
    }

    /// <summary>Writes documents and errors as JSON Lines, as one object, or as an array once a second one comes.</summary>
    private sealed class DocumentWriter(TextWriter output, bool jsonLines, bool pretty)
    {
        private string? _pending;
        private int _written;

        public void Write(SitrepDocumentModel model) => Add(SitrepJson.Serialize(model, pretty));

        public void Write(ErrorModel error) => Add(SitrepJson.Serialize(error, pretty));

        private void Add(string json)
        {
            if (jsonLines)
            {
                output.Write(json);
                output.Write('\n');
                return;
            }

            // A single article prints one object; the array opens only when a second one arrives.
            if (_written == 0 && _pending is null)
            {
                _pending = json;
                return;
            }

            if (_pending is not null)
            {
                output.Write("[\n");
                output.Write(_pending);
                _pending = null;
            }

            output.Write(",\n");
            output.Write(json);
            _written++;
        }

        public void Finish()
        {
            if (_pending is not null)
            {
                output.Write(_pending);
                output.Write('\n');
            }
            else if (_written > 0)
            {
                output.Write("\n]\n");
            }
        }
    }
}

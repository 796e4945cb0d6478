using System.Text.Json;
using System.Text.RegularExpressions;
using Sitrep.Documents;
using Sitrep.Serialization;

namespace Sitrep.Articles;

/// <summary>
/// A batch of articles, one JSON object per line: <c>{"id", "text" | "html", "published", "lang", "title", "url", "source"}</c>.
/// Field names match whatever their case; unknown fields are ignored; a numeric id is read as its digits.
/// Lines may end in LF or CRLF, the file may start with a BOM, and blank lines are skipped (line numbers still count them).
/// A line that is not a JSON object, has a field of the wrong type, has neither text nor html, or a published
/// value that is not a date, becomes a failure naming its line (and its id when it can be read), and the batch goes on.
/// </summary>
public static partial class JsonLinesArticleReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public static IEnumerable<ArticleReadResult> Read(string content, string origin)
    {
        ArgumentNullException.ThrowIfNull(content);
        int lineNumber = 0;
        int start = 0;
        while (start < content.Length)
        {
            int newline = content.IndexOf('\n', start);
            int end = newline < 0 ? content.Length : newline;
            lineNumber++;
            string line = content[start..end].Trim().Trim('\uFEFF').Trim();
            start = end + 1;
            if (line.Length > 0)
            {
                yield return ReadLine(line, $"{origin}:{lineNumber}", lineNumber);
            }
        }
    }

    public static ArticleReadResult ReadLine(string line, string origin, int lineNumber)
    {
        ArgumentNullException.ThrowIfNull(line);
        InputArticleModel input;
        try
        {
            input = Parse(line);
        }
        catch (ArticleReadException e)
        {
            return ArticleReadResult.Failure(origin, e.Message, IdOf(line), lineNumber);
        }

        try
        {
            return ArticleReadResult.Success(origin, ToArticle(input), lineNumber);
        }
        catch (ArticleReadException e)
        {
            return ArticleReadResult.Failure(origin, e.Message, input.Id, lineNumber);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            return ArticleReadResult.Failure(origin, $"internal error while reading ({e.GetType().Name}): {e.Message}", input.Id, lineNumber);
        }
    }

    /// <summary>The fields of one line, or an <see cref="ArticleReadException"/> saying what is wrong with it.</summary>
    internal static InputArticleModel Parse(string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, Options);
        }
        catch (JsonException e) when (line[0] is not ('{' or '[' or '"' or '-' or (>= '0' and <= '9')))
        {
            throw new ArticleReadException($"not valid JSON: the line starts with '{Shorten(line, 30)}', not with {{", e);
        }
        catch (JsonException e)
        {
            string where = e.BytePositionInLine is long position ? $" (at byte {position + 1:N0} of {System.Text.Encoding.UTF8.GetByteCount(line):N0})" : "";
            throw new ArticleReadException($"not valid JSON: {Reason(e.Message)}{where}", e);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ArticleReadException($"a JSON {KindName(root.ValueKind)} where an object such as {{\"id\": \"…\", \"text\": \"…\"}} was expected");
            }

            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (JsonProperty property in root.EnumerateObject())
            {
                string name = property.Name.ToLowerInvariant();
                if (name is not ("id" or "text" or "html" or "published" or "lang" or "title" or "url" or "source") || fields.ContainsKey(name))
                {
                    continue;
                }

                fields[name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    JsonValueKind.Number when name == "id" => property.Value.GetRawText(),
                    _ => throw new ArticleReadException(WrongType(name, property.Value.ValueKind)),
                };
            }

            return new InputArticleModel
            {
                Id = fields.GetValueOrDefault("id") is string id && id.Length > 0 ? id : null,
                Text = fields.GetValueOrDefault("text"),
                Html = fields.GetValueOrDefault("html"),
                Published = fields.GetValueOrDefault("published"),
                Lang = fields.GetValueOrDefault("lang"),
                Title = fields.GetValueOrDefault("title"),
                Url = fields.GetValueOrDefault("url"),
                Source = fields.GetValueOrDefault("source"),
            };
        }
    }

    public static Article ToArticle(InputArticleModel input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Article article;
        var warnings = new List<string>();
        if (!string.IsNullOrWhiteSpace(input.Text))
        {
            article = new Article { Text = input.Text };
            if (!string.IsNullOrWhiteSpace(input.Html))
            {
                warnings.Add("both \"text\" and \"html\" are given: \"text\" was read, \"html\" ignored");
            }
        }
        else if (!string.IsNullOrWhiteSpace(input.Html))
        {
            article = HtmlArticleReader.Read(input.Html);
        }
        else
        {
            throw new ArticleReadException(input.Text is null && input.Html is null
                ? "neither \"text\" nor \"html\" is given"
                : "\"text\" and \"html\" are empty");
        }

        PublicationDate? published = article.Published;
        if (!string.IsNullOrWhiteSpace(input.Published))
        {
            published = PublicationDate.TryParse(input.Published, out PublicationDate date)
                ? date
                : throw new ArticleReadException($"\"published\" is not a date: '{Shorten(input.Published)}' (expected ISO 8601, e.g. 2022-05-14 or 2022-05-14T09:30:00Z)");
        }

        string? language = article.Language;
        if (!string.IsNullOrWhiteSpace(input.Lang))
        {
            language = LanguageCodes.Normalize(input.Lang);
            if (language is null)
            {
                language = article.Language;
                warnings.Add($"\"lang\" is not an ISO 639-1 code: '{Shorten(input.Lang)}' (e.g. fr, en), ignored: the language will be detected");
            }
        }

        return article with
        {
            Id = input.Id ?? article.Id,
            Title = NonEmpty(input.Title) ?? article.Title,
            Url = NonEmpty(input.Url) ?? article.Url,
            Source = NonEmpty(input.Source) ?? article.Source,
            Language = language,
            Published = published,
            Warnings = article.Warnings.AddRange(warnings),
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string WrongType(string name, JsonValueKind kind) => name switch
    {
        "published" => $"\"published\" must be a date string such as \"2022-05-14\", not a JSON {KindName(kind)}",
        "id" => $"\"id\" must be a string or a number, not a JSON {KindName(kind)}",
        _ => $"\"{name}\" must be a string, not a JSON {KindName(kind)}",
    };

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };

    /// <summary>System.Text.Json's message without its "LineNumber: 0 | BytePositionInLine: 12." tail (the position is given apart).</summary>
    private static string Reason(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        string reason = (cut < 0 ? message : message[..cut]).Trim();
        int newline = reason.IndexOf('\n', StringComparison.Ordinal);
        return (newline < 0 ? reason : reason[..newline]).TrimEnd('.', ' ');
    }

    private static string Shorten(string value, int length = 60) => value.Length <= length ? value : value[..(length - 3)] + "...";

    /// <summary>The id of a line that is not valid JSON, when it can still be seen, so that the error can name it.</summary>
    private static string? IdOf(string line)
    {
        Match match = IdField().Match(line.Length > 4096 ? line[..4096] : line);
        return match.Success ? match.Groups["id"].Value : null;
    }

    [GeneratedRegex(@"""id""\s*:\s*(?:""(?<id>[^""\\]{1,200})""|(?<id>-?\d{1,30}))", RegexOptions.CultureInvariant)]
    private static partial Regex IdField();
}

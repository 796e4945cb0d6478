using System.Text.Json;
using Sitrep.Serialization;

namespace Sitrep.Articles;

/// <summary>
/// A batch of articles, one JSON object per line: <c>{"id", "text" | "html", "published", "lang", "title", "url", "source"}</c>.
/// A line that is not valid JSON, or has neither text nor html, becomes a failure and the batch goes on.
/// </summary>
public static class JsonLinesArticleReader
{
    public static IEnumerable<ArticleReadResult> Read(string content, string origin)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var reader = new StringReader(content);
        int lineNumber = 0;
        while (reader.ReadLine() is string rawLine)
        {
            lineNumber++;
            string line = rawLine.Trim();
            if (line.Length > 0)
            {
                yield return ReadLine(line, $"{origin}:{lineNumber}", lineNumber);
            }
        }
    }

    public static ArticleReadResult ReadLine(string line, string origin, int lineNumber)
    {
        InputArticleModel? input;
        try
        {
            input = SitrepJson.DeserializeInput(line);
        }
        catch (JsonException e)
        {
            return ArticleReadResult.Failure(origin, $"not a JSON object: {FirstLine(e.Message)}", IdOf(line), lineNumber);
        }

        if (input is null)
        {
            return ArticleReadResult.Failure(origin, "not a JSON object: null", null, lineNumber);
        }

        try
        {
            return ArticleReadResult.Success(origin, ToArticle(input), lineNumber);
        }
        catch (ArticleReadException e)
        {
            return ArticleReadResult.Failure(origin, e.Message, input.Id, lineNumber);
        }
    }

    public static Article ToArticle(InputArticleModel input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Article article;
        if (!string.IsNullOrWhiteSpace(input.Text))
        {
            article = new Article { Text = input.Text };
        }
        else if (!string.IsNullOrWhiteSpace(input.Html))
        {
            article = HtmlArticleReader.Read(input.Html);
        }
        else
        {
            throw new ArticleReadException("neither \"text\" nor \"html\" is given (or both are empty)");
        }

        PublicationDate? published = article.Published;
        if (input.Published is not null)
        {
            published = PublicationDate.TryParse(input.Published, out PublicationDate date)
                ? date
                : throw new ArticleReadException($"\"published\" is not a date: '{input.Published}' (expected ISO 8601, e.g. 2022-05-14)");
        }

        return article with
        {
            Id = input.Id ?? article.Id,
            Title = input.Title ?? article.Title,
            Url = input.Url ?? article.Url,
            Source = input.Source ?? article.Source,
            Language = input.Lang ?? article.Language,
            Published = published,
        };
    }

    /// <summary>The id of a line that failed to parse as a whole, when it can still be read, so the error can name it.</summary>
    private static string? IdOf(string line)
    {
        try
        {
            using var reader = JsonDocument.Parse(line, new JsonDocumentOptions { AllowTrailingCommas = true });
            return reader.RootElement.ValueKind == JsonValueKind.Object && reader.RootElement.TryGetProperty("id", out JsonElement id)
                && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string FirstLine(string message)
    {
        int newline = message.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? message : message[..newline];
    }
}

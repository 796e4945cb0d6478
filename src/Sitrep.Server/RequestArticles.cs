using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Sitrep.Articles;

namespace Sitrep.Server;

/// <summary>
/// Reads the articles a request body carries, by its content type: <c>text/plain</c> one text, <c>text/html</c>
/// one page, <c>application/json</c> one article object (<c>{"id", "text" | "html", "published", "lang", …}</c>,
/// as a JSON Lines line, pretty-printed or not) or an array of them, <c>application/jsonl</c> (or
/// <c>application/x-ndjson</c>) one per line.
/// </summary>
internal static class RequestArticles
{
    /// <summary>The body, at most <paramref name="limit"/> bytes; null when it is longer.</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The articles in <paramref name="body"/>; throws <see cref="FormatException"/> when the body is not what its type says.</summary>
    public static IReadOnlyList<ArticleReadResult> Read(byte[] body, string? contentType, string origin)
    {
        string media = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        switch (media)
        {
            case "text/plain":
                return [.. ArticleReader.Read(body, origin, ArticleFormat.Text)];
            case "text/html" or "application/xhtml+xml":
                return [.. ArticleReader.Read(body, origin, ArticleFormat.Html)];
            case "application/jsonl" or "application/x-ndjson" or "application/x-jsonlines":
                return [.. ArticleReader.Read(body, origin, ArticleFormat.JsonLines)];
            case "application/json" or "":
                return [.. ArticleReader.Read(ToJsonLines(body), origin, ArticleFormat.JsonLines)];
            default:
                throw new FormatException($"content type '{media}' is none of text/plain, text/html, application/json, application/jsonl");
        }
    }

    /// <summary>A JSON object, or an array of them, as JSON Lines: each object compacted onto its own line.</summary>
    private static byte[] ToJsonLines(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new FormatException($"the body is not JSON: {e.Message}", e);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            IEnumerable<JsonElement> objects = root.ValueKind switch
            {
                JsonValueKind.Object => [root],
                JsonValueKind.Array => root.EnumerateArray(),
                _ => throw new FormatException("the body is neither an article object nor an array of them"),
            };
            using var lines = new MemoryStream();
            foreach (JsonElement article in objects)
            {
                if (article.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException("every article must be a JSON object");
                }

                using (var writer = new Utf8JsonWriter(lines))
                {
                    article.WriteTo(writer);
                }

                lines.WriteByte((byte)'\n');
            }

            return lines.ToArray();
        }
    }
}

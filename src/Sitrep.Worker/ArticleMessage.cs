using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sitrep.Articles;

namespace Sitrep.Worker;

/// <summary>
/// One article on the queue: a UTF-8 JSON object with the fields of a <c>sitrep ingest</c> JSON Lines batch
/// (<c>id, text, published, lang, title, url, source</c>), read back by <see cref="JsonLinesArticleReader"/> so a queued
/// article is extracted exactly as the same line in a batch would be.
/// </summary>
public static class ArticleMessage
{
    public static byte[] Write(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteIfSet(writer, "id", article.Id);
            writer.WriteString("text", article.Text);
            WriteIfSet(writer, "published", article.Published?.ToString());
            WriteIfSet(writer, "lang", article.Language);
            WriteIfSet(writer, "title", article.Title);
            WriteIfSet(writer, "url", article.Url);
            WriteIfSet(writer, "source", article.Source);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The Nats-Msg-Id: the SHA-256 of the message (128 bits, hex), so the same article published twice within the
    /// stream's duplicate window is stored in the stream once, while a changed version is a new message.
    /// </summary>
    public static string MessageId(ReadOnlySpan<byte> message) => Convert.ToHexStringLower(SHA256.HashData(message)[..16]);

    /// <summary>The article a message holds, or why it cannot be read (a failure to dead-letter, never an exception).</summary>
    public static ArticleReadResult Read(ReadOnlySpan<byte> message, string origin)
    {
        string line;
        try
        {
            line = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(message).Trim();
        }
        catch (DecoderFallbackException)
        {
            return ArticleReadResult.Failure(origin, "the message is not UTF-8");
        }

        return line.Length == 0
            ? ArticleReadResult.Failure(origin, "the message is empty")
            : JsonLinesArticleReader.ReadLine(line, origin, 1);
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }
}

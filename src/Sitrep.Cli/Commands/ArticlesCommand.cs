using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep articles [filters]</c> lists stored articles; <c>sitrep articles get &lt;id&gt;</c> prints one stored document unchanged.</summary>
internal static class ArticlesCommand
{
    private static readonly string[] CsvColumns = ["id", "published", "language", "source", "title", "url", "sentences", "entities", "events", "content_hash", "duplicate_of", "similarity"];

    public static Command Create()
    {
        var store = StoreLocation.CreateOption();
        var query = new Option<string?>("--query", "-q") { Description = "Words that must all occur in the title or text (case and accents ignored; evacu* for a prefix)." };
        var since = new Option<string?>("--since") { Description = "Published on or after this day (yyyy-MM-dd)." };
        var until = new Option<string?>("--until") { Description = "Published on or before this day (yyyy-MM-dd)." };
        var lang = new Option<string?>("--lang") { Description = "Language (ISO 639-1)." };
        var source = new Option<string?>("--source") { Description = "Source, as stored." };
        var collapse = new Option<bool>("--collapse-duplicates") { Description = "Leave out near-duplicates of earlier articles (republished wire copy): each story once." };
        var duplicatesOf = new Option<string?>("--duplicates-of") { Description = "Only the near-duplicates linked to this article id." };
        var limit = new Option<int>("--limit") { Description = "At most this many articles (0: all).", DefaultValueFactory = _ => 100 };
        var format = new Option<string>("--format") { Description = "jsonl (one object per article) or csv.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");

        var getStore = StoreLocation.CreateOption();
        var id = new Argument<string>("id") { Description = "The article id." };
        var get = new Command("get", "Print an article's stored sitrep/1 document, exactly as it was stored.") { id, getStore };
        get.SetAction((parse, cancellationToken) => Get(StoreLocation.Resolve(parse.GetValue(getStore)), parse.GetValue(id)!, cancellationToken));

        var command = new Command("articles", "List stored articles, newest first or best text match first.") { store, query, since, until, lang, source, collapse, duplicatesOf, limit, format, get };
        command.SetAction((parse, cancellationToken) =>
        {
            if (!StoreLocation.TryParseDay(parse.GetValue(since), "--since", out DateOnly? from, out string? error)
                || !StoreLocation.TryParseDay(parse.GetValue(until), "--until", out DateOnly? to, out error))
            {
                return Task.FromResult(CliExit.Fail(error!));
            }

            int max = parse.GetValue(limit);
            var articleQuery = new ArticleQuery
            {
                Text = parse.GetValue(query),
                Since = from,
                Until = to,
                Language = parse.GetValue(lang),
                Source = parse.GetValue(source),
                CollapseDuplicates = parse.GetValue(collapse),
                DuplicatesOf = parse.GetValue(duplicatesOf),
                Limit = max <= 0 ? null : max,
            };
            return List(StoreLocation.Resolve(parse.GetValue(store)), articleQuery, parse.GetValue(format) == "csv", cancellationToken);
        });
        return command;
    }

    private static async Task<int> List(string location, ArticleQuery query, bool csv, CancellationToken cancellationToken)
    {
        IReadOnlyList<ArticleSummary> articles;
        try
        {
            await using IDocumentStore store = StoreLocation.Open(location);
            articles = await store.FindArticlesAsync(query, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DocumentStoreException or DbException or IOException or UnauthorizedAccessException)
        {
            return CliExit.Fail($"{StoreLocation.Describe(location)}: {e.Message}");
        }

        using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
        if (csv)
        {
            output.Write(string.Join(',', CsvColumns));
            output.Write('\n');
        }

        foreach (ArticleSummary a in articles)
        {
            if (csv)
            {
                string?[] cells =
                [
                    a.Id, a.Published, a.Language, a.Source, a.Title, a.Url, Number(a.Sentences), Number(a.Entities), Number(a.Events), a.ContentHash,
                    a.DuplicateOf, a.Similarity?.ToString("0.###", CultureInfo.InvariantCulture),
                ];
                output.Write(string.Join(',', cells.Select(Csv)));
            }
            else
            {
                output.Write(Json(a));
            }

            output.Write('\n');
        }

        return CliExit.Success;
    }

    private static async Task<int> Get(string location, string id, CancellationToken cancellationToken)
    {
        string? json;
        try
        {
            await using IDocumentStore store = StoreLocation.Open(location);
            json = await store.GetJsonAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DocumentStoreException or DbException or IOException or UnauthorizedAccessException)
        {
            return CliExit.Fail($"{StoreLocation.Describe(location)}: {e.Message}");
        }

        if (json is null)
        {
            return CliExit.Fail($"no article with id '{id}' in {StoreLocation.Describe(location)}");
        }

        using Stream stdout = Console.OpenStandardOutput();
        stdout.Write(Encoding.UTF8.GetBytes(json));
        stdout.WriteByte((byte)'\n');
        return CliExit.Success;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>RFC 4180: quoted when the cell holds a comma, a quote or a line break; quotes doubled.</summary>
    private static string Csv(string? cell) =>
        cell is null ? ""
        : cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : cell;

    private static string Json(ArticleSummary a)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("id", a.Id);
            writer.WriteString("published", a.Published);
            writer.WriteString("language", a.Language);
            writer.WriteString("source", a.Source);
            writer.WriteString("title", a.Title);
            writer.WriteString("url", a.Url);
            writer.WriteNumber("sentences", a.Sentences);
            writer.WriteNumber("entities", a.Entities);
            writer.WriteNumber("events", a.Events);
            writer.WriteString("content_hash", a.ContentHash);
            writer.WriteString("duplicate_of", a.DuplicateOf);
            if (a.Similarity is double similarity)
            {
                writer.WriteNumber("similarity", Math.Round(similarity, 3));
            }
            else
            {
                writer.WriteNull("similarity");
            }
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sitrep.Articles;
using Sitrep.Pipeline;
using Sitrep.Serialization;
using Sitrep.Storage;
using Sitrep.Storage.Exports;

namespace Sitrep.Server;

/// <summary>The HTTP API: one method per endpoint, each reading its parameters and answering JSON or problem details.</summary>
internal static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Health).WithSummary("Liveness and the store's counts.");
        app.MapGet("/metrics", (ServerMetrics metrics) => Results.Text(metrics.ToPrometheusText(), "text/plain; version=0.0.4; charset=utf-8"))
            .WithSummary("Request and article counters, Prometheus text format.");

        RouteGroupBuilder api = app.MapGroup("/api");
        api.MapPost("/extract", Extract)
            .WithSummary("Extracts one article (text/plain, text/html or an application/json article object) to sitrep/1; nothing is stored.")
            .Accepts<string>("text/plain", "text/html", "application/json")
            .Produces<string>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/articles", Ingest)
            .AddEndpointFilter<ApiKey>()
            .WithSummary("Extracts and stores one article or a batch (application/jsonl, or a JSON array). Needs the X-Api-Key header.")
            .Accepts<string>("application/json", "application/jsonl", "text/plain", "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/articles", FindArticles).WithSummary("Stored articles: full-text q, since, until, lang, source, collapse_duplicates, limit, offset.");
        // A catch-all: article ids are the caller's and may hold slashes ("afp/2022/05/13-1").
        api.MapGet("/articles/{**id}", GetArticle).WithSummary("One stored sitrep/1 document, exactly as stored.")
            .Produces<string>(StatusCodes.Status200OK, "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/events", FindEvents)
            .WithSummary("Stored events: " + string.Join(", ", EventQueryParameters.All.Select(p => p.Name)) + "; format=json|jsonl|csv|geojson or the Accept header.")
            .ProducesValidationProblem();
        api.MapGet("/entities", (HttpRequest request, IDocumentStore store, CancellationToken cancellationToken) =>
            FindNames(request, (query, token) => store.FindEntitiesAsync(query, token), cancellationToken))
            .WithSummary("Entity names across articles: name, type, country, limit, offset.");
        api.MapGet("/places", (HttpRequest request, IDocumentStore store, CancellationToken cancellationToken) =>
            FindNames(request, (query, token) => store.FindPlacesAsync(query, token), cancellationToken))
            .WithSummary("Places across articles: name, country, limit, offset.");
    }

    private static async Task<IResult> Health(IDocumentStore store, CancellationToken cancellationToken)
    {
        StoreSummary summary = await store.GetSummaryAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(new { Status = "ok", SitrepServer.Version, summary.SchemaVersion, summary.Articles, summary.Events });
    }

    private static async Task<IResult> Extract(HttpRequest request, ExtractionPipeline pipeline, SitrepServerOptions options, ServerMetrics metrics, CancellationToken cancellationToken)
    {
        (IReadOnlyList<ArticleReadResult>? reads, IResult? problem) = await ReadArticlesAsync(request, options, cancellationToken).ConfigureAwait(false);
        if (reads is null)
        {
            return problem!;
        }

        if (reads.Count != 1)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "One article expected",
                detail: $"The body holds {reads.Count} articles; /api/extract takes one (POST a batch to /api/articles to store it).");
        }

        if (reads[0].Article is not Article article)
        {
            return Unprocessable(reads[0].Error ?? "the article could not be read");
        }

        try
        {
            string json = SitrepJson.Serialize(SitrepJson.ToModel(pipeline.Extract(Defaults(article, request), cancellationToken)));
            metrics.CountExtracted();
            return Results.Text(json, "application/json", Encoding.UTF8);
        }
        catch (ArticleReadException e)
        {
            return Unprocessable(e.Message);
        }
    }

    private static async Task<IResult> Ingest(
        HttpRequest request, ExtractionPipeline pipeline, IDocumentStore store, SitrepServerOptions options, ServerMetrics metrics, CancellationToken cancellationToken)
    {
        (IReadOnlyList<ArticleReadResult>? reads, IResult? problem) = await ReadArticlesAsync(request, options, cancellationToken).ConfigureAwait(false);
        if (reads is null)
        {
            return problem!;
        }

        var ingestor = new ArticleIngestor(pipeline, store);
        var results = new List<object>(reads.Count);
        int stored = 0, failed = 0;
        foreach (ArticleReadResult read in reads)
        {
            ArticleReadResult withDefaults = read.Article is Article article ? read with { Article = Defaults(article, request) } : read;
            IngestResult result = await ingestor.IngestAsync(withDefaults, cancellationToken).ConfigureAwait(false);
            stored += result.Status is IngestStatus.New or IngestStatus.Updated ? 1 : 0;
            failed += result.Status == IngestStatus.Failed ? 1 : 0;
            results.Add(new
            {
                Id = result.ArticleId,
                Status = result.Status.ToString().ToLowerInvariant(),
                result.Error,
                result.NearDuplicateOf,
                result.Similarity,
            });
        }

        metrics.CountIngested(stored, failed);
        return Results.Ok(new { Count = reads.Count, Stored = stored, Failed = failed, Results = results });
    }

    private static async Task<IResult> FindArticles(HttpRequest request, IDocumentStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        DateOnly? since = Day(request, "since", errors), until = Day(request, "until", errors);
        int limit = Integer(request, "limit", 50, 1, 1000, errors), offset = Integer(request, "offset", 0, 0, int.MaxValue, errors);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var query = new ArticleQuery
        {
            Text = Value(request, "q"),
            Since = since,
            Until = until,
            Language = Value(request, "lang"),
            Source = Value(request, "source"),
            CollapseDuplicates = Value(request, "collapse_duplicates") is "1" or "true",
            DuplicatesOf = Value(request, "duplicates_of"),
            Limit = limit,
            Offset = offset,
        };
        IReadOnlyList<ArticleSummary> articles = await store.FindArticlesAsync(query, cancellationToken).ConfigureAwait(false);
        return Results.Ok(new { Count = articles.Count, Offset = offset, Articles = articles });
    }

    private static async Task<IResult> GetArticle(string id, IDocumentStore store, CancellationToken cancellationToken)
    {
        // The server decodes every escape in the path but %2F (it would change the path's segments), so an id sent
        // whole through encodeURIComponent ("afp%2F2022%2F05") arrives with its slashes still escaped.
        id = id.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        string? json = await store.GetJsonAsync(id, cancellationToken).ConfigureAwait(false);
        return json is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such article", detail: $"No article with id '{id}' is stored.")
            : Results.Text(json, "application/json", Encoding.UTF8);
    }

    private static async Task<IResult> FindEvents(HttpContext context, IDocumentStore store, CancellationToken cancellationToken)
    {
        HttpRequest request = context.Request;
        EventQuery? query = EventQueryParameters.TryParse(name => Value(request, name), out IReadOnlyDictionary<string, string[]> errors);
        EventExportFormat? format = Value(request, "format") is string name ? EventExportFormats.Parse(name) : EventExportFormats.FromAccept(request.Headers.Accept) ?? EventExportFormat.Json;
        if (format is null)
        {
            errors = new Dictionary<string, string[]>(errors, StringComparer.Ordinal) { ["format"] = [$"'{Value(request, "format")}' is not json, jsonl, csv or geojson"] };
        }

        if (query is null || format is not EventExportFormat export)
        {
            return Results.ValidationProblem(errors);
        }

        IReadOnlyList<EventRecord> events = await store.FindEventsAsync(query, cancellationToken).ConfigureAwait(false);
        context.Response.ContentType = export.MediaType();
        if (export == EventExportFormat.Csv)
        {
            context.Response.Headers.ContentDisposition = "attachment; filename=\"events.csv\"";
        }

        await EventExporter.WriteAsync(events, export, context.Response.Body, query.Offset, cancellationToken).ConfigureAwait(false);
        return Results.Empty;
    }

    private static async Task<IResult> FindNames<T>(HttpRequest request, Func<NameQuery, CancellationToken, Task<IReadOnlyList<T>>> find, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        int limit = Integer(request, "limit", 50, 1, 1000, errors), offset = Integer(request, "offset", 0, 0, int.MaxValue, errors);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var query = new NameQuery { Name = Value(request, "name"), Type = Value(request, "type"), Country = Value(request, "country"), Limit = limit, Offset = offset };
        IReadOnlyList<T> found = await find(query, cancellationToken).ConfigureAwait(false);
        return Results.Ok(new { Count = found.Count, Offset = offset, Items = found });
    }

    /// <summary>The request's articles, or the problem to answer: 413 past the limit, 400 when the body is not what its type says.</summary>
    private static async Task<(IReadOnlyList<ArticleReadResult>? Reads, IResult? Problem)> ReadArticlesAsync(
        HttpRequest request, SitrepServerOptions options, CancellationToken cancellationToken)
    {
        byte[]? body;
        try
        {
            body = await RequestArticles.ReadBodyAsync(request, options.MaxRequestBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null;
        }

        if (body is null)
        {
            return (null, SitrepServer.TooLarge(options.MaxRequestBodyBytes));
        }

        if (body.Length == 0)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Empty body", detail: "POST the article's text, HTML page or JSON object."));
        }

        try
        {
            return (RequestArticles.Read(body, request.ContentType, "request"), null);
        }
        catch (FormatException e)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unreadable body", detail: e.Message));
        }
    }

    /// <summary>?published=2022-05-14 and ?lang=fr for a text or page that does not carry its own.</summary>
    private static Article Defaults(Article article, HttpRequest request)
    {
        PublicationDate? published = Value(request, "published") is string day && PublicationDate.TryParse(day, out PublicationDate date) ? date : null;
        return article with { Published = article.Published ?? published, Language = article.Language ?? Value(request, "lang") };
    }

    private static IResult Unprocessable(string reason) =>
        Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Article refused", detail: reason);

    private static string? Value(HttpRequest request, string name) => request.Query[name] is { Count: > 0 } values && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;

    private static DateOnly? Day(HttpRequest request, string name, Dictionary<string, string[]> errors)
    {
        if (Value(request, name) is not string text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day))
        {
            return day;
        }

        errors[name] = [$"'{text}' is not a day (yyyy-MM-dd)"];
        return null;
    }

    private static int Integer(HttpRequest request, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (Value(request, name) is not string text)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [$"'{text}' is not a whole number from {min} to {max}"];
        return fallback;
    }
}

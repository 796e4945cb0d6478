using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Sitrep.Serialization;
using Sitrep.Server;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;
using Sitrep.Tests.Storage;

namespace Sitrep.Tests.Server;

/// <summary>The HTTP API in process (TestServer) over a temporary SQLite store holding <see cref="StoreDocuments.Full"/>.</summary>
public sealed class ServerApiTests : IAsyncLifetime
{
    private const string Key = "test-key-0123456789";
    private const string SlashId = "afp/2022/05/13-1";

    /// <summary>Markup a hostile article carries: it must come back as JSON string data only, never as markup.</summary>
    private const string HostileText =
        "Les forces russes ont bombardé Kharkiv vendredi. <script>window.sitrepPwned = 1</script> \"><img src=x onerror=\"window.sitrepPwned = 2\"> Fin.";

    private readonly string _directory = Directory.CreateTempSubdirectory("sitrep-server-").FullName;
    private SqliteDocumentStore _store = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteDocumentStore(Path.Combine(_directory, "server.db"));
        await _store.PutAsync(StoredDocument.FromModel(StoreDocuments.Full()), Token);
        await _store.PutAsync(StoredDocument.FromModel(StoreDocuments.Full(SlashId)), Token);
        (_app, _client) = await StartAsync(new SitrepServerOptions { ApiKeyHash = SitrepServerOptions.HashApiKey(Key), MaxRequestBodyBytes = 64 * 1024 });
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Extract_returns_a_sitrep_document_and_stores_nothing()
    {
        using var body = new StringContent("""{"id": "x-1", "text": "Les forces russes ont bombardé Kharkiv vendredi 13 mai.", "published": "2022-05-14"}""", Encoding.UTF8, "application/json");

        using HttpResponseMessage response = await _client.PostAsync("/api/extract", body, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        SitrepDocumentModel document = SitrepJson.Deserialize(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(("sitrep/1", "x-1", "2022-05-14"), (document.Schema, document.Article.Id, document.Article.Published));
        Assert.Null(await _store.GetJsonAsync("x-1", Token));
    }

    [Fact]
    public async Task Extract_takes_plain_text_with_its_date_in_the_query()
    {
        using var body = new StringContent("Des manifestants se sont rassemblés à Lviv hier.", Encoding.UTF8, "text/plain");

        using HttpResponseMessage response = await _client.PostAsync("/api/extract?published=2022-05-14&lang=fr", body, Token);

        SitrepDocumentModel document = SitrepJson.Deserialize(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(("fr", "2022-05-14"), (document.Article.Language, document.Article.Published));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Ingest_without_the_right_api_key_is_401_problem_details_and_stores_nothing(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = Json("""{"id": "k-1", "text": "Des manifestants se sont rassemblés à Lviv."}""") };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using HttpResponseMessage response = await _client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(await _store.GetJsonAsync("k-1", Token));
    }

    [Fact]
    public async Task Ingest_with_the_api_key_stores_one_article_or_a_json_lines_batch()
    {
        using HttpResponseMessage one = await PostArticlesAsync(Json("""{"id": "k-1", "text": "Des manifestants se sont rassemblés à Lviv.", "published": "2022-05-14"}"""));
        using var lines = new StringContent(
            "{\"id\": \"k-2\", \"text\": \"Les pompiers sont intervenus à Nîmes.\"}\n{\"id\": \"k-3\", \"html\": \"<p>Une manifestation a eu lieu à Lyon.</p>\"}\n{\"id\": \"k-4\"}\n",
            Encoding.UTF8, "application/jsonl");
        using HttpResponseMessage batch = await PostArticlesAsync(lines);

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        using var result = JsonDocument.Parse(await batch.Content.ReadAsStringAsync(Token));
        Assert.Equal((3, 2, 1), (result.RootElement.GetProperty("count").GetInt32(), result.RootElement.GetProperty("stored").GetInt32(), result.RootElement.GetProperty("failed").GetInt32()));
        Assert.Equal(["new", "new", "failed"], result.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        Assert.NotNull(await _store.GetJsonAsync("k-1", Token));
        Assert.NotNull(await _store.GetJsonAsync("k-3", Token));
    }

    [Fact]
    public async Task Body_over_the_limit_is_413_problem_details()
    {
        using var body = new StringContent(new string('a', 70 * 1024), Encoding.UTF8, "text/plain");

        using HttpResponseMessage response = await _client.PostAsync("/api/extract", body, Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(413, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Bad_filters_are_400_validation_problems_naming_each_parameter()
    {
        using HttpResponseMessage response = await _client.GetAsync("/api/events?limit=abc&near=95,10&since=yesterday&format=xml", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(["format", "limit", "near", "since"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Unknown_routes_and_articles_are_404_problem_details()
    {
        using HttpResponseMessage route = await _client.GetAsync("/api/nothing-here", Token);
        using HttpResponseMessage article = await _client.GetAsync("/api/articles/no/such/article", Token);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (route.StatusCode, article.StatusCode));
        Assert.Equal("application/problem+json", article.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/problem+json", route.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Events_are_filtered_by_the_shared_parameter_names()
    {
        async Task<string[]> Ids(string query)
        {
            using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/events?" + query, Token));
            return [.. json.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("article_id").GetString() + ":" + e.GetProperty("event_id").GetString())];
        }

        // The two articles report the same two events: unmerged=true lists each article's report.
        Assert.Equal(["afp/2022/05/13-1:V1", "full-1:V1"], await Ids("type=assault&unmerged=true"));
        Assert.Equal(["full-1:V1"], await Ids("type=ASSAULT&article=full-1&unmerged=true"));
        Assert.Equal(["afp/2022/05/13-1:V2", "full-1:V2"], await Ids("near=49.84,24.02&radius=5&unmerged=true"));
        Assert.Equal(["afp/2022/05/13-1:V1", "full-1:V1"], await Ids("country=RUS&since=2022-05-01&until=2022-05-13&unmerged=true"));
        Assert.Equal(["full-1:V2"], await Ids("place=lviv&sort=-date&limit=1&offset=1&unmerged=true"));
        Assert.Equal(4, (await Ids("text=céderons&unmerged=true")).Length);
        Assert.Empty(await Ids("modality=negated"));
        Assert.Equal(["full-1:V1"], await Ids("type=assault"));
        Assert.Equal(2, (await Ids("text=céderons")).Length);
    }

    [Fact]
    public async Task Events_reported_by_several_articles_are_listed_once_with_their_reports_and_sources_issue_9()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/events?type=ASSAULT", Token));
        JsonElement assault = json.RootElement.GetProperty("events").EnumerateArray().Single();
        Assert.Equal(2, assault.GetProperty("sources").GetInt32());
        Assert.Equal(["full-1/V1", SlashId + "/V1"], assault.GetProperty("reports").EnumerateArray()
            .Select(r => r.GetProperty("article_id").GetString() + "/" + r.GetProperty("event_id").GetString()));
        JsonElement copy = assault.GetProperty("reports")[1];
        Assert.Equal("bombardé", StoreDocuments.FullText[copy.GetProperty("trigger_start").GetInt32()..copy.GetProperty("trigger_end").GetInt32()]);

        using HttpResponseMessage bad = await _client.GetAsync("/api/events?unmerged=maybe", Token);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Events_export_as_jsonl_csv_and_geojson_by_format_or_accept_header()
    {
        string jsonl = await _client.GetStringAsync("/api/events?format=jsonl&article=full-1", Token);
        string[] lines = jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("Explosions/Remote violence", JsonDocument.Parse(lines[0]).RootElement.GetProperty("acled_event_type").GetString());

        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, "/api/events?article=full-1");
        csvRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using HttpResponseMessage csv = await _client.SendAsync(csvRequest, Token);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        string[] rows = (await csv.Content.ReadAsStringAsync(Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, rows.Length);
        Assert.StartsWith("event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("UA-full-1-V1,2022-05-13,2022,1,Explosions/Remote violence,Air/drone strike,Les forces russes,,1,Kharkiv,,7,UA,Kharkiv,Kharkiv,49.98,36.25,1,Exemple Presse,", rows[1], StringComparison.Ordinal);

        using var geo = JsonDocument.Parse(await _client.GetStringAsync("/api/events?format=geojson&article=full-1", Token));
        Assert.Equal("FeatureCollection", geo.RootElement.GetProperty("type").GetString());
        JsonElement feature = geo.RootElement.GetProperty("features")[0];
        Assert.Equal([36.25, 49.98], feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        Assert.Equal(0, geo.RootElement.GetProperty("events_without_coordinates").GetInt32());
    }

    [Theory]
    [InlineData("/api/articles/afp/2022/05/13-1")]
    [InlineData("/api/articles/afp%2F2022%2F05%2F13-1")]
    public async Task Article_whose_id_holds_slashes_is_reachable(string path)
    {
        using HttpResponseMessage response = await _client.GetAsync(path, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await _store.GetJsonAsync(SlashId, Token), await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task Hostile_article_markup_comes_back_only_as_json_string_data()
    {
        using HttpResponseMessage stored = await PostArticlesAsync(Json(JsonSerializer.Serialize(new { id = "hostile-1", text = HostileText, published = "2022-05-14", title = "<script>window.sitrepPwned = 3</script>" })));
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);

        using HttpResponseMessage article = await _client.GetAsync("/api/articles/hostile-1", Token);
        Assert.Equal("application/json", article.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join(",", article.Headers.GetValues("X-Content-Type-Options")));
        SitrepDocumentModel document = SitrepJson.Deserialize(await article.Content.ReadAsStringAsync(Token));
        Assert.Contains("<script>window.sitrepPwned = 1</script>", document.Text, StringComparison.Ordinal);
        Assert.Contains("onerror=", document.Text, StringComparison.Ordinal);

        using HttpResponseMessage list = await _client.GetAsync("/api/articles?q=forces", Token);
        Assert.Equal("application/json", list.Content.Headers.ContentType?.MediaType);
        using var articles = JsonDocument.Parse(await list.Content.ReadAsStringAsync(Token));
        Assert.Contains(articles.RootElement.GetProperty("articles").EnumerateArray(), a => a.GetProperty("title").GetString() == "<script>window.sitrepPwned = 3</script>");
    }

    [Fact]
    public async Task Responses_carry_the_content_security_policy_and_no_cors_headers_by_default()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        request.Headers.Add("Origin", "https://evil.example");
        using HttpResponseMessage api = await _client.SendAsync(request, Token);
        using HttpResponseMessage page = await _client.GetAsync("/", Token);

        foreach (HttpResponseMessage response in new[] { api, page })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            string csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        }

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Cors_origin_given_at_start_is_the_only_one_allowed()
    {
        (WebApplication app, HttpClient client) = await StartAsync(new SitrepServerOptions { CorsOrigins = ["https://analysts.example"] });
        await using (app)
        using (client)
        {
            async Task<string?> Allowed(string origin)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
                request.Headers.Add("Origin", origin);
                using HttpResponseMessage response = await client.SendAsync(request, Token);
                return response.Headers.TryGetValues("Access-Control-Allow-Origin", out IEnumerable<string>? values) ? values.Single() : null;
            }

            Assert.Equal("https://analysts.example", await Allowed("https://analysts.example"));
            Assert.Null(await Allowed("https://evil.example"));
        }
    }

    [Fact]
    public async Task Health_metrics_entities_places_and_openapi_answer()
    {
        using var health = JsonDocument.Parse(await _client.GetStringAsync("/health", Token));
        Assert.Equal(("ok", 2), (health.RootElement.GetProperty("status").GetString(), health.RootElement.GetProperty("articles").GetInt32()));

        using var places = JsonDocument.Parse(await _client.GetStringAsync("/api/places?name=khar", Token));
        Assert.Equal("Kharkiv", places.RootElement.GetProperty("items")[0].GetProperty("name").GetString());
        using var entities = JsonDocument.Parse(await _client.GetStringAsync("/api/entities?type=PER", Token));
        Assert.Equal("Volodymyr Zelensky", entities.RootElement.GetProperty("items")[0].GetProperty("name").GetString());

        using var openApi = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json", Token));
        Assert.True(openApi.RootElement.GetProperty("paths").TryGetProperty("/api/events", out _));

        string metrics = await _client.GetStringAsync("/metrics", Token);
        Assert.Contains("sitrep_http_requests_total{route=\"/api/places\",status=\"200\"} 1", metrics, StringComparison.Ordinal);
    }

    private async Task<(WebApplication App, HttpClient Client)> StartAsync(SitrepServerOptions options)
    {
        WebApplication app = SitrepServer.Build(_store, options, configure: builder => builder.WebHost.UseTestServer());
        await app.StartAsync(Token);
        return (app, app.GetTestClient());
    }

    private async Task<HttpResponseMessage> PostArticlesAsync(HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = content };
        request.Headers.Add("X-Api-Key", Key);
        return await _client.SendAsync(request, Token);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}

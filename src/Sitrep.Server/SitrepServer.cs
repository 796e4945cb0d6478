using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Server;

/// <summary>
/// The HTTP host: the JSON API over one store and one extraction pipeline (both built once, shared by every request),
/// the web page from embedded files, health, metrics and the OpenAPI document. Every error is an RFC 7807 problem
/// details object; every answer carries a content security policy that allows this origin's own files only.
/// </summary>
public static class SitrepServer
{
    /// <summary>
    /// The page's policy: its own scripts, styles and data only; no inline script or style attribute runs, no other
    /// site may frame it, no plugin loads. A stored article's text is data: even if it reached the DOM as markup,
    /// its scripts would not run.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Builds the application; the caller starts it (<c>RunAsync</c>) and disposes the store afterwards.</summary>
    /// <param name="store">The store the API reads and writes; not disposed by the server.</param>
    /// <param name="options">Where to listen, the API key, CORS origins, the body limit.</param>
    /// <param name="pipeline">The extraction pipeline; <see cref="SitrepExtractor.Default"/> when null.</param>
    /// <param name="configure">Last changes to the builder (tests use an in-memory server).</param>
    public static WebApplication Build(IDocumentStore store, SitrepServerOptions options, ExtractionPipeline? pipeline = null, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        });
        // One line per request at Information would cost more than the request itself; say where it listens, then warnings only.
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);

        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(pipeline ?? SitrepExtractor.Default);
        builder.Services.AddSingleton<ServerMetrics>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Sitrep API";
            document.Info.Description = "News articles to sitrep/1 documents; stored events with filters and exports. Errors are RFC 7807 problem details.";
            return Task.CompletedTask;
        }));
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
        if (!options.CorsOrigins.IsEmpty)
        {
            builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
                policy.WithOrigins([.. options.CorsOrigins]).WithMethods("GET", "POST").WithHeaders("Content-Type", ApiKey.HeaderName)));
        }

        configure?.Invoke(builder);
        WebApplication app = builder.Build();

        ServerMetrics metrics = app.Services.GetRequiredService<ServerMetrics>();
        app.Use(metrics.MeasureAsync);
        app.Use(SecurityHeaders);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use((context, next) => LimitBody(context, next, options.MaxRequestBodyBytes));
        if (!options.CorsOrigins.IsEmpty)
        {
            app.UseCors();
        }

        var files = new EmbeddedFileProvider(typeof(SitrepServer).Assembly, "Sitrep.Server.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });

        app.MapOpenApi();
        ApiEndpoints.Map(app);
        return app;
    }

    /// <summary>The server's version, for /health.</summary>
    public static string Version =>
        typeof(SitrepServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private static Task SecurityHeaders(HttpContext context, RequestDelegate next)
    {
        IHeaderDictionary headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        return next(context);
    }

    /// <summary>A body announced longer than the limit is refused before it is read: 413 with a problem details object.</summary>
    private static Task LimitBody(HttpContext context, RequestDelegate next, long limit) =>
        context.Request.ContentLength > limit
            ? TooLarge(limit).ExecuteAsync(context)
            : next(context);

    internal static IResult TooLarge(long limit) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
        detail: $"The body may hold at most {limit} bytes; split a batch into several requests.");
}

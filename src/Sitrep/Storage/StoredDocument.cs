using System.Buffers;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Sitrep.Duplicates;
using Sitrep.Pipeline;
using Sitrep.Serialization;

namespace Sitrep.Storage;

/// <summary>
/// A sitrep/1 document ready to store: the model the relational rows come from, and the JSON that is kept
/// and given back byte for byte. <see cref="ContentHash"/> is the SHA-256 of that JSON, so re-extracting an
/// article with better stages gives a new hash and replaces the old version, while the same output is a duplicate.
/// What a store computes from the document alone (the event reports merging compares, the near-duplicate signature) is
/// computed here, where the document is made: by whoever extracted or parsed it, on any core, not by the store's writer.
/// </summary>
public sealed record StoredDocument
{
    private StoredDocument(SitrepDocumentModel model, string json)
    {
        Model = model;
        Json = json;
        ContentHash = Hash(json);
        Reports = [.. EventReport.From(model)];
        Signature = NearDuplicateDetector.Default.Sign(model.Text);
    }

    public SitrepDocumentModel Model { get; }

    public string Json { get; }

    public string ContentHash { get; }

    /// <summary>The document's events as merging compares them, one per event, in order (<see cref="EventReport.From"/>).</summary>
    public ImmutableArray<EventReport> Reports { get; }

    /// <summary>The text's near-duplicate signature (<see cref="NearDuplicateDetector.Default"/>).</summary>
    public MinHashSignature Signature { get; }

    /// <summary>The article id; a document whose id is blank gets the contract's content id (a hash of its text).</summary>
    public string ArticleId => string.IsNullOrWhiteSpace(Model.Article.Id) ? ExtractionPipeline.ContentId(Model.Text) : Model.Article.Id;

    public static StoredDocument FromModel(SitrepDocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (string.IsNullOrWhiteSpace(model.Article.Id))
        {
            model = model with { Article = model.Article with { Id = ExtractionPipeline.ContentId(model.Text) } };
        }

        return new StoredDocument(model, SitrepJson.Serialize(model));
    }

    /// <summary>
    /// Keeps <paramref name="json"/> exactly as given; throws <see cref="System.Text.Json.JsonException"/> when it is not a
    /// sitrep/1 document. The <see cref="Model"/>'s sentences have no tokens: the store keeps those in the JSON alone.
    /// </summary>
    public static StoredDocument FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        SitrepDocumentModel model = SitrepJson.DeserializeWithoutTokens(json);
        if (!string.Equals(model.Schema, SitrepDocumentModel.SchemaVersion, StringComparison.Ordinal))
        {
            throw new System.Text.Json.JsonException($"schema is '{model.Schema}', not '{SitrepDocumentModel.SchemaVersion}'");
        }

        if (model.Article is null || model.Text is null)
        {
            throw new System.Text.Json.JsonException("a sitrep/1 document needs \"article\" and \"text\"");
        }

        return new StoredDocument(model, json);
    }

    private static string Hash(string json)
    {
        byte[] utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(utf8.AsSpan(0, Encoding.UTF8.GetBytes(json, utf8)), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }
}

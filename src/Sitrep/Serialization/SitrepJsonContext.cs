using System.Text.Json.Serialization;

namespace Sitrep.Serialization;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(SitrepDocumentModel))]
[JsonSerializable(typeof(ErrorModel))]
[JsonSerializable(typeof(InputArticleModel))]
internal sealed partial class SitrepJsonContext : JsonSerializerContext;

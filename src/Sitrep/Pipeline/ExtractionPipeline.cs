using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Sitrep.Articles;
using Sitrep.Documents;

namespace Sitrep.Pipeline;

/// <summary>
/// A built, immutable extraction pipeline: normalise the article text, then run each stage in order.
/// Create it once (it holds loaded models) and share it across threads. Build one with
/// <see cref="ExtractionPipelineBuilder"/>, or use <see cref="SitrepExtractor"/> for the default.
/// </summary>
public sealed class ExtractionPipeline
{
    internal ExtractionPipeline(TextNormalizer normalizer, ImmutableArray<IDocumentStage> stages, int maxTextLength)
    {
        Normalizer = normalizer;
        Stages = stages;
        MaxTextLength = maxTextLength;
    }

    public TextNormalizer Normalizer { get; }

    public ImmutableArray<IDocumentStage> Stages { get; }

    /// <summary>Longest article text accepted, in UTF-16 code units; longer ones are refused with a clear error.</summary>
    public int MaxTextLength { get; }

    public Document Extract(Article article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (article.Text.Length > MaxTextLength)
        {
            throw new ArticleReadException(
                $"article text is {article.Text.Length:N0} characters, over the limit of {MaxTextLength:N0}; split it into several articles");
        }

        NormalizedText normalized = Normalizer.Normalize(article.Text);
        var document = new Document
        {
            Article = article,
            Id = string.IsNullOrWhiteSpace(article.Id) ? ContentId(normalized.Text) : article.Id,
            Text = normalized.Text,
            OffsetMap = normalized.Map,
        };

        foreach (IDocumentStage stage in Stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            document = stage.Process(document, cancellationToken);
        }

        return document;
    }

    /// <summary>A stable id for an article that has none: the same text always gets the same id.</summary>
    public static string ContentId(string normalizedText)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalizedText), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}

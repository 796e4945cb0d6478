using System.Buffers;
using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Segmentation;
using Sitrep.Tagging.Entities;
using Sitrep.Tagging.PartOfSpeech;

namespace Sitrep.Mentions.Entities;

/// <summary>
/// Sets <see cref="Document.EntityMentions"/> with the named-entity tagger of the document's language and
/// <see cref="Document.Entities"/> by clustering them; a language with no model gets empty layers.
/// </summary>
public sealed class EntityRecognitionStage(Func<string, EntityTagger?> taggerFor) : IDocumentStage
{
    public string Name => "entities";

    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        EntityTagger? tagger = taggerFor(document.Language);
        if (tagger is null || document.Tokens.IsEmpty)
        {
            return document;
        }

        var mentions = ImmutableArray.CreateBuilder<EntityMention>();
        int[] partsOfSpeech = document.PartsOfSpeech.IsDefaultOrEmpty ? [] : [.. document.PartsOfSpeech.Select(UniversalTags.Number)];
        TextSpan[] spans = ArrayPool<TextSpan>.Shared.Rent(256);
        try
        {
            for (int s = 0; s < document.Sentences.Length; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Sentence sentence = document.Sentences[s];
                ReadOnlySpan<Token> tokens = document.TokensOf(sentence);
                if (spans.Length < tokens.Length)
                {
                    ArrayPool<TextSpan>.Shared.Return(spans);
                    spans = ArrayPool<TextSpan>.Shared.Rent(tokens.Length);
                }

                for (int i = 0; i < tokens.Length; i++)
                {
                    spans[i] = tokens[i].Span;
                }

                ReadOnlySpan<int> context = partsOfSpeech.Length == 0 ? default : partsOfSpeech.AsSpan(sentence.FirstToken, tokens.Length);
                foreach (EntityChunk chunk in tagger.Tag(document.Text, spans.AsSpan(0, tokens.Length), context))
                {
                    var span = TextSpan.FromBounds(tokens[chunk.Start].Span.Start, tokens[chunk.End - 1].Span.End);
                    mentions.Add(new EntityMention(span, chunk.Type, s, sentence.FirstToken + chunk.Start, chunk.End - chunk.Start));
                }
            }
        }
        finally
        {
            ArrayPool<TextSpan>.Shared.Return(spans);
        }

        ImmutableArray<EntityMention> found = mentions.ToImmutable();
        return document with { EntityMentions = found, Entities = EntityClusterer.Cluster(document, found) };
    }
}

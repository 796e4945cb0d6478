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
        TextSpan[] spans = document.TokenSpans();
        for (int s = 0; s < document.Sentences.Length; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Sentence sentence = document.Sentences[s];
            ReadOnlySpan<TextSpan> tokens = spans.AsSpan(sentence.FirstToken, sentence.TokenCount);
            ReadOnlySpan<int> context = partsOfSpeech.Length == 0 ? default : partsOfSpeech.AsSpan(sentence.FirstToken, sentence.TokenCount);
            foreach (EntityChunk chunk in tagger.Tag(document.Text, tokens, context))
            {
                var span = TextSpan.FromBounds(tokens[chunk.Start].Start, tokens[chunk.End - 1].End);
                mentions.Add(new EntityMention(span, chunk.Type, s, sentence.FirstToken + chunk.Start, chunk.End - chunk.Start));
            }
        }

        ImmutableArray<EntityMention> found = mentions.ToImmutable();
        return document with { EntityMentions = found, Entities = EntityClusterer.Cluster(document, found) };
    }
}

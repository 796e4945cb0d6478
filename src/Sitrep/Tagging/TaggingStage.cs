using System.Buffers;
using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Segmentation;
using Sitrep.Tagging.Lemmas;
using Sitrep.Tagging.PartOfSpeech;

namespace Sitrep.Tagging;

/// <summary>
/// Sets <see cref="Document.PartsOfSpeech"/> (UPOS per token) and <see cref="Document.Lemmas"/> with the
/// tagger and lemmatizer of the document's language; a language with no model is left untagged (an empty
/// layer), never guessed with another language's model.
/// </summary>
public sealed class TaggingStage(Func<string, PosTagger?> taggerFor, Func<string, Lemmatizer?> lemmatizerFor) : IDocumentStage
{
    public string Name => "part-of-speech";

    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        PosTagger? tagger = taggerFor(document.Language);
        if (tagger is null || document.Tokens.IsEmpty)
        {
            return document;
        }

        var tags = new string[document.Tokens.Length];
        Array.Fill(tags, "X");
        int[] labels = ArrayPool<int>.Shared.Rent(256);
        TextSpan[] spans = ArrayPool<TextSpan>.Shared.Rent(256);
        try
        {
            foreach (Sentence sentence in document.Sentences)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ReadOnlySpan<Token> tokens = document.TokensOf(sentence);
                if (spans.Length < tokens.Length)
                {
                    ArrayPool<TextSpan>.Shared.Return(spans);
                    ArrayPool<int>.Shared.Return(labels);
                    spans = ArrayPool<TextSpan>.Shared.Rent(tokens.Length);
                    labels = ArrayPool<int>.Shared.Rent(tokens.Length);
                }

                for (int i = 0; i < tokens.Length; i++)
                {
                    spans[i] = tokens[i].Span;
                }

                tagger.Tag(document.Text, spans.AsSpan(0, tokens.Length), labels.AsSpan(0, tokens.Length));
                for (int i = 0; i < tokens.Length; i++)
                {
                    tags[sentence.FirstToken + i] = tagger.Labels[labels[i]];
                }
            }
        }
        finally
        {
            ArrayPool<TextSpan>.Shared.Return(spans);
            ArrayPool<int>.Shared.Return(labels);
        }

        Lemmatizer? lemmatizer = lemmatizerFor(document.Language);
        if (lemmatizer is null)
        {
            return document with { PartsOfSpeech = ImmutableArray.Create(tags) };
        }

        var lemmas = new string[tags.Length];
        for (int i = 0; i < lemmas.Length; i++)
        {
            lemmas[i] = lemmatizer.Lemmatize(document.Slice(document.Tokens[i].Span), tags[i]);
        }

        return document with { PartsOfSpeech = ImmutableArray.Create(tags), Lemmas = ImmutableArray.Create(lemmas) };
    }
}

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
        TextSpan[] spans = document.TokenSpans();
        var labels = new int[document.Tokens.Length];
        foreach (Sentence sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Span<int> sentenceLabels = labels.AsSpan(sentence.FirstToken, sentence.TokenCount);
            tagger.Tag(document.Text, spans.AsSpan(sentence.FirstToken, sentence.TokenCount), sentenceLabels);
            for (int i = 0; i < sentenceLabels.Length; i++)
            {
                tags[sentence.FirstToken + i] = tagger.Labels[sentenceLabels[i]];
            }
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

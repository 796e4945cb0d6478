using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Mentions.Dates;

/// <summary>
/// Sets <see cref="Document.Times"/>: temporal expressions resolved against the publication date. When the
/// article has none, infers it from the text when it can (<see cref="ReferenceDateInference"/>, which sets
/// <see cref="Document.InferredPublished"/>) and otherwise says so in the article's warnings.
/// The clock is only used to bound the years an undated article may come from.
/// </summary>
public sealed class TimeRecognitionStage(Func<string, TimeTagger?> taggerFor, TimeProvider clock) : IDocumentStage
{
    public string Name => "times";

    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (taggerFor(document.Language) is not { } tagger)
        {
            return document;
        }

        ImmutableArray<RecognizedTime> recognized = tagger.Recognizer.Recognize(document.Text);
        if (document.Article.Published is { } published)
        {
            return document with { Times = TimeTagger.Resolve(recognized, published.Date) };
        }

        InferredReference inferred = ReferenceDateInference.Infer(recognized, clock.GetUtcNow().Year);
        ImmutableArray<TimeMention> times = TimeTagger.Resolve(recognized, inferred.Date);
        if (inferred.Date is DateOnly date)
        {
            return document with { Times = times, InferredPublished = date };
        }

        return recognized.IsEmpty
            ? document with { Times = times }
            : document with { Times = times, Article = document.Article with { Warnings = document.Article.Warnings.Add(inferred.Explanation) } };
    }
}

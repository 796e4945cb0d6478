using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Mentions.Dates;
using Sitrep.Mentions.Entities;
using Sitrep.Mentions.Places;
using Sitrep.Mentions.Quotes;
using Sitrep.Segmentation;
using Sitrep.Tagging;
using Sitrep.Tagging.Dependencies;
using Sitrep.Tagging.Entities;
using Sitrep.Tagging.Lemmas;
using Sitrep.Tagging.PartOfSpeech;

namespace Sitrep.Pipeline;

public static class ExtractionPipelineExtensions
{
    /// <summary>Every stage Sitrep has, in data-flow order.</summary>
    public static ExtractionPipelineBuilder UseDefaults(this ExtractionPipelineBuilder builder) =>
        builder.UseLanguageIdentification().UseSegmentation().UsePartsOfSpeech().UseParsing().UseEntities().UseTimes().UsePlaces().UseQuotes().UseEvents();

    /// <summary>Sets <see cref="Document.Language"/>; with no identifier given, the trained character n-gram model.</summary>
    public static ExtractionPipelineBuilder UseLanguageIdentification(this ExtractionPipelineBuilder builder, ILanguageIdentifier? identifier = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Stages.Add(new LanguageIdentificationStage(identifier ?? NgramLanguageIdentifier.Default));
        return builder;
    }

    /// <summary>Sets <see cref="Document.Sentences"/> and <see cref="Document.Tokens"/> with the rules of the document's language.</summary>
    public static ExtractionPipelineBuilder UseSegmentation(this ExtractionPipelineBuilder builder, Func<string, ISegmenter>? segmenterFor = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Stages.Add(new SegmentationStage(segmenterFor ?? Segmenters.For));
        return builder;
    }

    /// <summary>Sets <see cref="Document.Times"/> (TIMEX3 dates, times, durations, sets) with the rules of the document's language.</summary>
    public static ExtractionPipelineBuilder UseTimes(this ExtractionPipelineBuilder builder, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Stages.Add(new TimeRecognitionStage(TimeTagger.For, clock ?? TimeProvider.System));
        return builder;
    }

    /// <summary>Sets <see cref="Document.PartsOfSpeech"/> and <see cref="Document.Lemmas"/> with the shipped models of the document's language.</summary>
    public static ExtractionPipelineBuilder UsePartsOfSpeech(this ExtractionPipelineBuilder builder, Func<string, PosTagger?>? taggerFor = null, Func<string, Lemmatizer?>? lemmatizerFor = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Stages.Add(new TaggingStage(taggerFor ?? PosTagger.For, lemmatizerFor ?? Lemmatizer.For));
        return builder;
    }

    /// <summary>Sets <see cref="Document.Dependencies"/> with the shipped dependency parser of the document's language; runs after part of speech.</summary>
    public static ExtractionPipelineBuilder UseParsing(this ExtractionPipelineBuilder builder, Func<string, DependencyParser?>? parserFor = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Stages.Add(new ParsingStage(parserFor ?? DependencyParser.For));
        return builder;
    }

    /// <summary>Sets <see cref="Document.EntityMentions"/> and <see cref="Document.Entities"/> with the shipped named-entity tagger of the document's language.</summary>
    public static ExtractionPipelineBuilder UseEntities(this ExtractionPipelineBuilder builder, Func<string, EntityTagger?>? taggerFor = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Stages.Add(new EntityRecognitionStage(taggerFor ?? EntityTagger.For));
        return builder;
    }

    /// <summary>Sets <see cref="Document.Quotes"/> with the quotation words of the document's language.</summary>
    public static ExtractionPipelineBuilder UseQuotes(this ExtractionPipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Stages.Add(new QuoteStage());
        return builder;
    }

    /// <summary>
    /// Sets <see cref="Document.PlaceMentions"/> and <see cref="Document.Places"/> against the given gazetteer, or the
    /// shipped one; does nothing in a build that ships none.
    /// </summary>
    public static ExtractionPipelineBuilder UsePlaces(this ExtractionPipelineBuilder builder, Gazetteer? gazetteer = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if ((gazetteer ?? Gazetteer.Default) is { } found)
        {
            builder.Stages.Add(new PlaceRecognitionStage(found));
        }

        return builder;
    }

    /// <summary>Sets <see cref="Document.Events"/> with the event lexicon of the document's language; runs after quotations.</summary>
    public static ExtractionPipelineBuilder UseEvents(this ExtractionPipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Stages.Add(new EventStage());
        return builder;
    }
}

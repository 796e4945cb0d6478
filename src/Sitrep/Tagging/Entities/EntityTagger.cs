using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Sitrep.Corpora;
using Sitrep.Documents;
using Sitrep.Segmentation;
using Sitrep.Tagging.PartOfSpeech;
using Sitrep.Tagging.Sequence;

namespace Sitrep.Tagging.Entities;

/// <summary>Training settings of the named-entity tagger; the defaults build the shipped models.</summary>
public sealed record EntityTrainingOptions
{
    public int Epochs { get; init; } = 12;

    public int Seed { get; init; } = 20222;

    /// <summary>A first name must start this many person names in the training data to enter the list.</summary>
    public int MinFirstNameCount { get; init; } = 2;

    /// <summary>A word must end this many organisation names in the training data to enter the list.</summary>
    public int MinOrganizationWordCount { get; init; } = 3;
}

/// <summary>A named entity found in a sentence: tokens <c>[Start, End)</c> of that sentence, and its type.</summary>
public readonly record struct EntityChunk(int Start, int End, string Type);

/// <summary>
/// Named-entity tagger (PER, ORG, LOC, MISC where the training data has it) for one language: a greedy
/// averaged perceptron over BILOU tags with <see cref="EntityFeatures"/>. Immutable and thread-safe.
/// </summary>
public sealed class EntityTagger
{
    private const uint Magic = 0x52454E53; // "SNER"
    private static readonly ConcurrentDictionary<string, EntityTagger?> Shipped = new(StringComparer.Ordinal);

    private readonly SequenceTagger _tagger;
    private readonly Bilou _bilou;

    private EntityTagger(string language, LinearModel model, EntityLexicons lexicons, IWordClusterSource? clusters, PosTagger? partsOfSpeech)
    {
        Language = language;
        Lexicons = lexicons;
        PartsOfSpeech = partsOfSpeech;
        _bilou = new Bilou(model.Labels);
        _tagger = new SequenceTagger(model, new EntityFeatures(clusters, lexicons), _bilou);
    }

    public string Language { get; }

    public EntityLexicons Lexicons { get; }

    /// <summary>The tagger whose UPOS tags are features of this model (when the caller gives none), or null.</summary>
    public PosTagger? PartsOfSpeech { get; }

    public LinearModel Model => _tagger.Model;

    public static string ModelFileName(string language) => $"ner-{language}.bin.gz";

    /// <summary>The shipped tagger of a language, loaded once; null when none ships.</summary>
    public static EntityTagger? For(string language) => Shipped.GetOrAdd(language, static lang =>
    {
        using Stream? stream = EmbeddedModels.OpenGzip(ModelFileName(lang));
        return stream is null ? null : Read(stream);
    });

    public static EntityTagger LoadFile(string path)
    {
        using Stream stream = EmbeddedModels.OpenGzipFile(path);
        return Read(stream);
    }

    /// <summary>
    /// The entities of one sentence, as token ranges of <paramref name="tokens"/>. <paramref name="partsOfSpeech"/>
    /// holds each token's <see cref="UniversalTags.Number"/> when an earlier stage tagged it; otherwise the model's
    /// own part-of-speech tagger runs first.
    /// </summary>
    public ImmutableArray<EntityChunk> Tag(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens, ReadOnlySpan<int> partsOfSpeech = default)
    {
        if (tokens.IsEmpty)
        {
            return [];
        }

        var tags = new int[tokens.Length];
        _tagger.Tag(text, tokens, tags, partsOfSpeech.IsEmpty ? TagPartsOfSpeech(text, tokens) : partsOfSpeech);
        return [.. _bilou.Entities(tags).Select(e => new EntityChunk(e.Start, e.End, e.Type))];
    }

    /// <summary>Tags a sentence given as words and returns IOB2 tags (evaluation, peer comparison).</summary>
    public string[] TagIob2(IReadOnlyList<string> words)
    {
        var sentence = TaggedSentence.FromTokens(words, []);
        var tags = new int[words.Count];
        _tagger.Tag(sentence.Text, sentence.Tokens.AsSpan(), tags, TagPartsOfSpeech(sentence.Text, sentence.Tokens.AsSpan()));
        return _bilou.ToIob2(tags);
    }

    private int[] TagPartsOfSpeech(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens) =>
        PartsOfSpeech is null ? [] : NumberedTags(PartsOfSpeech, text, tokens);

    private static int[] NumberedTags(PosTagger tagger, ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens)
    {
        var tags = new int[tokens.Length];
        tagger.Tag(text, tokens, tags);
        for (int i = 0; i < tags.Length; i++)
        {
            tags[i] = UniversalTags.Number(tagger.Labels[tags[i]]);
        }

        return tags;
    }

    public void SaveFile(string path) => EmbeddedModels.WriteGzipFile(path, stream =>
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Language);
        writer.Write(PartsOfSpeech is not null);
        Model.Write(writer);
        foreach (NameGazetteer? lexicon in new[] { Lexicons.Places, Lexicons.FirstNames, Lexicons.OrganizationWords })
        {
            writer.Write(lexicon is not null);
            lexicon?.Write(writer);
        }
    });

    /// <summary>
    /// Trains on IOB2 sentences. The first-name and organisation-word lists are read off the same sentences
    /// (a word must start <see cref="EntityTrainingOptions.MinFirstNameCount"/> person names, or end
    /// <see cref="EntityTrainingOptions.MinOrganizationWordCount"/> organisation names); place names come from
    /// <paramref name="placeNames"/> (GeoNames). With <paramref name="partsOfSpeech"/>, its tags are features,
    /// and the same tagger must be the language's shipped one at run time.
    /// </summary>
    public static EntityTagger Train(
        string language,
        IReadOnlyList<NerSentence> sentences,
        IEnumerable<string> placeNames,
        IWordClusterSource? clusters,
        PosTagger? partsOfSpeech,
        EntityTrainingOptions? options = null,
        Action<int, double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(placeNames);
        options ??= new EntityTrainingOptions();
        ISegmenter segmenter = Segmenters.For(language);
        var places = new NameGazetteer(placeNames.Select(name => NameGazetteer.KeyOf(name, segmenter)));
        var lexicons = new EntityLexicons(
            places,
            NamesAt(sentences, "PER", first: true, options.MinFirstNameCount),
            NamesAt(sentences, "ORG", first: false, options.MinOrganizationWordCount));

        ImmutableArray<string> labels = Bilou.LabelsFor(sentences.SelectMany(s => s.Tags).Where(t => t != "O").Select(t => t[2..]).Distinct());
        var index = labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        var training = sentences
            .Select(s => TaggedSentence.FromTokens(s.Tokens, [.. Bilou.FromIob2(s.Tags).Select(t => index[t])]))
            .Select(s => partsOfSpeech is null ? s : s with { Context = [.. NumberedTags(partsOfSpeech, s.Text, s.Tokens.AsSpan())] })
            .ToList();
        LinearModel model = SequenceTagger.Train(training, labels, new EntityFeatures(clusters, lexicons), options.Epochs, options.Seed, progress);
        return new EntityTagger(language, model, lexicons, clusters, partsOfSpeech);
    }

    /// <summary>Single words that start (or end) names of a type in the training data, at least <paramref name="minCount"/> times.</summary>
    private static NameGazetteer NamesAt(IReadOnlyList<NerSentence> sentences, string type, bool first, int minCount)
    {
        var counts = new Dictionary<NameKey, int>();
        foreach (NerSentence sentence in sentences)
        {
            for (int i = 0; i < sentence.Tags.Length; i++)
            {
                bool starts = sentence.Tags[i] == "B-" + type;
                bool multiToken = i + 1 < sentence.Tags.Length && sentence.Tags[i + 1] == "I-" + type;
                bool ends = sentence.Tags[i] == "I-" + type && (i + 1 == sentence.Tags.Length || sentence.Tags[i + 1] != "I-" + type);
                if (first ? starts && multiToken : ends)
                {
                    NameKey key = NameGazetteer.KeyOfToken(FeatureKey.LowerText(sentence.Tokens[i]));
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        return new NameGazetteer(counts.Where(p => p.Value >= minCount).Select(p => p.Key));
    }

    private static NameGazetteer? ReadLexicon(BinaryReader reader) => reader.ReadBoolean() ? NameGazetteer.Read(reader) : null;

    private static EntityTagger Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadUInt32() != Magic)
        {
            throw new InvalidDataException("not a Sitrep named-entity model (bad magic number)");
        }

        string language = reader.ReadString();
        bool usesPartsOfSpeech = reader.ReadBoolean();
        var model = LinearModel.Read(reader);
        var lexicons = new EntityLexicons(ReadLexicon(reader), ReadLexicon(reader), ReadLexicon(reader));
        PosTagger? partsOfSpeech = usesPartsOfSpeech
            ? PosTagger.For(language) ?? throw new InvalidDataException($"the {language} entity model needs a {language} part-of-speech model, and none ships")
            : null;
        return new EntityTagger(language, model, lexicons, TaggingResources.ClustersFor(language), partsOfSpeech);
    }
}

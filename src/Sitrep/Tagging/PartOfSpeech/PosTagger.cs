using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Sitrep.Corpora;
using Sitrep.Documents;
using Sitrep.Tagging.Sequence;

namespace Sitrep.Tagging.PartOfSpeech;

/// <summary>Training settings of the part-of-speech tagger; the defaults build the shipped models.</summary>
public sealed record PosTrainingOptions
{
    public int Epochs { get; init; } = 10;

    public int Seed { get; init; } = 20221;
}

/// <summary>
/// Universal part-of-speech tagger (UPOS) for one language: a greedy averaged perceptron over
/// <see cref="PosFeatures"/>, trained on Universal Dependencies. Immutable and thread-safe.
/// </summary>
public sealed class PosTagger
{
    private const uint Magic = 0x534F5053; // "SPOS"
    private static readonly ConcurrentDictionary<string, PosTagger?> Shipped = new(StringComparer.Ordinal);

    private readonly SequenceTagger _tagger;

    private PosTagger(string language, LinearModel model, IWordClusterSource? clusters)
    {
        Language = language;
        _tagger = new SequenceTagger(model, new PosFeatures(clusters));
    }

    public string Language { get; }

    public ImmutableArray<string> Labels => _tagger.Labels;

    public LinearModel Model => _tagger.Model;

    public static string ModelFileName(string language) => $"pos-{language}.bin.gz";

    /// <summary>The shipped tagger of a language, loaded once; null when none ships.</summary>
    public static PosTagger? For(string language) => Shipped.GetOrAdd(language, static lang =>
    {
        using Stream? stream = EmbeddedModels.OpenGzip(ModelFileName(lang));
        return stream is null ? null : Read(stream);
    });

    public static PosTagger LoadFile(string path)
    {
        using Stream stream = EmbeddedModels.OpenGzipFile(path);
        return Read(stream);
    }

    /// <summary>Tags one sentence: <paramref name="tags"/> receives indices into <see cref="Labels"/>.</summary>
    public void Tag(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens, Span<int> tags) => _tagger.Tag(text, tokens, tags);

    /// <summary>Tags a sentence given as words (evaluation, training of later stages).</summary>
    public string[] Tag(IReadOnlyList<string> words)
    {
        var sentence = TaggedSentence.FromTokens(words, []);
        var tags = new int[words.Count];
        _tagger.Tag(sentence.Text, sentence.Tokens.AsSpan(), tags);
        return [.. tags.Select(t => Labels[t])];
    }

    public void SaveFile(string path) => EmbeddedModels.WriteGzipFile(path, stream =>
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Language);
        Model.Write(writer);
    });

    /// <summary>
    /// Trains on the syntactic words of UD sentences. A sentence with multiword tokens («du» = de + le) is seen
    /// a second time as its surface tokens, each multiword token tagged with its first word's UPOS, because
    /// Sitrep's tokenizer keeps «du» whole and the tagger must know it.
    /// </summary>
    public static PosTagger Train(string language, IEnumerable<ConlluSentence> sentences, IWordClusterSource? clusters, PosTrainingOptions? options = null, Action<int, double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        options ??= new PosTrainingOptions();
        var examples = new List<(string[] Words, string[] Tags)>();
        foreach (ConlluSentence sentence in sentences)
        {
            examples.Add(([.. sentence.Words.Select(w => w.Form)], [.. sentence.Words.Select(w => w.Upos)]));
            if (sentence.Tokens.Any(t => t.IsMultiword))
            {
                examples.Add((
                    [.. sentence.Tokens.Select(t => t.Form)],
                    [.. sentence.Tokens.Select(t => sentence.Words.First(w => w.Id == t.FirstWord).Upos)]));
            }
        }

        ImmutableArray<string> labels = [.. examples.SelectMany(e => e.Tags).Distinct().Order(StringComparer.Ordinal)];
        var index = labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        var training = examples
            .Select(e => TaggedSentence.FromTokens(e.Words, [.. e.Tags.Select(t => index[t])]))
            .ToList();
        LinearModel model = SequenceTagger.Train(training, labels, new PosFeatures(clusters), options.Epochs, options.Seed, progress);
        return new PosTagger(language, model, clusters);
    }

    private static PosTagger Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadUInt32() != Magic)
        {
            throw new InvalidDataException("not a Sitrep part-of-speech model (bad magic number)");
        }

        string language = reader.ReadString();
        var model = LinearModel.Read(reader);
        return new PosTagger(language, model, TaggingResources.ClustersFor(language));
    }
}

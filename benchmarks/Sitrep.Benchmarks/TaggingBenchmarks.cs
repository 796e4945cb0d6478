using BenchmarkDotNet.Attributes;
using Sitrep.Documents;
using Sitrep.Segmentation;
using Sitrep.Tagging.Entities;
using Sitrep.Tagging.Lemmas;
using Sitrep.Tagging.PartOfSpeech;

namespace Sitrep.Benchmarks;

/// <summary>
/// Part-of-speech and named-entity tagging throughput on segmented text (issue 3 target: POS + NER together
/// ≥ 500k tokens per second on one core). Each operation tags every sentence of the benchmark text once;
/// tokens per second = token count (printed at setup) ÷ mean time.
/// </summary>
[MemoryDiagnoser]
public class TaggingBenchmarks
{
    private string _text = "";
    private TextSpan[][] _sentences = [];
    private int[] _tags = [];
    private int[] _numbers = [];
    private PosTagger _pos = null!;
    private EntityTagger _entities = null!;
    private Lemmatizer _lemmas = null!;
    private string[][] _posTags = [];

    [Params("fr", "en")]
    public string Language { get; set; } = "fr";

    [GlobalSetup]
    public void Setup()
    {
        _text = BenchmarkText.Load(Language);
        SegmentedText segmented = Segmenters.For(Language).Segment(_text);
        _sentences = [.. segmented.Sentences.Select(s => segmented.Tokens.Skip(s.FirstToken).Take(s.TokenCount).Select(t => t.Span).ToArray())];
        int longest = _sentences.Max(s => s.Length);
        _tags = new int[longest];
        _numbers = new int[longest];
        _pos = PosTagger.For(Language)!;
        _entities = EntityTagger.For(Language)!;
        _lemmas = Lemmatizer.For(Language)!;
        _posTags = [.. _sentences.Select(sentence =>
        {
            var tags = new int[sentence.Length];
            _pos.Tag(_text, sentence, tags);
            return tags.Select(t => _pos.Labels[t]).ToArray();
        })];
        Console.WriteLine($"// {Language}: {segmented.Tokens.Length:N0} tokens in {_sentences.Length:N0} sentences");
    }

    [Benchmark]
    public int PartOfSpeech()
    {
        int sum = 0;
        foreach (TextSpan[] sentence in _sentences)
        {
            _pos.Tag(_text, sentence, _tags.AsSpan(0, sentence.Length));
            sum += _tags[0];
        }

        return sum;
    }

    /// <summary>What the pipeline does: part of speech, then entities with those tags as features.</summary>
    [Benchmark]
    public int PartOfSpeechThenEntities()
    {
        int sum = 0;
        foreach (TextSpan[] sentence in _sentences)
        {
            Span<int> tags = _tags.AsSpan(0, sentence.Length);
            _pos.Tag(_text, sentence, tags);
            for (int i = 0; i < tags.Length; i++)
            {
                _numbers[i] = UniversalTags.Number(_pos.Labels[tags[i]]);
            }

            sum += _entities.Tag(_text, sentence, _numbers.AsSpan(0, sentence.Length)).Length;
        }

        return sum;
    }

    /// <summary>Lemmas of every token, given its part of speech (what the tagging stage does after tagging).</summary>
    [Benchmark]
    public int Lemmas()
    {
        int sum = 0;
        for (int s = 0; s < _sentences.Length; s++)
        {
            TextSpan[] sentence = _sentences[s];
            for (int i = 0; i < sentence.Length; i++)
            {
                sum += _lemmas.Lemmatize(_text.AsSpan(sentence[i].Start, sentence[i].Length), _posTags[s][i]).Length;
            }
        }

        return sum;
    }
}

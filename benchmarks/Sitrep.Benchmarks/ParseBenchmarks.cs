using BenchmarkDotNet.Attributes;
using Sitrep.Documents;
using Sitrep.Segmentation;
using Sitrep.Tagging.Dependencies;
using Sitrep.Tagging.Lemmas;
using Sitrep.Tagging.PartOfSpeech;

namespace Sitrep.Benchmarks;

/// <summary>
/// Dependency parsing throughput on segmented, tagged text (target: ≥ 100k tokens per second on one core for the
/// parser alone). Tags and lemmas are computed at setup; each operation parses every sentence of the benchmark
/// text once; tokens per second = token count (printed at setup) ÷ mean time.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private string _text = "";
    private TextSpan[][] _sentences = [];
    private string[][] _tags = [];
    private string[][] _lemmas = [];
    private int[] _heads = [];
    private int[] _relations = [];
    private DependencyParser _parser = null!;

    [Params("fr", "en")]
    public string Language { get; set; } = "fr";

    [GlobalSetup]
    public void Setup()
    {
        _text = BenchmarkText.Load(Language);
        SegmentedText segmented = Segmenters.For(Language).Segment(_text);
        _sentences = [.. segmented.Sentences.Select(s => segmented.Tokens.Skip(s.FirstToken).Take(s.TokenCount).Select(t => t.Span).ToArray())];
        PosTagger tagger = PosTagger.For(Language)!;
        Lemmatizer lemmatizer = Lemmatizer.For(Language)!;
        _tags = [.. _sentences.Select(sentence =>
        {
            var tags = new int[sentence.Length];
            tagger.Tag(_text, sentence, tags);
            return tags.Select(t => tagger.Labels[t]).ToArray();
        })];
        _lemmas = [.. _sentences.Select((sentence, s) => sentence.Select((span, i) => lemmatizer.Lemmatize(_text.AsSpan(span.Start, span.Length), _tags[s][i])).ToArray())];
        int longest = _sentences.Max(s => s.Length);
        _heads = new int[longest];
        _relations = new int[longest];
        _parser = DependencyParser.For(Language)!;
        Console.WriteLine($"// {Language}: {segmented.Tokens.Length:N0} tokens in {_sentences.Length:N0} sentences");
    }

    [Benchmark]
    public int Parse()
    {
        int sum = 0;
        for (int s = 0; s < _sentences.Length; s++)
        {
            _parser.Parse(_text, _sentences[s], _tags[s], _lemmas[s], _heads, _relations);
            sum += _heads[0];
        }

        return sum;
    }
}

using BenchmarkDotNet.Attributes;
using Sitrep.Documents;
using Sitrep.Segmentation;

namespace Sitrep.Benchmarks;

/// <summary>
/// Language identification of an article-sized text (6,000 characters of UD sentences), next to the
/// segmentation of the same text: identification examines at most 2,048 characters and must cost far less.
/// </summary>
[MemoryDiagnoser]
public class LanguageIdentificationBenchmarks
{
    private string _article = "";
    private ISegmenter _segmenter = null!;
    private NgramLanguageIdentifier _identifier = null!;

    [Params("fr", "en")]
    public string Language { get; set; } = "fr";

    [GlobalSetup]
    public void Setup()
    {
        string text = BenchmarkText.Load(Language);
        _article = text[..Math.Min(text.Length, 6000)];
        _segmenter = Segmenters.For(Language);
        _identifier = NgramLanguageIdentifier.Default;
    }

    [Benchmark]
    public string Identify() => _identifier.Identify(_article).Language;

    [Benchmark]
    public int Segment() => _segmenter.Segment(_article).Tokens.Length;
}

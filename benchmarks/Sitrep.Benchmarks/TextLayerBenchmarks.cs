using BenchmarkDotNet.Attributes;
using Sitrep.Documents;
using Sitrep.Segmentation;

namespace Sitrep.Benchmarks;

/// <summary>Normalisation and segmentation throughput (the issue target: ≥ 20 MB of text per second on one core).</summary>
[MemoryDiagnoser]
public class TextLayerBenchmarks
{
    private string _text = "";
    private ISegmenter _segmenter = null!;

    [Params("fr", "en")]
    public string Language { get; set; } = "fr";

    [GlobalSetup]
    public void Setup()
    {
        _text = BenchmarkText.Load(Language);
        _segmenter = Segmenters.For(Language);
        Console.WriteLine($"// {Language}: {_text.Length:N0} characters, {System.Text.Encoding.UTF8.GetByteCount(_text):N0} UTF-8 bytes");
    }

    [Benchmark]
    public int Normalize() => TextNormalizer.Default.Normalize(_text).Text.Length;

    [Benchmark]
    public int Segment() => _segmenter.Segment(_text).Tokens.Length;

    [Benchmark]
    public int NormalizeAndSegment() => _segmenter.Segment(TextNormalizer.Default.Normalize(_text).Text).Tokens.Length;
}

using BenchmarkDotNet.Attributes;
using Sitrep.Mentions.Dates;

namespace Sitrep.Benchmarks;

/// <summary>Temporal tagging throughput, recognise and resolve (the issue 6 target: ≥ 5 MB of text per second on one core).</summary>
[MemoryDiagnoser]
public class TimeBenchmarks
{
    private static readonly DateOnly Reference = new(2022, 5, 14);
    private string _text = "";
    private TimeTagger _tagger = null!;

    [Params("fr", "en")]
    public string Language { get; set; } = "fr";

    [GlobalSetup]
    public void Setup()
    {
        _text = BenchmarkText.Load(Language);
        _tagger = TimeTagger.For(Language)!;
        Console.WriteLine($"// {Language}: {_text.Length:N0} characters, {System.Text.Encoding.UTF8.GetByteCount(_text):N0} UTF-8 bytes");
    }

    [Benchmark]
    public int Tag() => _tagger.Tag(_text, Reference).Length;
}

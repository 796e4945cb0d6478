using BenchmarkDotNet.Attributes;
using Sitrep.Articles;
using Sitrep.Pipeline;

namespace Sitrep.Benchmarks;

/// <summary>
/// The whole default pipeline, article in, document out (events issue target: ≥ 100 articles of about 500 words
/// per second on one core). Each operation extracts every benchmark article of the language once (articles of
/// about 3,000 characters cut from the UD test text); articles per second = article count (printed at setup) ÷
/// mean time.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private ExtractionPipeline _pipeline = null!;
    private Article[] _articles = [];

    [Params("fr", "en")]
    public string Language { get; set; } = "fr";

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = new ExtractionPipelineBuilder().UseDefaults().Build();
        _articles = [.. BenchmarkText.Articles()
            .Where(a => a.Language == Language)
            .Select((a, i) => new Article { Id = $"{Language}-{i}", Text = a.Text, Language = Language, Published = PublicationDate.Parse("2022-05-14") })];
        int words = _articles.Sum(a => a.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        Console.WriteLine($"// {Language}: {_articles.Length:N0} articles, {words / _articles.Length:N0} words each on average");
    }

    [Benchmark]
    public int Extract()
    {
        int sum = 0;
        foreach (Article article in _articles)
        {
            sum += _pipeline.Extract(article, CancellationToken.None).Tokens.Length;
        }

        return sum;
    }
}

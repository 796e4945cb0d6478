using BenchmarkDotNet.Attributes;
using Sitrep.Duplicates;

namespace Sitrep.Benchmarks;

/// <summary>
/// Near-duplicate detection per article (issue 9): the MinHash signature of a ~3,000-character article, and signing
/// plus LSH look-up in the in-memory index for a whole collection (the UD benchmark text cut into articles, French
/// and English), so the mean is per article.
/// </summary>
[MemoryDiagnoser]
public class DuplicateBenchmarks
{
    private const int Collection = 100;

    private string[] _articles = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _articles = [.. BenchmarkText.Articles().Select(a => a.Text)];
        if (_articles.Length < Collection)
        {
            throw new InvalidOperationException($"the benchmark text gives {_articles.Length} articles, fewer than {Collection}");
        }
    }

    [Benchmark]
    public MinHashSignature Sign()
    {
        string article = _articles[_next];
        _next = (_next + 1) % _articles.Length;
        return NearDuplicateDetector.Default.Sign(article);
    }

    [Benchmark(OperationsPerInvoke = Collection)]
    public int IndexCollection()
    {
        var index = new NearDuplicateIndex(NearDuplicateDetector.Default);
        int links = 0;
        for (int i = 0; i < Collection; i++)
        {
            if (index.Add(_articles[i]) is not null)
            {
                links++;
            }
        }

        return links;
    }
}

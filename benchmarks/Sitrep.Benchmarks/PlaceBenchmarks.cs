using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Sitrep.Articles;
using Sitrep.Corpora;
using Sitrep.Documents;
using Sitrep.Mentions.Places;
using Sitrep.Pipeline;

namespace Sitrep.Benchmarks;

/// <summary>
/// The geoparser on the 200 GeoWebNews articles (typical English news, about 3,000 characters each), tokenised,
/// tagged and timed beforehand: place recognition and resolution per batch of 200 articles (divide by 200 for
/// one article; the issue 5 target is under 1 ms per article), and loading the shipped gazetteer (under 500 ms).
/// </summary>
[MemoryDiagnoser]
public class PlaceBenchmarks
{
    private Document[] _documents = [];
    private ImmutableArray<PlaceMention>[] _mentions = [];
    private PlaceRecognizer _recognizer = null!;
    private PlaceResolver _resolver = null!;

    [GlobalSetup]
    public void Setup()
    {
        Gazetteer gazetteer = Gazetteer.Default ?? throw new InvalidOperationException("no gazetteer in this build");
        var lexicon = PlaceLexicon.For("en");
        _recognizer = new PlaceRecognizer(gazetteer, lexicon);
        _resolver = new PlaceResolver(gazetteer, lexicon);
        ExtractionPipeline pipeline = new ExtractionPipelineBuilder().UseLanguageIdentification().UseSegmentation().UsePartsOfSpeech().UseEntities().UseTimes().Build();
        _documents = [.. GeoWebNews.Load(CorporaLocator.Require()).Select(d => pipeline.Extract(new Article { Id = d.Name, Text = d.Text, Language = "en" }))];
        _mentions = [.. _documents.Select(_recognizer.Recognize)];
        Console.WriteLine($"// {_documents.Length} articles, {_documents.Sum(d => d.Text.Length):N0} characters, {_mentions.Sum(m => m.Length):N0} place mentions");
    }

    [Benchmark]
    public int Resolve200Articles()
    {
        int places = 0;
        for (int i = 0; i < _documents.Length; i++)
        {
            places += _resolver.Resolve(_documents[i], _mentions[i]).Length;
        }

        return places;
    }

    [Benchmark]
    public int RecognizeAndResolve200Articles()
    {
        int places = 0;
        foreach (Document document in _documents)
        {
            places += _resolver.Resolve(document, _recognizer.Recognize(document)).Length;
        }

        return places;
    }

    [Benchmark]
    public int LoadGazetteer()
    {
        using Stream stream = typeof(Gazetteer).Assembly.GetManifestResourceStream("Sitrep.Models.gazetteer.bin.gz")!;
        using var gzip = new BufferedStream(new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress), 1 << 16);
        return Gazetteer.Read(gzip).Places.Length;
    }
}

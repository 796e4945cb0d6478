using System.Text;
using Sitrep.Articles;
using Sitrep.Pipeline;
using Sitrep.Serialization;

namespace Sitrep.Tests.Golden;

/// <summary>
/// Whole-article output for the bundled samples, compared with <c>Golden/*.expected.json</c>. When a
/// change to the engine changes the output on purpose, regenerate them and review the diff:
/// <c>SITREP_UPDATE_GOLDEN=1 dotnet test --project tests/Sitrep.Tests -- --filter-class '*GoldenFileTests'</c>.
/// </summary>
public sealed class GoldenFileTests
{
    private const string UpdateVariable = "SITREP_UPDATE_GOLDEN";

    public static TheoryData<string> Samples() =>
        [.. Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "samples"))
            .Where(f => !f.EndsWith(".md", StringComparison.Ordinal))
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_output_matches_its_golden_file(string sample)
    {
        string path = Path.Combine(TestPaths.RepositoryRoot, "samples", sample);
        var output = new StringBuilder();
        foreach (ArticleReadResult result in ArticleReader.Read(File.ReadAllBytes(path), sample, ArticleFormat.Auto, path))
        {
            Assert.Null(result.Error);
            output.Append(SitrepJson.Serialize(SitrepExtractor.Default.Extract(result.Article!, TestContext.Current.CancellationToken), indented: true)).Append('\n');
        }

        string golden = Path.Combine(TestPaths.RepositoryRoot, "tests", "Sitrep.Tests", "Golden", sample + ".expected.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(golden, output.ToString());
            return;
        }

        Assert.True(File.Exists(golden), $"no golden file for {sample}: run with {UpdateVariable}=1 to create it");
        Assert.Equal(File.ReadAllText(golden), output.ToString());
    }
}

using Sitrep.Segmentation;
using Sitrep.Segmentation.English;
using Sitrep.Segmentation.French;

namespace Sitrep.Tests.Segmentation;

/// <summary>The language data files: present, embedded, and each with its provenance header.</summary>
public sealed class SegmentationResourceTests
{
    public static TheoryData<string> ResourceFiles()
    {
        var data = new TheoryData<string>();
        string root = Path.Combine(TestPaths.RepositoryRoot, "src", "Sitrep", "Resources");
        foreach (string dir in new[] { "und", "fr", "en", "geo" })
        {
            foreach (string file in Directory.GetFiles(Path.Combine(root, dir)).Order(StringComparer.Ordinal))
            {
                data.Add($"{dir}/{Path.GetFileName(file)}");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Resource_file_names_its_source_and_licence_in_a_header(string path)
    {
        string[] lines = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "src", "Sitrep", "Resources", path));
        string header = string.Join("\n", lines.TakeWhile(l => l.StartsWith('#')));
        Assert.Contains("Source:", header, StringComparison.Ordinal);
        Assert.Contains("Licence:", header, StringComparison.Ordinal);
        Assert.Contains("Changes:", header, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Length > 0 && l[0] != '#');
    }

    [Fact]
    public void Rules_load_the_embedded_lists()
    {
        SegmentationRules french = FrenchSegmentationRules.Create();
        SegmentationRules english = EnglishSegmentationRules.Create();
        Assert.Equal(AbbreviationKind.Title, french.AbbreviationKindOf("M."));
        Assert.Equal(AbbreviationKind.Final, french.AbbreviationKindOf("etc."));
        Assert.Equal(AbbreviationKind.Final, french.AbbreviationKindOf("ETC."));
        Assert.Equal(AbbreviationKind.None, french.AbbreviationKindOf("m."));
        Assert.True(french.Elisions.Contains("jusqu"));
        Assert.True(french.HyphenClitics.Contains("t-il"));
        Assert.Equal(AbbreviationKind.Title, english.AbbreviationKindOf("Mr."));
        Assert.Equal(AbbreviationKind.Title, english.AbbreviationKindOf("GEN."));
        Assert.Equal([3, 3], english.ContractionPieces("Cannot"));
        Assert.True(english.ContractionSuffixes.Contains("n't"));
        Assert.Equal(0, french.ContractionSuffixes.Count);
    }
}

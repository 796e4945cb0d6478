using System.Text;
using Sitrep.Corpora;

namespace Sitrep.Benchmarks;

/// <summary>
/// Benchmark input: real news-like text. The raw sentences of the French and English UD test files from
/// ../shared/corpora (joined into paragraphs), about 1 MB per language.
/// </summary>
internal static class BenchmarkText
{
    public static string Load(string language)
    {
        string corpora = CorporaLocator.Require();
        string[] files = language == "fr"
            ? ["fr_sequoia-ud-test.conllu", "fr_gsd-ud-test.conllu", "fr_sequoia-ud-dev.conllu"]
            : ["en_ewt-ud-test.conllu", "en_ewt-ud-dev.conllu"];
        var text = new StringBuilder();
        int inParagraph = 0;
        foreach (string file in files)
        {
            foreach (ConlluSentence sentence in ConlluReader.ReadFile(Path.Combine(corpora, "ud", file)))
            {
                if (sentence.Text is null)
                {
                    continue;
                }

                // Paragraphs of five sentences, like wire copy.
                text.Append(inParagraph == 0 ? (text.Length == 0 ? "" : "\n\n") : " ").Append(sentence.Text);
                inParagraph = (inParagraph + 1) % 5;
            }
        }

        return text.ToString();
    }
}

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

    /// <summary>The French then English text cut into articles of about 3,000 characters at paragraph ends, with their language.</summary>
    public static List<(string Language, string Text)> Articles()
    {
        var articles = new List<(string, string)>();
        foreach (string language in new[] { "fr", "en" })
        {
            string text = Load(language);
            for (int start = 0; start < text.Length;)
            {
                int end = Math.Min(text.Length, start + 3000);
                int paragraph = text.IndexOf("\n\n", end, StringComparison.Ordinal);
                end = paragraph < 0 ? text.Length : paragraph;
                articles.Add((language, text[start..end]));
                start = end;
            }
        }

        return articles;
    }
}

using System.Collections.Immutable;
using System.Text;
using Sitrep.Evaluation;

namespace Sitrep.Duplicates;

/// <summary>One article of the evaluation set: its text and the gold cluster it belongs to (a source and its copies share one).</summary>
public sealed record DuplicateCorpusArticle(string Id, string Text, int Cluster, string? Edits);

/// <summary>
/// Builds the near-duplicate evaluation set from real news text in the shared corpora, deterministically (own
/// SplitMix64 generator, fixed seed): PolNeAR's train and dev articles (English, 2016 US politics: many articles
/// on the same stories, the hard negatives), GeoWebNews' articles (English local news) and French TimeBank's
/// (French regional news, L'Est Républicain 1999–2002: short, so mostly left alone), sorted by name.
/// Articles at even positions form the dev half, odd positions the test half; each half is its own collection.
/// In a half, about one article in three with at least 4 paragraphs and 120 words becomes a source and gets 1–3
/// wire-copy variants, each with at least two of these edits: a rewritten headline (first line), a paragraph from
/// another article of the half inserted, a paragraph dropped, the last paragraphs trimmed (up to a third),
/// word edits (typos, dropped and replaced words, 1–4 % of the words), a dateline or credit line added. Every
/// other article stays alone. The articles are then shuffled, so a copy may come before its source.
/// </summary>
public static class DuplicateCorpus
{
    public const string PolNearFolder = "quotes/polnear-en";
    public const string GeoWebNewsFolder = "geo/geowebnews";
    public const string FrenchTimeBankFolder = "time/fr-timebank";
    public const int DefaultSeed = 9;

    /// <summary>
    /// Articles of the corpora that are already copies of one another (found by this evaluation as links between
    /// different sources, then checked by reading both): the same story republished with a new headline and edits.
    /// They are one gold cluster, as the detector should find them.
    /// </summary>
    private static readonly (string Copy, string Original)[] KnownCopies =
    [
        ("polnear/train/wash-post_2015-12-13_misinformation-enters-mainstream", "polnear/train/wash-post_2015-12-12_misinformation-enters-mainstream"),
        ("polnear/train/nyt_2016-03-16_via-legislative-side-doors-sande", "polnear/train/nyt_2016-03-15_sanders-advances-agenda-via-side"),
    ];

    private static readonly string[] Datelines = ["WASHINGTON (AP) — ", "NEW YORK (Reuters) - ", "(AFP) - ", "By Staff Writer. ", "UPDATED: "];
    private static readonly string[] Credits =
    [
        "Reporting by Staff; Editing by the Desk.", "The Associated Press contributed to this report.",
        "Copyright 2016 The Associated Press. All rights reserved.", "This story has been updated.",
    ];
    private static readonly string[] HeadlineTags = ["UPDATE 1-", "UPDATE 2-", "BREAKING: ", "WATCH: ", ""];

    /// <summary>The source texts, sorted by id ("polnear/train/…", "geowebnews/12", "frtimebank/…"): PolNeAR train and dev, GeoWebNews, French TimeBank.</summary>
    public static ImmutableArray<(string Id, string Text)> LoadTexts(string corpora)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        var texts = new List<(string Id, string Text)>();
        foreach (string split in new[] { "train", "dev" })
        {
            string folder = Path.Combine(corpora, PolNearFolder, split, "text");
            if (Directory.Exists(folder))
            {
                foreach (string file in Directory.EnumerateFiles(folder, "*.txt"))
                {
                    texts.Add(($"polnear/{split}/{Path.GetFileNameWithoutExtension(file)}", File.ReadAllText(file)));
                }
            }
        }

        string geo = Path.Combine(corpora, GeoWebNewsFolder);
        if (Directory.Exists(geo))
        {
            foreach (string file in Directory.EnumerateFiles(geo, "*.txt"))
            {
                texts.Add(($"geowebnews/{Path.GetFileNameWithoutExtension(file)}", GeoWebNewsText(File.ReadAllText(file))));
            }
        }

        string french = Path.Combine(corpora, FrenchTimeBankFolder);
        if (Directory.Exists(french))
        {
            foreach (string file in Directory.EnumerateFiles(french, "*.tml"))
            {
                texts.Add(($"frtimebank/{Path.GetFileNameWithoutExtension(file)}", TimeMLReader.ReadFile(file).Text));
            }
        }

        texts.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return [.. texts];
    }

    /// <summary>The dev (even positions) or test (odd positions) half of <paramref name="texts"/>, as an evaluation collection.</summary>
    public static ImmutableArray<DuplicateCorpusArticle> Build(IReadOnlyList<(string Id, string Text)> texts, bool test, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var half = new List<(string Id, string[] Paragraphs)>();
        for (int i = test ? 1 : 0; i < texts.Count; i += 2)
        {
            half.Add((texts[i].Id, Paragraphs(texts[i].Text)));
        }

        var random = new SplitMix64((ulong)seed * 2 + (test ? 1UL : 0UL));
        var articles = new List<DuplicateCorpusArticle>();
        var clusters = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int cluster = 0; cluster < half.Count; cluster++)
        {
            (string id, string[] paragraphs) = half[cluster];
            clusters[id] = cluster;
            int gold = KnownCopies.FirstOrDefault(k => k.Copy == id).Original is string original && clusters.TryGetValue(original, out int known) ? known : cluster;
            articles.Add(new DuplicateCorpusArticle(id, string.Join("\n\n", paragraphs), gold, null));
            bool eligible = paragraphs.Length >= 4 && paragraphs.Sum(WordCount) >= 120;
            if (!eligible || random.Next(3) != 0)
            {
                continue;
            }

            int copies = 1 + random.Next(3);
            for (int copy = 1; copy <= copies; copy++)
            {
                (string text, string edits) = Variant(paragraphs, half, cluster, random);
                articles.Add(new DuplicateCorpusArticle($"{id}#copy{copy}", text, gold, edits));
            }
        }

        for (int i = articles.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (articles[i], articles[j]) = (articles[j], articles[i]);
        }

        return [.. articles];
    }

    /// <summary>The paragraphs of a text: its non-blank lines, trimmed.</summary>
    public static string[] Paragraphs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
    }

    /// <summary>GeoWebNews' first line is «TITLE: … LINK: url»: the title is the headline, the link goes.</summary>
    private static string GeoWebNewsText(string text)
    {
        if (!text.StartsWith("TITLE:", StringComparison.Ordinal))
        {
            return text;
        }

        int end = text.IndexOf('\n', StringComparison.Ordinal);
        string first = end < 0 ? text : text[..end];
        int link = first.IndexOf(" LINK:", StringComparison.Ordinal);
        string title = (link < 0 ? first : first[..link])["TITLE:".Length..].Trim();
        return end < 0 ? title : title + "\n" + text[(end + 1)..];
    }

    private static (string Text, string Edits) Variant(string[] source, List<(string Id, string[] Paragraphs)> half, int self, SplitMix64 random)
    {
        var paragraphs = new List<string>(source);
        var edits = new List<string>();
        while (edits.Count < 2)
        {
            edits.Clear();
            paragraphs = [.. source];
            if (random.Next(10) < 7)
            {
                paragraphs[0] = Headline(paragraphs[0], random);
                edits.Add("headline");
            }

            if (random.Next(2) == 0 && Insertable(half, self, random) is string inserted)
            {
                paragraphs.Insert(1 + random.Next(paragraphs.Count), inserted);
                edits.Add("inserted");
            }

            if (random.Next(10) < 3 && paragraphs.Count > 4)
            {
                paragraphs.RemoveAt(1 + random.Next(paragraphs.Count - 2));
                edits.Add("dropped");
            }

            if (random.Next(2) == 0)
            {
                int trim = 1 + random.Next(Math.Max(1, paragraphs.Count / 3));
                paragraphs.RemoveRange(paragraphs.Count - trim, trim);
                edits.Add($"trimmed {trim}");
            }

            if (random.Next(10) < 8)
            {
                int rate = 1 + random.Next(4);
                for (int i = 1; i < paragraphs.Count; i++)
                {
                    paragraphs[i] = EditWords(paragraphs[i], rate, random);
                }

                edits.Add($"words {rate}%");
            }

            if (random.Next(10) < 3 && paragraphs.Count > 1)
            {
                if (random.Next(2) == 0)
                {
                    paragraphs[1] = Datelines[random.Next(Datelines.Length)] + paragraphs[1];
                }
                else
                {
                    paragraphs.Add(Credits[random.Next(Credits.Length)]);
                }

                edits.Add("dateline");
            }
        }

        return (string.Join("\n\n", paragraphs), string.Join(", ", edits));
    }

    /// <summary>
    /// A paragraph of 10–70 words from another article of at least 4 paragraphs, as a desk adds background: never
    /// the bulk of a short article, which would make the copy a near-duplicate of that article too.
    /// </summary>
    private static string? Insertable(List<(string Id, string[] Paragraphs)> half, int self, SplitMix64 random)
    {
        for (int attempt = 0; attempt < 8; attempt++)
        {
            int other = random.Next(half.Count - 1);
            string[] from = half[other >= self ? other + 1 : other].Paragraphs;
            if (from.Length < 4)
            {
                continue;
            }

            string paragraph = from[1 + random.Next(from.Length - 1)];
            if (WordCount(paragraph) is >= 10 and <= 70)
            {
                return paragraph;
            }
        }

        return null;
    }

    /// <summary>A desk's new headline: a tag, some words dropped, two swapped, cut to at most twelve words.</summary>
    private static string Headline(string line, SplitMix64 random)
    {
        List<string> words = [.. line.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        for (int i = words.Count - 1; i >= 0 && words.Count > 3; i--)
        {
            if (random.Next(4) == 0)
            {
                words.RemoveAt(i);
            }
        }

        if (words.Count > 2)
        {
            int i = random.Next(words.Count - 1);
            (words[i], words[i + 1]) = (words[i + 1], words[i]);
        }

        return HeadlineTags[random.Next(HeadlineTags.Length)] + string.Join(' ', words.Take(12));
    }

    /// <summary>Edits about <paramref name="percent"/> % of the words: a typo (two letters swapped), the word dropped, or replaced by another of the paragraph.</summary>
    private static string EditWords(string paragraph, int percent, SplitMix64 random)
    {
        string[] words = paragraph.Split(' ');
        var edited = new StringBuilder(paragraph.Length + 8);
        foreach (string word in words)
        {
            string result = word;
            if (random.Next(100) < percent)
            {
                switch (random.Next(3))
                {
                    case 0 when word.Length > 3:
                        int at = 1 + random.Next(word.Length - 2);
                        char[] letters = word.ToCharArray();
                        (letters[at - 1], letters[at]) = (letters[at], letters[at - 1]);
                        result = new string(letters);
                        break;
                    case 1:
                        result = "";
                        break;
                    default:
                        result = words[random.Next(words.Length)];
                        break;
                }
            }

            if (result.Length > 0)
            {
                edited.Append(edited.Length == 0 ? "" : " ").Append(result);
            }
        }

        return edited.ToString();
    }

    private static int WordCount(string paragraph) => paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>SplitMix64: a fixed generator, so the collection is the same on every runtime (System.Random's seeded sequence is not promised).</summary>
    private sealed class SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public int Next(int below)
        {
            _state += 0x9E3779B97F4A7C15UL;
            return (int)(ShingleHashing.Mix(_state) % (ulong)below);
        }
    }
}

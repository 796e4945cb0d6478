using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using Sitrep.Documents;
using Sitrep.Tagging.Sequence;

namespace Sitrep.Tagging.Clusters;

/// <summary>
/// Brown cluster paths of one language's words, read from the embedded model
/// <c>Sitrep.Models.clusters-&lt;lang&gt;.tsv.gz</c> (built by <c>sitrep train clusters</c>). Thread-safe.
/// </summary>
/// <remarks>
/// Words are clustered as written (case kept); <see cref="TryGet"/> tries the exact form, then its lower-case
/// form, so «Lundi» at the start of a sentence finds «lundi». ASCII digits are all read as 0, at training and at
/// lookup («1999» and «2024» are the same word «0000»): years, prices and counts share one cluster per shape.
/// </remarks>
public sealed class WordClusters : IWordClusterSource
{
    /// <summary>Longer words are never looked up (none is in a model; it keeps the lookup buffer on the stack).</summary>
    public const int MaxWordLength = 64;

    private static readonly ConcurrentDictionary<string, WordClusters?> Cache = new(StringComparer.Ordinal);

    private readonly Dictionary<string, BrownPath> _paths;

    // The paths again, keyed by the 64-bit hash of the word (FeatureKey.Text): a look-up hashes the characters
    // once and compares no string, and the lower-case hash needs no lower-cased copy. Two words of a model
    // sharing a hash is as unlikely as two feature keys colliding.
    private readonly Dictionary<ulong, BrownPath> _byHash;

    private WordClusters(Dictionary<string, BrownPath> paths)
    {
        _paths = paths;
        _byHash = new Dictionary<ulong, BrownPath>(paths.Count);
        foreach ((string word, BrownPath path) in paths)
        {
            _byHash.TryAdd(FeatureKey.Text(word), path);
        }
    }

    /// <summary>How many words the model knows.</summary>
    public int Count => _paths.Count;

    /// <summary>The embedded model's resource name for an ISO 639-1 code.</summary>
    public static string ResourceName(string language) => $"Sitrep.Models.clusters-{language}.tsv.gz";

    /// <summary>The shipped clusters of a language («fr», «en-GB»), loaded once; null when Sitrep has none.</summary>
    public static WordClusters? For(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return LanguageCodes.Normalize(language) is not { } normalized ? null : Cache.GetOrAdd(normalized, static code =>
        {
            using Stream? stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName(code));
            return stream is null ? null : LoadCompressed(stream);
        });
    }

    /// <summary>Reads a gzip-compressed model file.</summary>
    public static WordClusters LoadCompressed(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return Load(reader);
    }

    /// <summary>Reads model lines <c>path TAB word TAB count</c>; lines starting with # are comments.</summary>
    public static WordClusters Load(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var paths = new Dictionary<string, BrownPath>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            ReadOnlySpan<char> rest = line;
            int tab = rest.IndexOf('\t');
            if (tab < 0)
            {
                throw new FormatException($"cluster line without a tab: {line}");
            }

            var path = BrownPath.Parse(rest[..tab]);
            rest = rest[(tab + 1)..];
            tab = rest.IndexOf('\t');
            string word = (tab < 0 ? rest : rest[..tab]).ToString();
            paths.TryAdd(word, path);
        }

        return new WordClusters(paths);
    }

    /// <summary>Builds a lookup from a clustering in memory (tests, or a model before it is written).</summary>
    public static WordClusters From(IEnumerable<ClusteredWord> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var paths = new Dictionary<string, BrownPath>(StringComparer.Ordinal);
        foreach (ClusteredWord word in words)
        {
            paths.TryAdd(word.Word, BrownPath.Parse(word.Path));
        }

        return new WordClusters(paths);
    }

    /// <summary>
    /// Writes a model file: gzip of UTF-8 lines, the <paramref name="comments"/> first (each prefixed with «# »),
    /// then <c>path TAB word TAB count</c> in the order given. The same input gives the same bytes.
    /// </summary>
    public static void WriteCompressed(Stream stream, IEnumerable<string> comments, IEnumerable<ClusteredWord> words)
    {
        ArgumentNullException.ThrowIfNull(comments);
        ArgumentNullException.ThrowIfNull(words);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (string comment in comments)
        {
            writer.WriteLine("# " + comment);
        }

        foreach (ClusteredWord word in words)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{word.Path}\t{word.Word}\t{word.Count}"));
        }
    }

    /// <summary>
    /// The path of a word: the exact form first, then its lower-case form (ASCII digits read as 0 in both).
    /// Allocates nothing.
    /// </summary>
    /// <summary>The path as the tagger's features read it: its bits at the top of a 64-bit word.</summary>
    bool IWordClusterSource.TryGetPath(ReadOnlySpan<char> word, out ulong bits, out int length)
    {
        if (TryGet(word, out BrownPath path) && path.Length > 0)
        {
            bits = path.Bits << (64 - path.Length);
            length = path.Length;
            return true;
        }

        bits = 0;
        length = 0;
        return false;
    }

    public bool TryGet(ReadOnlySpan<char> word, out BrownPath path)
    {
        if (word.IsEmpty || word.Length > MaxWordLength)
        {
            path = default;
            return false;
        }

        Span<char> buffer = stackalloc char[word.Length];
        scoped ReadOnlySpan<char> key = word;
        if (HasAsciiDigit(word))
        {
            NormalizeDigits(word, buffer);
            key = buffer;
        }

        return _byHash.TryGetValue(FeatureKey.Text(key), out path) || _byHash.TryGetValue(FeatureKey.LowerText(key), out path);
    }

    /// <summary>A word as the model stores it: every ASCII digit replaced by 0 (the training side of the rule).</summary>
    public static string NormalizeDigits(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (!HasAsciiDigit(word))
        {
            return word;
        }

        return string.Create(word.Length, word, static (span, source) => NormalizeDigits(source, span));
    }

    /// <summary>A plain loop: <c>ContainsAnyInRange</c> was measured allocating 96 bytes a call (.NET 10, Debug build).</summary>
    private static bool HasAsciiDigit(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (char.IsAsciiDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static void NormalizeDigits(ReadOnlySpan<char> source, Span<char> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            destination[i] = char.IsAsciiDigit(c) ? '0' : c;
        }
    }
}

using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Sitrep.Tagging.Lemmas;

/// <summary>A (form, UPOS, lemma) triple seen <paramref name="Count"/> times; <paramref name="Surface"/> marks a multiword token («du»).</summary>
public sealed record LemmaLexiconEntry(string Form, string Upos, string Lemma, int Count, bool Surface);

/// <summary>How many training word types of one UPOS ending in <paramref name="Suffix"/> take <paramref name="Script"/>.</summary>
public sealed record LemmaSuffixEntry(string Upos, string Suffix, LemmaEditScript Script, int Count);

/// <summary>The case of lemmas of words of one UPOS and shape.</summary>
public sealed record LemmaCaseEntry(string Upos, LemmaShape Shape, LemmaCase Case);

/// <summary>
/// A trained lemmatizer model: a lexicon of the training words, case modes and a suffix tree of edit-script counts.
/// Stored as <c>models/lemma-&lt;lang&gt;.tsv.gz</c>: gzip of a UTF-8 text file, one record a line, sorted
/// ordinally, so the same training data always gives the same bytes and a diff of two models is readable.
/// </summary>
public sealed class LemmaModel
{
    public const int FormatVersion = 1;
    private const string Magic = "#sitrep-lemma";

    public LemmaModel(
        string language,
        int maxSuffixLength,
        ImmutableArray<LemmaCaseEntry> cases,
        ImmutableArray<LemmaLexiconEntry> lexicon,
        ImmutableArray<LemmaSuffixEntry> suffixes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSuffixLength, 0);
        Language = language;
        MaxSuffixLength = maxSuffixLength;
        Cases = cases;
        Lexicon = lexicon;
        Suffixes = suffixes;
    }

    public string Language { get; }

    /// <summary>Longest suffix (in chars) the suffix tree looks at.</summary>
    public int MaxSuffixLength { get; }

    public ImmutableArray<LemmaCaseEntry> Cases { get; }

    public ImmutableArray<LemmaLexiconEntry> Lexicon { get; }

    public ImmutableArray<LemmaSuffixEntry> Suffixes { get; }

    public static LemmaModel LoadFile(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Reads a model written by <see cref="Save"/> (gzip-compressed).</summary>
    public static LemmaModel Load(Stream compressed)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        string[] header = (reader.ReadLine() ?? "").Split('\t');
        if (header.Length != 4 || header[0] != Magic)
        {
            throw new InvalidDataException("not a Sitrep lemmatizer model (bad header)");
        }

        if (header[1] != FormatVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw new InvalidDataException($"lemmatizer model format {header[1]}; this Sitrep reads format {FormatVersion}");
        }

        var cases = ImmutableArray.CreateBuilder<LemmaCaseEntry>();
        var lexicon = ImmutableArray.CreateBuilder<LemmaLexiconEntry>();
        var suffixes = ImmutableArray.CreateBuilder<LemmaSuffixEntry>();
        while (reader.ReadLine() is { } line)
        {
            string[] f = line.Split('\t');
            switch (f[0])
            {
                case "C" when f.Length == 4:
                    cases.Add(new LemmaCaseEntry(f[1], Enum.Parse<LemmaShape>(f[2]), Enum.Parse<LemmaCase>(f[3])));
                    break;
                case "W" or "M" when f.Length == 5:
                    lexicon.Add(new LemmaLexiconEntry(f[1], f[2], f[3], Number(f[4]), f[0] == "M"));
                    break;
                case "S" when f.Length == 6:
                    suffixes.Add(new LemmaSuffixEntry(f[1], f[2], new LemmaEditScript(Number(f[3]), f[4]), Number(f[5])));
                    break;
                default:
                    throw new InvalidDataException($"corrupt lemmatizer model line: {line}");
            }
        }

        return new LemmaModel(header[2], Number(header[3]), cases.ToImmutable(), lexicon.ToImmutable(), suffixes.ToImmutable());

        static int Number(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            ? n
            : throw new InvalidDataException($"corrupt lemmatizer model number: {text}");
    }

    public void SaveFile(string path)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        using FileStream stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Writes the model, gzip-compressed, records in ordinal order (same model, same bytes).</summary>
    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var gzip = new GZipStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        var text = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(text, $"{Magic}\t{FormatVersion}\t{Language}\t{MaxSuffixLength}"));
        foreach (LemmaCaseEntry c in Cases.OrderBy(c => c.Upos, StringComparer.Ordinal).ThenBy(c => c.Shape))
        {
            writer.WriteLine($"C\t{c.Upos}\t{c.Shape}\t{c.Case}");
        }

        foreach (LemmaLexiconEntry w in Lexicon
            .OrderBy(w => w.Surface)
            .ThenBy(w => w.Form, StringComparer.Ordinal)
            .ThenBy(w => w.Upos, StringComparer.Ordinal)
            .ThenBy(w => w.Lemma, StringComparer.Ordinal))
        {
            writer.WriteLine(string.Create(text, $"{(w.Surface ? "M" : "W")}\t{w.Form}\t{w.Upos}\t{w.Lemma}\t{w.Count}"));
        }

        foreach (LemmaSuffixEntry s in Suffixes
            .OrderBy(s => s.Upos, StringComparer.Ordinal)
            .ThenBy(s => s.Suffix, StringComparer.Ordinal)
            .ThenBy(s => s.Script.Strip)
            .ThenBy(s => s.Script.Append, StringComparer.Ordinal))
        {
            writer.WriteLine(string.Create(text, $"S\t{s.Upos}\t{s.Suffix}\t{s.Script.Strip}\t{s.Script.Append}\t{s.Count}"));
        }
    }
}

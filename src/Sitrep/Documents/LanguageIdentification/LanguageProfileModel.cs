using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;

namespace Sitrep.Documents.LanguageIdentification;

/// <summary>What a class of the model stands for.</summary>
public enum LanguageClassRole : byte
{
    /// <summary>A language the identifier may answer.</summary>
    Language = 0,

    /// <summary>
    /// A language the model knows only well enough to rule out (Portuguese, Polish, Bulgarian…): text closest
    /// to it is reported as "und" instead of being forced onto the nearest supported language.
    /// </summary>
    Decoy = 1,
}

/// <summary>
/// One class of the model.
/// <paramref name="KnownWords"/>: sorted hashes (<see cref="NgramFeatures.WordHash"/>) of words seen in the
/// class's running text; empty when the class was trained from names and function words only.
/// <paramref name="MinKnownWordRate"/>: share of a text's words that must be known for the class to be
/// answered (0 when there is no word list).
/// </summary>
public sealed record LanguageProfileClass(
    string Code, LanguageClassRole Role, WritingScript Script, double MinKnownWordRate, ImmutableArray<uint> KnownWords);

/// <summary>
/// A trained character n-gram model: for each hashed n-gram bucket and each class, the quantised log
/// probability of the n-gram in that class (multinomial naive Bayes with additive smoothing).
/// Stored as <c>models/langid.bin.gz</c>: gzip of a little-endian binary written by <see cref="Save"/>;
/// the same training data always gives the same bytes.
/// </summary>
public sealed class LanguageProfileModel
{
    public const int FormatVersion = 1;
    private static ReadOnlySpan<byte> Magic => "SLID"u8;

    /// <param name="maxOrder">Longest n-gram, in chars (boundaries included).</param>
    /// <param name="bucketBits">The table has 2^bucketBits buckets.</param>
    /// <param name="logMin">Log probability (nats) of quantised value 0.</param>
    /// <param name="logStep">Nats per quantisation step.</param>
    /// <param name="classes">The classes, in table column order.</param>
    /// <param name="table">Bucket-major quantised log probabilities: <c>table[bucket * classes + class]</c>.</param>
    public LanguageProfileModel(int maxOrder, int bucketBits, double logMin, double logStep, ImmutableArray<LanguageProfileClass> classes, byte[] table)
        : this(maxOrder, bucketBits, logMin, logStep, classes)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Length != BucketCount * classes.Length)
        {
            throw new ArgumentException("the table must hold one byte per bucket and class", nameof(table));
        }

        for (int b = 0; b < BucketCount; b++)
        {
            table.AsSpan(b * classes.Length, classes.Length).CopyTo(Rows.AsSpan(b * RowStride));
        }
    }

    private LanguageProfileModel(int maxOrder, int bucketBits, double logMin, double logStep, ImmutableArray<LanguageProfileClass> classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOrder, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxOrder, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketBits, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bucketBits, 24);
        if (classes.IsDefaultOrEmpty || classes.Length > 255)
        {
            throw new ArgumentException("between 1 and 255 classes", nameof(classes));
        }

        MaxOrder = maxOrder;
        BucketBits = bucketBits;
        LogMin = logMin;
        LogStep = logStep;
        Classes = classes;
        RowStride = (classes.Length + 31) & ~31;
        Rows = new byte[BucketCount * RowStride];
    }

    public int MaxOrder { get; }

    public int BucketBits { get; }

    public int BucketCount => 1 << BucketBits;

    public double LogMin { get; }

    public double LogStep { get; }

    public ImmutableArray<LanguageProfileClass> Classes { get; }

    /// <summary>Bytes per bucket in <see cref="Rows"/>: the class count rounded up to 32, so a row is one 256-bit load.</summary>
    internal int RowStride { get; }

    /// <summary>Bucket-major quantised log probabilities, <c>Rows[bucket * RowStride + class]</c>; padding bytes are 0.</summary>
    internal byte[] Rows { get; }

    /// <summary>Reads a model written by <see cref="Save"/> (gzip-compressed).</summary>
    public static LanguageProfileModel Load(Stream compressed)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(gzip, Encoding.UTF8, leaveOpen: true);
        Span<byte> magic = stackalloc byte[4];
        reader.BaseStream.ReadExactly(magic);
        if (!magic.SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a Sitrep language identification model (bad magic number)");
        }

        int version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"language identification model format {version}; this Sitrep reads format {FormatVersion}");
        }

        int maxOrder = reader.ReadInt32();
        int bucketBits = reader.ReadInt32();
        double logMin = reader.ReadDouble();
        double logStep = reader.ReadDouble();
        int classCount = reader.ReadInt32();
        if (classCount is < 1 or > 255 || bucketBits is < 8 or > 24)
        {
            throw new InvalidDataException("corrupt language identification model header");
        }

        var classes = ImmutableArray.CreateBuilder<LanguageProfileClass>(classCount);
        for (int c = 0; c < classCount; c++)
        {
            string code = reader.ReadString();
            var role = (LanguageClassRole)reader.ReadByte();
            var script = (WritingScript)reader.ReadByte();
            double minKnown = reader.ReadDouble();
            int known = reader.ReadInt32();
            var words = ImmutableArray.CreateBuilder<uint>(known);
            ulong previous = 0;
            for (int i = 0; i < known; i++)
            {
                previous += (ulong)reader.Read7BitEncodedInt64();
                words.Add((uint)previous);
            }

            classes.Add(new LanguageProfileClass(code, role, script, minKnown, words.MoveToImmutable()));
        }

        // Columns (one class after another) compress far better than rows; the identifier wants rows.
        var model = new LanguageProfileModel(maxOrder, bucketBits, logMin, logStep, classes.MoveToImmutable());
        byte[] column = new byte[model.BucketCount];
        for (int c = 0; c < classCount; c++)
        {
            reader.BaseStream.ReadExactly(column);
            for (int b = 0; b < column.Length; b++)
            {
                model.Rows[(b * model.RowStride) + c] = column[b];
            }
        }

        return model;
    }

    public static LanguageProfileModel LoadFile(string path)
    {
        using FileStream file = File.OpenRead(path);
        return Load(file);
    }

    /// <summary>Writes the model gzip-compressed; deterministic bytes for a given model.</summary>
    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var gzip = new GZipStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(MaxOrder);
        writer.Write(BucketBits);
        writer.Write(LogMin);
        writer.Write(LogStep);
        writer.Write(Classes.Length);
        foreach (LanguageProfileClass cls in Classes)
        {
            writer.Write(cls.Code);
            writer.Write((byte)cls.Role);
            writer.Write((byte)cls.Script);
            writer.Write(cls.MinKnownWordRate);
            writer.Write(cls.KnownWords.Length);
            ulong previous = 0;
            foreach (uint word in cls.KnownWords)
            {
                writer.Write7BitEncodedInt64((long)(word - previous));
                previous = word;
            }
        }

        byte[] column = new byte[BucketCount];
        for (int c = 0; c < Classes.Length; c++)
        {
            for (int b = 0; b < column.Length; b++)
            {
                column[b] = Rows[(b * RowStride) + c];
            }

            writer.Write(column);
        }
    }

    public void SaveFile(string path)
    {
        using var buffer = new MemoryStream();
        Save(buffer);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllBytes(path, buffer.ToArray());
    }

    /// <summary>The index of the class with this code, or -1.</summary>
    public int IndexOf(string code)
    {
        for (int c = 0; c < Classes.Length; c++)
        {
            if (string.Equals(Classes[c].Code, code, StringComparison.Ordinal))
            {
                return c;
            }
        }

        return -1;
    }
}

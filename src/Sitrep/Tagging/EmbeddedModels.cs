using System.IO.Compression;

namespace Sitrep.Tagging;

/// <summary>The trained models embedded from <c>models/*.gz</c> (resource <c>Sitrep.Models.&lt;file&gt;</c>).</summary>
internal static class EmbeddedModels
{
    /// <summary>The decompressed content of <c>models/<paramref name="file"/></c>, or null when it does not ship.</summary>
    public static Stream? OpenGzip(string file)
    {
        Stream? stream = typeof(EmbeddedModels).Assembly.GetManifestResourceStream("Sitrep.Models." + file);
        return stream is null ? null : Decompress(stream);
    }

    /// <summary>Reads a gzip file from disk (a model just trained, before it is committed).</summary>
    public static Stream OpenGzipFile(string path) => Decompress(File.OpenRead(path));

    /// <summary>
    /// Buffered, because model readers take a few bytes at a time (<see cref="BinaryReader"/>) and each read
    /// of a bare <see cref="GZipStream"/> costs a call into zlib.
    /// </summary>
    private static BufferedStream Decompress(Stream compressed) => new(new GZipStream(compressed, CompressionMode.Decompress), 1 << 16);

    /// <summary>Writes a gzip file deterministically (no timestamps in the gzip header).</summary>
    public static void WriteGzipFile(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        using FileStream file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        write(gzip);
    }
}

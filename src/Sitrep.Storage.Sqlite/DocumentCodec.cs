using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace Sitrep.Storage.Sqlite;

/// <summary>
/// The stored form of a document's JSON: UTF-8, Brotli-compressed when that pays. Documents carry every token,
/// so a 3,000-character article is a ~40,000-character document; Brotli shrinks it several-fold (3x on a
/// 2 kB document, more on longer ones). Quality 1: most of the gain at a fraction of the time of higher levels.
/// </summary>
internal static class DocumentCodec
{
    public const string Identity = "identity";
    public const string Brotli = "br";

    private const int MinimumToCompress = 512;

    public static (byte[] Bytes, string Encoding) Encode(string json)
    {
        // The UTF-8 form and the compressor's output live in pooled buffers: only the stored bytes are allocated.
        byte[] utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        byte[]? buffer = null;
        try
        {
            int length = Encoding.UTF8.GetBytes(json, utf8);
            if (length < MinimumToCompress)
            {
                return (utf8[..length], Identity);
            }

            buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(length));
            return BrotliEncoder.TryCompress(utf8.AsSpan(0, length), buffer, out int written, quality: 1, window: 22) && written < length
                ? (buffer[..written], Brotli)
                : (utf8[..length], Identity);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    public static string Decode(byte[] bytes, string encoding)
    {
        if (string.Equals(encoding, Identity, StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        if (!string.Equals(encoding, Brotli, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"unknown document encoding '{encoding}'");
        }

        using var input = new MemoryStream(bytes);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
        return reader.ReadToEnd();
    }
}

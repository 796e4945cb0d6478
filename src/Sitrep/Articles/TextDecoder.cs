using System.Text;

namespace Sitrep.Articles;

/// <summary>The decoded text and what, if anything, had to be guessed to decode it.</summary>
public sealed record DecodedText(string Text, string Encoding, string? Warning);

/// <summary>
/// Turns the bytes of a text file into a string. UTF-8 (with or without BOM) and UTF-16 with a BOM are read
/// as such. Anything else is never dropped: bytes that are not UTF-8 at all are read as Windows-1252
/// (the usual legacy encoding of French and English web text), and UTF-8 with a few broken sequences keeps
/// its good text with U+FFFD in place of the bad bytes; both cases carry a warning. Binary data is refused.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return DecodeUtf8(bytes[3..], "utf-8-bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedText(Encoding.Unicode.GetString(bytes[2..]), "utf-16le", null);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedText(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", null);
        }

        if (BinaryKind(bytes) is string kind)
        {
            throw new ArticleReadException($"binary content ({kind}), not a text article");
        }

        return DecodeUtf8(bytes, "utf-8");
    }

    private static DecodedText DecodeUtf8(ReadOnlySpan<byte> bytes, string name)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return new DecodedText(StrictUtf8.GetString(bytes), name, null);
        }

        // Valid multi-byte sequences mean UTF-8 with damage; none at all means a single-byte legacy encoding.
        (int valid, int invalid) = CountMultiByteSequences(bytes);
        if (valid > 0 && valid >= invalid)
        {
            return new DecodedText(LenientUtf8.GetString(bytes), name,
                $"{invalid} invalid UTF-8 sequence(s) replaced by U+FFFD");
        }

        // Latin-1 keeps every byte; the normaliser then reads 0x80–0x9F as Windows-1252, so the pair decodes Windows-1252.
        return new DecodedText(Encoding.Latin1.GetString(bytes), "windows-1252", "not UTF-8: decoded as Windows-1252");
    }

    private static (int Valid, int Invalid) CountMultiByteSequences(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, invalid = 0, i = 0;
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            int need = b >= 0xF0 && b <= 0xF4 ? 3 : b >= 0xE0 ? 2 : b >= 0xC2 && b <= 0xDF ? 1 : -1;
            if (need < 0)
            {
                invalid++;
                i++;
                continue;
            }

            bool ok = true;
            for (int k = 1; k <= need; k++)
            {
                if (i + k >= bytes.Length || (bytes[i + k] & 0xC0) != 0x80)
                {
                    ok = false;
                    break;
                }
            }

            if (ok)
            {
                valid++;
                i += need + 1;
            }
            else
            {
                invalid++;
                i++;
            }
        }

        return (valid, invalid);
    }

    private static string? BinaryKind(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("%PDF"u8))
        {
            return "PDF";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return "gzip";
        }

        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return "zip or office document";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) || bytes.StartsWith("GIF8"u8))
        {
            return "image";
        }

        ReadOnlySpan<byte> head = bytes[..Math.Min(bytes.Length, 8192)];
        return head.IndexOf((byte)0) >= 0 ? "NUL bytes" : null;
    }
}

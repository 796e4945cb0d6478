using System.Text;

namespace Sitrep.Articles;

/// <summary>The decoded text and what, if anything, had to be guessed to decode it.</summary>
public sealed record DecodedText(string Text, string Encoding, string? Warning);

/// <summary>
/// Turns the bytes of a text file into a string. A byte-order mark always wins (UTF-8, UTF-16, UTF-32).
/// Valid UTF-8 is read as UTF-8, whatever a page declares (pages re-encoded to UTF-8 often keep a stale
/// <c>charset=iso-8859-1</c>). Bytes that are not UTF-8 are read in the declared encoding when there is one
/// (<c>iso-8859-1</c> and <c>us-ascii</c> mean Windows-1252, as in browsers); otherwise UTF-8 with a few broken
/// sequences keeps its good text with U+FFFD in place of the bad bytes, and anything else is read as
/// Windows-1252, the usual legacy encoding of French and English web text. Every guess carries a warning.
/// Binary data (PDF, archives, images, executables, NUL bytes) is refused with a message saying what it is.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Windows-1252 for bytes 0x80–0x9F; the five bytes it leaves undefined stay C1 controls, as in browsers.</summary>
    private static readonly char[] Windows1252High =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    public static DecodedText Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, null);

    /// <summary>Decodes <paramref name="bytes"/>, honouring <paramref name="declaredCharset"/> (e.g. from a page's &lt;meta charset&gt;) when the bytes are not UTF-8.</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string? declaredCharset)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return DecodeUtf8(bytes[3..], "utf-8-bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return new DecodedText(Encoding.UTF32.GetString(bytes[4..]), "utf-32le", null);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return new DecodedText(new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetString(bytes[4..]), "utf-32be", null);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedText(Encoding.Unicode.GetString(bytes[2..]), "utf-16le", null);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedText(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", null);
        }

        if (Utf16WithoutMark(bytes) is string utf16)
        {
            Encoding encoding = utf16 == "utf-16le" ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return new DecodedText(encoding.GetString(bytes), utf16, $"no byte-order mark, but NUL bytes between letters: decoded as {utf16.ToUpperInvariant()}");
        }

        if (BinaryKind(bytes) is string kind)
        {
            throw new ArticleReadException($"binary content ({kind}), not a text article");
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            string? stale = declaredCharset is not null && ResolveCharset(declaredCharset) is { } declared && declared.Name != "utf-8" && !IsAscii(bytes)
                ? $"the page declares {declaredCharset.Trim()} but its bytes are valid UTF-8: decoded as UTF-8"
                : null;
            return new DecodedText(StrictUtf8.GetString(bytes), "utf-8", stale);
        }

        if (declaredCharset is not null)
        {
            if (ResolveCharset(declaredCharset) is { } resolved)
            {
                if (resolved.Name != "utf-8")
                {
                    string text = resolved.Encoding is null ? DecodeWindows1252(bytes) : resolved.Encoding.GetString(bytes);
                    return new DecodedText(text, resolved.Name, null);
                }
            }
            else
            {
                DecodedText guessed = DecodeUtf8(bytes, "utf-8");
                return guessed with { Warning = $"unsupported charset '{declaredCharset.Trim()}': {guessed.Warning}" };
            }
        }

        return DecodeUtf8(bytes, "utf-8");
    }

    /// <summary>
    /// The encoding a charset label names, by the WHATWG Encoding Standard's rules for the labels French and English
    /// pages use, then by the code pages .NET knows (windows-1251, iso-8859-2, koi8-r …). A null encoding means
    /// Windows-1252, decoded here. Null when the label names nothing known.
    /// </summary>
    internal static (string Name, Encoding? Encoding)? ResolveCharset(string label)
    {
        string key = label.Trim().Trim('"', '\'').ToLowerInvariant();
        switch (key)
        {
            case "utf-8" or "utf8" or "unicode-1-1-utf-8" or "x-unicode20utf8" or "unicode20utf8"
                or "utf-16" or "utf-16le" or "utf-16be" or "unicode" or "ucs-2":
                // A page that could declare UTF-16 in ASCII bytes is not UTF-16 (WHATWG: treat as UTF-8).
                return ("utf-8", StrictUtf8);
            case "windows-1252" or "cp1252" or "x-cp1252" or "iso-8859-1" or "iso8859-1" or "iso_8859-1" or "iso_8859-1:1987"
                or "latin1" or "latin-1" or "l1" or "cp819" or "ibm819" or "iso-ir-100" or "csisolatin1" or "us-ascii" or "ascii"
                or "ansi_x3.4-1968" or "iso646-us" or "ansi":
                return ("windows-1252", null);
            case "iso-8859-15" or "iso8859-15" or "iso_8859-15" or "latin9" or "latin-9" or "l9" or "csisolatin9":
                return ("iso-8859-15", CodePagesEncodingProvider.Instance.GetEncoding(28605));
        }

        if (key.Length is 0 or > 40)
        {
            return null;
        }

        Encoding? encoding = CodePagesEncodingProvider.Instance.GetEncoding(key);
        return encoding is null ? null : (encoding.WebName, encoding);
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

        return new DecodedText(DecodeWindows1252(bytes), "windows-1252", "not UTF-8 and no charset declared: decoded as Windows-1252");
    }

    private static string DecodeWindows1252(ReadOnlySpan<byte> bytes) =>
        string.Create(bytes.Length, bytes.ToArray(), static (chars, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                byte b = source[i];
                chars[i] = b is >= 0x80 and <= 0x9F ? Windows1252High[b - 0x80] : (char)b;
            }
        });

    private static bool IsAscii(ReadOnlySpan<byte> bytes) => System.Text.Ascii.IsValid(bytes);

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

    /// <summary>
    /// UTF-16 saved without a byte-order mark: in text of Latin letters every other byte is NUL.
    /// Recognised when at least 40% of the bytes on one side are NUL and almost none on the other.
    /// </summary>
    private static string? Utf16WithoutMark(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> head = bytes[..(Math.Min(bytes.Length, 4096) & ~1)];
        if (head.Length < 8)
        {
            return null;
        }

        int evenNul = 0, oddNul = 0;
        for (int i = 0; i < head.Length; i += 2)
        {
            evenNul += head[i] == 0 ? 1 : 0;
            oddNul += head[i + 1] == 0 ? 1 : 0;
        }

        int pairs = head.Length / 2;
        return oddNul * 10 >= pairs * 4 && evenNul * 50 <= pairs ? "utf-16le"
            : evenNul * 10 >= pairs * 4 && oddNul * 50 <= pairs ? "utf-16be"
            : null;
    }

    private static readonly (byte[] Magic, int Offset, string Kind)[] Signatures =
    [
        ("%PDF"u8.ToArray(), 0, "a PDF document: extract its text first, e.g. with pdftotext"),
        ([0x1F, 0x8B], 0, "gzip-compressed: decompress it first"),
        ("PK\u0003\u0004"u8.ToArray(), 0, "a zip archive or an Office document: unpack it or save it as text"),
        ([0xD0, 0xCF, 0x11, 0xE0], 0, "an old Microsoft Office document: save it as text"),
        ("{\\rtf"u8.ToArray(), 0, "an RTF document: save it as plain text"),
        ([0x89, 0x50, 0x4E, 0x47], 0, "an image (PNG)"),
        ([0xFF, 0xD8, 0xFF], 0, "an image (JPEG)"),
        ("GIF8"u8.ToArray(), 0, "an image (GIF)"),
        ("II*\0"u8.ToArray(), 0, "an image (TIFF)"),
        ("MM\0*"u8.ToArray(), 0, "an image (TIFF)"),
        ("RIFF"u8.ToArray(), 0, "a RIFF media file (WebP, WAV or AVI)"),
        ("ftyp"u8.ToArray(), 4, "a video or image file (MP4, MOV or HEIC)"),
        ([0x1A, 0x45, 0xDF, 0xA3], 0, "a video file (WebM or MKV)"),
        ("OggS"u8.ToArray(), 0, "an audio or video file (Ogg)"),
        ("ID3"u8.ToArray(), 0, "an audio file (MP3)"),
        ("BZh"u8.ToArray(), 0, "bzip2-compressed: decompress it first"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], 0, "xz-compressed: decompress it first"),
        ([0x28, 0xB5, 0x2F, 0xFD], 0, "zstd-compressed: decompress it first"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], 0, "a 7-Zip archive: unpack it first"),
        ("Rar!"u8.ToArray(), 0, "a RAR archive: unpack it first"),
        ([0x7F, 0x45, 0x4C, 0x46], 0, "an executable (ELF)"),
        ("SQLite format 3\0"u8.ToArray(), 0, "an SQLite database"),
        ("wOFF"u8.ToArray(), 0, "a web font"),
        ("wOF2"u8.ToArray(), 0, "a web font"),
    ];

    /// <summary>What a binary file is, from its first bytes, said so that an analyst knows what to do with it.</summary>
    private static string? BinaryKind(ReadOnlySpan<byte> bytes)
    {
        foreach ((byte[] magic, int offset, string kind) in Signatures)
        {
            if (bytes.Length >= offset + magic.Length && bytes.Slice(offset, magic.Length).SequenceEqual(magic))
            {
                return kind;
            }
        }

        ReadOnlySpan<byte> head = bytes[..Math.Min(bytes.Length, 8192)];
        if (head.IndexOf((byte)0) >= 0)
        {
            return "NUL bytes";
        }

        // Text has few control bytes besides tab, line feed, form feed and carriage return; binary has many.
        int controls = 0;
        foreach (byte b in head)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D or 0x1B))
            {
                controls++;
            }
        }

        return head.Length >= 32 && controls * 10 > head.Length ? "control bytes" : null;
    }
}

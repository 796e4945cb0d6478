using System.Text;
using Sitrep.Articles;

namespace Sitrep.Tests.Articles;

public sealed class TextDecoderTests
{
    private const string French = "L\u2019arm\u00e9e a pris le c\u0153ur de la ville pour 5 \u20ac.";

    private static byte[] Windows1252(string text) => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);

    [Fact]
    public void Utf8_is_read_as_is()
    {
        DecodedText decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes(French));
        Assert.Equal(French, decoded.Text);
        Assert.Equal("utf-8", decoded.Encoding);
        Assert.Null(decoded.Warning);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-32le")]
    [InlineData("utf-32be")]
    public void A_byte_order_mark_decides_and_is_not_part_of_the_text(string encoding)
    {
        Encoding e = encoding switch
        {
            "utf-8" => new UTF8Encoding(true),
            "utf-16le" => Encoding.Unicode,
            "utf-16be" => Encoding.BigEndianUnicode,
            "utf-32le" => Encoding.UTF32,
            _ => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
        };
        byte[] bytes = [.. e.GetPreamble(), .. e.GetBytes(French)];
        DecodedText decoded = TextDecoder.Decode(bytes, "windows-1252");
        Assert.Equal(French, decoded.Text);
        Assert.Null(decoded.Warning);
    }

    [Fact]
    public void Utf16_without_a_byte_order_mark_is_recognised_with_a_warning()
    {
        DecodedText decoded = TextDecoder.Decode(Encoding.Unicode.GetBytes("Les forces russes se sont retir\u00e9es de Kharkiv."));
        Assert.Equal("Les forces russes se sont retir\u00e9es de Kharkiv.", decoded.Text);
        Assert.Contains("UTF-16LE", decoded.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_utf8_keeps_its_good_text_and_says_how_many_bytes_were_bad()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("d\u00e9j\u00e0 "), 0xFF, .. Encoding.UTF8.GetBytes(" \u00e9t\u00e9")];
        DecodedText decoded = TextDecoder.Decode(bytes);
        Assert.Equal("d\u00e9j\u00e0 \uFFFD \u00e9t\u00e9", decoded.Text);
        Assert.Equal("1 invalid UTF-8 sequence(s) replaced by U+FFFD", decoded.Warning);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_and_declare_nothing_are_read_as_windows_1252_with_a_warning()
    {
        DecodedText decoded = TextDecoder.Decode(Windows1252(French));
        Assert.Equal(French, decoded.Text);
        Assert.Equal("windows-1252", decoded.Encoding);
        Assert.Contains("Windows-1252", decoded.Warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("windows-1252")]
    [InlineData("iso-8859-1")]
    [InlineData("ISO-8859-1")]
    [InlineData("latin1")]
    [InlineData("us-ascii")]
    [InlineData("cp1252")]
    public void A_declared_windows_1252_or_latin1_is_read_as_windows_1252_without_warning(string charset)
    {
        // Browsers read iso-8859-1 as Windows-1252: 0x92 is an apostrophe, 0x9C is «œ», 0x80 is «€».
        DecodedText decoded = TextDecoder.Decode(Windows1252(French), charset);
        Assert.Equal(French, decoded.Text);
        Assert.Equal("windows-1252", decoded.Encoding);
        Assert.Null(decoded.Warning);
    }

    [Fact]
    public void A_declared_iso_8859_15_reads_oe_and_euro_at_their_own_places()
    {
        // In ISO-8859-15, 0xBD is «œ» and 0xA4 is «€» (in Latin-1 they are «½» and «¤»).
        byte[] bytes = [.. "c"u8, 0xBD, .. "ur, 5 "u8, 0xA4];
        DecodedText decoded = TextDecoder.Decode(bytes, "iso-8859-15");
        Assert.Equal("c\u0153ur, 5 \u20ac", decoded.Text);
        Assert.Null(decoded.Warning);
    }

    [Fact]
    public void Other_declared_code_pages_are_read_too() =>
        Assert.Equal("\u041a\u0438\u0457\u0432", TextDecoder.Decode([0xCA, 0xE8, 0xBF, 0xE2], "windows-1251").Text);

    [Fact]
    public void Valid_utf8_wins_over_a_stale_declaration_with_a_warning()
    {
        DecodedText decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes(French), "iso-8859-1");
        Assert.Equal(French, decoded.Text);
        Assert.Contains("declares iso-8859-1 but its bytes are valid UTF-8", decoded.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Ascii_bytes_with_any_declaration_need_no_warning() =>
        Assert.Null(TextDecoder.Decode("Kharkiv"u8, "iso-8859-1").Warning);

    [Fact]
    public void An_unsupported_declaration_falls_back_with_a_warning_naming_it()
    {
        DecodedText decoded = TextDecoder.Decode(Windows1252(French), "x-klingon");
        Assert.Equal(French, decoded.Text);
        Assert.Contains("'x-klingon'", decoded.Warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "PDF")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, "zip")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "PNG")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10 }, "JPEG")]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00 }, "gzip")]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01 }, "ELF")]
    [InlineData(new byte[] { 0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6D, 0x70, 0x34, 0x32 }, "MP4")]
    [InlineData(new byte[] { 0x41, 0x42, 0x00, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48 }, "NUL bytes")]
    public void Binary_content_is_refused_saying_what_it_is(byte[] bytes, string kind)
    {
        ArticleReadException e = Assert.Throws<ArticleReadException>(() => TextDecoder.Decode(bytes));
        Assert.Contains(kind, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("binary content", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_full_of_control_bytes_is_refused()
    {
        byte[] bytes = [.. Enumerable.Range(0, 256).Select(i => (byte)(i % 8 == 0 ? 0x41 : 0x01 + (i % 7)))];
        Assert.Contains("control bytes", Assert.Throws<ArticleReadException>(() => TextDecoder.Decode(bytes)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_1252_text_reaches_the_normaliser_with_its_real_characters()
    {
        // The decoder reads 0x92 as U+2019; the normaliser then makes it an ASCII apostrophe, as for UTF-8 input.
        string text = TextDecoder.Decode(Windows1252("l\u2019arm\u00e9e")).Text;
        Assert.Equal("l\u2019arm\u00e9e", text);
        Assert.Equal("l'arm\u00e9e", Sitrep.Documents.TextNormalizer.Default.Normalize(text).Text);
    }
}

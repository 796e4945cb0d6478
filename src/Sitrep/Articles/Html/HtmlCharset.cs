using System.Text;
using System.Text.RegularExpressions;

namespace Sitrep.Articles.Html;

/// <summary>
/// The character encoding a page declares in its first bytes, as a browser's prescan finds it:
/// <c>&lt;meta charset="…"&gt;</c>, <c>&lt;meta http-equiv="Content-Type" content="text/html; charset=…"&gt;</c>,
/// or an XML declaration's <c>encoding="…"</c>. Read from bytes, before anything is decoded.
/// </summary>
internal static partial class HtmlCharset
{
    /// <summary>Browsers look at the first 1,024 bytes; pages with long heads put it later, so this looks further.</summary>
    private const int PrescanLength = 8192;

    public static string? Declared(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            return null;
        }

        // Latin-1 maps each byte to one char: an ASCII declaration reads the same whatever the encoding.
        string head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, PrescanLength)]);
        Match xml = XmlDeclaration().Match(head);
        if (xml.Success && xml.Index < 8)
        {
            return xml.Groups["charset"].Value;
        }

        foreach (Match meta in MetaTag().Matches(head))
        {
            Match charset = CharsetAttribute().Match(meta.Value);
            if (charset.Success)
            {
                return charset.Groups["charset"].Value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"<\?xml[^>]*?encoding\s*=\s*[""'](?<charset>[A-Za-z0-9._:\-]+)[""']", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"<meta\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaTag();

    [GeneratedRegex(@"charset\s*=\s*[""']?\s*(?<charset>[A-Za-z0-9._:\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetAttribute();
}

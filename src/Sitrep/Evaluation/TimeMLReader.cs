using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Xml;
using Sitrep.Documents;

namespace Sitrep.Evaluation;

/// <summary>
/// Reads TimeML (TimeBank, AQUAINT, the French TimeBank, TempEval-3). The creation time is the TIMEX3 with
/// <c>functionInDocument="CREATION_TIME"</c> (inside DCT or not), else the first TIMEX3 of the DCT element.
/// </summary>
public static class TimeMLReader
{
    public static TimeMLDocument ReadFile(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Read(stream, Path.GetFileNameWithoutExtension(path));
    }

    public static TimeMLDocument Read(Stream stream, string fallbackId)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, IgnoreWhitespace = false, IgnoreComments = true, XmlResolver = null };
        using var reader = XmlReader.Create(stream, settings);
        var text = new StringBuilder();
        var timexes = ImmutableArray.CreateBuilder<Timex>();
        string? id = null;
        DateOnly? creation = null;
        DateOnly? dctFallback = null;
        bool inText = false, inDct = false, inDocId = false;
        var open = new Stack<(int Start, string Type, string? Value, string? Mod)?>();
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                {
                    string name = reader.LocalName;
                    bool empty = reader.IsEmptyElement;
                    if (name == "TIMEX3")
                    {
                        string? function = reader.GetAttribute("functionInDocument");
                        string? value = reader.GetAttribute("value");
                        if (function == "CREATION_TIME" && ParseDate(value) is DateOnly c)
                        {
                            creation ??= c;
                        }
                        else if (inDct && ParseDate(value) is DateOnly d)
                        {
                            dctFallback ??= d;
                        }

                        if (inText && !empty)
                        {
                            open.Push((text.Length, reader.GetAttribute("type") ?? "DATE", value, reader.GetAttribute("mod")));
                            break;
                        }
                    }
                    else if (name == "TEXT")
                    {
                        inText = !empty;
                    }
                    else if (name == "DCT")
                    {
                        inDct = !empty;
                    }
                    else if (name == "DOCID")
                    {
                        inDocId = !empty;
                    }

                    if (inText && !empty && name != "TEXT")
                    {
                        open.Push(null);
                    }

                    break;
                }

                case XmlNodeType.EndElement:
                    if (reader.LocalName == "TEXT")
                    {
                        inText = false;
                    }
                    else if (reader.LocalName == "DCT")
                    {
                        inDct = false;
                    }
                    else if (reader.LocalName == "DOCID")
                    {
                        inDocId = false;
                    }
                    else if (inText && open.Count > 0 && open.Pop() is { } timex)
                    {
                        timexes.Add(new Timex(TextSpan.FromBounds(timex.Start, text.Length), timex.Type, timex.Value, timex.Mod));
                    }

                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    if (inText)
                    {
                        text.Append(reader.Value);
                    }
                    else if (inDocId)
                    {
                        id = reader.Value.Trim();
                    }

                    break;
            }
        }

        timexes.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new TimeMLDocument(string.IsNullOrEmpty(id) ? fallbackId : id, text.ToString(), creation ?? dctFallback, timexes.ToImmutable());
    }

    private static DateOnly? ParseDate(string? value) =>
        value is { Length: >= 10 } && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d)
            ? d
            : value is { Length: 8 } && DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly e) ? e : null;
}

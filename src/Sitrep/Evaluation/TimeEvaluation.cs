using System.Collections.Immutable;
using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Mentions.Dates;

namespace Sitrep.Evaluation;

/// <summary>Which documents of a corpus to use: all, the held-out development part (every fifth by sorted name), or the rest.</summary>
public enum CorpusSplit
{
    All,
    Dev,
    Train,
}

/// <summary>A TimeML corpus and the language of its texts.</summary>
public sealed record TimeCorpus(string Name, string Language, string Directory);

/// <summary>
/// Runs the temporal tagger (or reads another system's output) over TimeML corpora and scores it with
/// <see cref="TimexScorer"/>. Used by <c>sitrep eval time</c> and the corpus tests.
/// </summary>
public static class TimeEvaluation
{
    /// <summary>The French TimeBank and TempEval-3 TBAQ under the shared corpora folder, those present.</summary>
    public static IReadOnlyList<TimeCorpus> DefaultCorpora(string corporaRoot) =>
        new[]
        {
            new TimeCorpus("fr-timebank", "fr", Path.Combine(corporaRoot, "time", "fr-timebank")),
            new TimeCorpus("tbaq", "en", Path.Combine(corporaRoot, "time", "tempeval3", "TBAQ-cleaned")),
        }.Where(c => System.IO.Directory.Exists(c.Directory)).ToList();

    /// <summary>The corpus's .tml files (recursively), sorted by relative path; <see cref="CorpusSplit.Dev"/> is every fifth.</summary>
    public static IReadOnlyList<TimeMLDocument> Load(string directory, CorpusSplit split = CorpusSplit.All)
    {
        string[] files = System.IO.Directory.GetFiles(directory, "*.tml", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        var documents = new List<TimeMLDocument>();
        for (int i = 0; i < files.Length; i++)
        {
            bool dev = i % 5 == 4;
            if (split == CorpusSplit.All || (split == CorpusSplit.Dev) == dev)
            {
                documents.Add(TimeMLReader.ReadFile(files[i]));
            }
        }

        return documents;
    }

    /// <summary>Sitrep's TIMEX3 for a document: normalise the text, tag it against the creation time, map spans back.</summary>
    public static ImmutableArray<Timex> Tag(TimeMLDocument document, string language)
    {
        ArgumentNullException.ThrowIfNull(document);
        TimeTagger tagger = TimeTagger.For(language) ?? throw new ArgumentException($"no temporal rules for '{language}'", nameof(language));
        NormalizedText normalized = TextNormalizer.Default.Normalize(document.Text);
        ImmutableArray<TimeMention> mentions = tagger.Tag(normalized.Text, document.CreationTime);
        var timexes = ImmutableArray.CreateBuilder<Timex>(mentions.Length);
        foreach (TimeMention mention in mentions)
        {
            timexes.Add(new Timex(normalized.Map.ToOriginal(mention.Span), TimexTypes.Name(mention.Type), mention.Value, mention.Modifier));
        }

        return timexes.MoveToImmutable();
    }

    public static TimexScores Score(
        IEnumerable<TimeMLDocument> documents,
        Func<TimeMLDocument, IReadOnlyList<Timex>> system,
        Action<TimeMLDocument, Timex?, Timex?>? onError = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(system);
        var scorer = new TimexScorer();
        foreach (TimeMLDocument document in documents)
        {
            scorer.Add(document.Timexes, system(document), onError is null ? null : (gold, found) => onError(document, gold, found));
        }

        return scorer.Scores();
    }

    /// <summary>
    /// Reads another system's output: JSON Lines, one expression per line,
    /// <c>{"doc": "…", "start": 0, "end": 7, "type": "DATE", "value": "1998-01-08"}</c>, with offsets
    /// (UTF-16, end exclusive) into the document's raw TEXT as <see cref="TimeMLReader"/> reads it.
    /// </summary>
    public static Dictionary<string, List<Timex>> ReadJsonLines(string path)
    {
        var byDocument = new Dictionary<string, List<Timex>>(StringComparer.Ordinal);
        int line = 0;
        foreach (string raw in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(raw);
                JsonElement root = json.RootElement;
                string doc = root.GetProperty("doc").GetString() ?? throw new FormatException("doc is null");
                int start = root.GetProperty("start").GetInt32();
                int end = root.GetProperty("end").GetInt32();
                string type = root.TryGetProperty("type", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "DATE";
                string? value = root.TryGetProperty("value", out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                if (!byDocument.TryGetValue(doc, out List<Timex>? list))
                {
                    list = [];
                    byDocument.Add(doc, list);
                }

                list.Add(new Timex(TextSpan.FromBounds(start, end), type, value));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentOutOfRangeException)
            {
                throw new FormatException($"{path}:{line}: {e.Message}", e);
            }
        }

        return byDocument;
    }

    /// <summary>Writes one document's expressions in the <see cref="ReadJsonLines"/> format.</summary>
    public static void WriteJsonLines(Stream output, string document, IEnumerable<Timex> timexes)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(timexes);
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (Timex timex in timexes)
        {
            writer.WriteStartObject();
            writer.WriteString("doc", document);
            writer.WriteNumber("start", timex.Span.Start);
            writer.WriteNumber("end", timex.Span.End);
            writer.WriteString("type", timex.Type);
            writer.WriteString("value", timex.Value);
            writer.WriteEndObject();
            writer.Flush();
            output.WriteByte((byte)'\n');
            writer.Reset();
        }
    }

    /// <summary>Writes the documents as JSON Lines (<c>doc</c>, <c>lang</c>, <c>dct</c>, <c>text</c>) for peer systems to tag.</summary>
    public static void WriteTexts(Stream output, IEnumerable<TimeMLDocument> documents, string language)
    {
        ArgumentNullException.ThrowIfNull(documents);
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (TimeMLDocument document in documents)
        {
            writer.WriteStartObject();
            writer.WriteString("doc", document.Id);
            writer.WriteString("lang", language);
            writer.WriteString("dct", document.CreationTime?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("text", document.Text);
            writer.WriteEndObject();
            writer.Flush();
            output.WriteByte((byte)'\n');
            writer.Reset();
        }
    }
}

using System.Collections.Immutable;
using System.Text;

namespace Sitrep.Corpora;

/// <summary>One sentence of a named-entity corpus: its tokens and their IOB2 tags (<c>O</c>, <c>B-PER</c>, <c>I-PER</c> …).</summary>
public sealed record NerSentence(ImmutableArray<string> Tokens, ImmutableArray<string> Tags);

/// <summary>
/// Reads the named-entity corpora of <c>../shared/corpora/ner</c> into IOB2 sentences with the four CoNLL
/// types. Each corpus has its own layout (CoNLL-2003 columns, WikiANN's <c>fr:</c> prefixes, Europeana's
/// running OCR text, HIPE's TSV); every reader ends in the same <see cref="NerSentence"/>.
/// </summary>
public static class NerCorpusReader
{
    /// <summary>
    /// Column files: one token a line, blank lines between sentences, <c>-DOCSTART-</c> lines dropped. Columns
    /// split on tabs, else on spaces; the token is the first column and the tag the last. IOB1 and IOB2 are both
    /// read (an <c>I-</c> after <c>O</c> or another type opens an entity).
    /// </summary>
    public static IEnumerable<NerSentence> ReadColumns(IEnumerable<string> lines, Func<string, string>? typeMap = null, string? tokenPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var tokens = new List<string>();
        var tags = new List<string>();
        foreach (string raw in lines)
        {
            string line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                if (tokens.Count > 0)
                {
                    yield return Build(tokens, tags, typeMap);
                }

                continue;
            }

            string[] columns = line.Contains('\t', StringComparison.Ordinal) ? line.Split('\t') : line.Split(' ');
            if (columns.Length < 2)
            {
                throw new FormatException($"named-entity line has no tag column: {line}");
            }

            string token = columns[0];
            if (tokenPrefix is not null && token.StartsWith(tokenPrefix, StringComparison.Ordinal))
            {
                token = token[tokenPrefix.Length..];
            }

            tokens.Add(token);
            tags.Add(columns[^1]);
        }

        if (tokens.Count > 0)
        {
            yield return Build(tokens, tags, typeMap);
        }
    }

    /// <summary>
    /// WikiNEuRal's CoNLL-U-like files: <c>index TAB token TAB tag</c>, an index of 0 opening a sentence.
    /// </summary>
    public static IEnumerable<NerSentence> ReadIndexed(IEnumerable<string> lines, Func<string, string>? typeMap = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var tokens = new List<string>();
        var tags = new List<string>();
        foreach (string line in lines)
        {
            string[] columns = line.Split('\t');
            if ((columns.Length < 3 || columns[0] == "0") && tokens.Count > 0)
            {
                yield return Build(tokens, tags, typeMap);
            }

            if (columns.Length >= 3)
            {
                tokens.Add(columns[1]);
                tags.Add(columns[2]);
            }
        }

        if (tokens.Count > 0)
        {
            yield return Build(tokens, tags, typeMap);
        }
    }

    /// <summary>
    /// Running text with no sentence breaks (Europeana's OCR newspapers): a sentence ends after a token that is
    /// «.», «!», «?» or «…» when the next token starts with a capital letter, a digit, a quote or a dash, and
    /// always after <paramref name="maxTokens"/> tokens.
    /// </summary>
    public static IEnumerable<NerSentence> ReadRunningText(IEnumerable<string> lines, Func<string, string>? typeMap = null, int maxTokens = 100)
    {
        var all = ReadColumns(lines, typeMap: null).SelectMany(s => s.Tokens.Zip(s.Tags)).ToList();
        var tokens = new List<string>();
        var tags = new List<string>();
        for (int i = 0; i < all.Count; i++)
        {
            tokens.Add(all[i].First);
            tags.Add(all[i].Second);
            bool end = tokens.Count >= maxTokens || i == all.Count - 1;
            if (!end && all[i].First is "." or "!" or "?" or "…")
            {
                char next = all[i + 1].First[0];
                end = char.IsUpper(next) || char.IsDigit(next) || next is '«' or '"' or '—' or '-';
            }

            if (end)
            {
                yield return Build(tokens, tags, typeMap);
            }
        }
    }

    /// <summary>
    /// HIPE TSV: the token and the coarse literal entity column (<c>NE-COARSE-LIT</c>); sentences end at
    /// <c>EndOfSentence</c> in the MISC column and at document boundaries.
    /// </summary>
    public static IEnumerable<NerSentence> ReadHipe(IEnumerable<string> lines, Func<string, string>? typeMap = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var tokens = new List<string>();
        var tags = new List<string>();
        foreach (string line in lines)
        {
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("TOKEN\t", StringComparison.Ordinal))
            {
                if (line.StartsWith("# hipe2022:document_id", StringComparison.Ordinal) || line.StartsWith("# document_id", StringComparison.Ordinal))
                {
                    if (tokens.Count > 0)
                    {
                        yield return Build(tokens, tags, typeMap);
                    }
                }

                continue;
            }

            string[] columns = line.Split('\t');
            if (columns.Length < 10)
            {
                throw new FormatException($"HIPE line has {columns.Length} columns, expected 10: {line}");
            }

            tokens.Add(columns[0]);
            tags.Add(columns[1]);
            if (columns[9].Contains("EndOfSentence", StringComparison.Ordinal))
            {
                yield return Build(tokens, tags, typeMap);
            }
        }

        if (tokens.Count > 0)
        {
            yield return Build(tokens, tags, typeMap);
        }
    }

    /// <summary>The four CoNLL types; other types (HIPE's <c>prod</c>, <c>time</c>) become <c>O</c>.</summary>
    public static string CoNLLType(string type) => type.ToUpperInvariant() switch
    {
        "PER" or "PERS" or "PERSON" => "PER",
        "LOC" or "LOCATION" or "GPE" => "LOC",
        "ORG" or "ORGANIZATION" or "ORGANISATION" => "ORG",
        "MISC" => "MISC",
        _ => string.Empty,
    };

    /// <summary>Like <see cref="CoNLLType"/> but without MISC: for French, whose training data has no MISC.</summary>
    public static string PersonLocationOrganization(string type)
    {
        string mapped = CoNLLType(type);
        return mapped == "MISC" ? string.Empty : mapped;
    }

    /// <summary>Normalises tags to IOB2 with mapped types: «I-PER» after «O» becomes «B-PER»; an unmapped type becomes «O».</summary>
    private static NerSentence Build(List<string> tokens, List<string> tags, Func<string, string>? typeMap)
    {
        typeMap ??= CoNLLType;
        var result = ImmutableArray.CreateBuilder<string>(tags.Count);
        string previousType = string.Empty;
        foreach (string tag in tags)
        {
            if (tag.Length < 2 || tag == "O" || tag[1] != '-')
            {
                result.Add("O");
                previousType = string.Empty;
                continue;
            }

            string type = typeMap(tag[2..]);
            if (type.Length == 0)
            {
                result.Add("O");
                previousType = string.Empty;
                continue;
            }

            bool begins = tag[0] == 'B' || tag[0] == 'S' || tag[0] == 'U' || type != previousType;
            result.Add((begins ? "B-" : "I-") + type);
            previousType = tag[0] is 'E' or 'L' or 'S' or 'U' ? string.Empty : type;
        }

        var sentence = new NerSentence([.. tokens], result.MoveToImmutable());
        tokens.Clear();
        tags.Clear();
        return sentence;
    }

    /// <summary>Writes sentences as <c>token TAB tag</c> lines with a blank line after each sentence.</summary>
    public static void WriteColumns(TextWriter writer, IEnumerable<NerSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(sentences);
        var line = new StringBuilder();
        foreach (NerSentence sentence in sentences)
        {
            for (int i = 0; i < sentence.Tokens.Length; i++)
            {
                line.Clear().Append(sentence.Tokens[i]).Append('\t').Append(sentence.Tags[i]);
                writer.WriteLine(line);
            }

            writer.WriteLine();
        }
    }
}

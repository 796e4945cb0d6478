using System.Collections.Immutable;
using System.Globalization;

namespace Sitrep.Corpora;

/// <summary>A syntactic word of a CoNLL-U sentence (one numbered line).</summary>
public sealed record ConlluWord(int Id, string Form, string Lemma, string Upos, string Xpos, string Feats, int Head, string Deprel, string Misc);

/// <summary>
/// A surface token: a single word, or a multiword token such as French «du» (= de + le) or English
/// «don't» (= do + n't) covering words <see cref="FirstWord"/>..<see cref="LastWord"/> (1-based ids).
/// </summary>
public sealed record ConlluToken(string Form, int FirstWord, int LastWord, bool SpaceAfter)
{
    public bool IsMultiword => LastWord > FirstWord;
}

public sealed record ConlluSentence
{
    public string? Id { get; init; }

    /// <summary>The raw sentence text from the <c># text =</c> comment.</summary>
    public string? Text { get; init; }

    public string? DocumentId { get; init; }

    /// <summary>True when a <c># newdoc</c> comment opens this sentence.</summary>
    public bool NewDocument { get; init; }

    /// <summary>True when a <c># newpar</c> (or <c># newdoc</c>) comment opens this sentence.</summary>
    public bool NewParagraph { get; init; }

    public ImmutableArray<ConlluWord> Words { get; init; } = [];

    public ImmutableArray<ConlluToken> Tokens { get; init; } = [];

    public ImmutableDictionary<string, string> Comments { get; init; } = ImmutableDictionary<string, string>.Empty;
}

/// <summary>Reads CoNLL-U files (Universal Dependencies), keeping multiword tokens, comments and SpaceAfter.</summary>
public static class ConlluReader
{
    public static IEnumerable<ConlluSentence> ReadFile(string path) => Read(File.ReadLines(path));

    public static IEnumerable<ConlluSentence> Read(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var comments = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var words = ImmutableArray.CreateBuilder<ConlluWord>();
        var tokens = ImmutableArray.CreateBuilder<ConlluToken>();
        bool newDoc = false, newPar = false;
        string? documentId = null;
        int multiwordEnd = 0;

        foreach (string line in lines)
        {
            if (line.Length == 0)
            {
                if (words.Count > 0)
                {
                    yield return Build();
                }

                continue;
            }

            if (line[0] == '#')
            {
                ReadComment(line);
                continue;
            }

            string[] f = line.Split('\t');
            if (f.Length < 10)
            {
                throw new FormatException($"CoNLL-U line has {f.Length} columns, expected 10: {line}");
            }

            bool spaceAfter = !f[9].Contains("SpaceAfter=No", StringComparison.Ordinal);
            int dash = f[0].IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                int first = int.Parse(f[0].AsSpan(0, dash), CultureInfo.InvariantCulture);
                multiwordEnd = int.Parse(f[0].AsSpan(dash + 1), CultureInfo.InvariantCulture);
                tokens.Add(new ConlluToken(f[1], first, multiwordEnd, spaceAfter));
                continue;
            }

            if (f[0].Contains('.', StringComparison.Ordinal))
            {
                continue; // empty nodes of enhanced dependencies carry no text
            }

            int id = int.Parse(f[0], CultureInfo.InvariantCulture);
            int head = f[6] == "_" ? -1 : int.Parse(f[6], CultureInfo.InvariantCulture);
            words.Add(new ConlluWord(id, f[1], f[2], f[3], f[4], f[5], head, f[7], f[9]));
            if (id > multiwordEnd)
            {
                tokens.Add(new ConlluToken(f[1], id, id, spaceAfter));
            }
        }

        if (words.Count > 0)
        {
            yield return Build();
        }

        void ReadComment(string line)
        {
            ReadOnlySpan<char> body = line.AsSpan(1).Trim();
            int eq = body.IndexOf('=');
            string key = (eq < 0 ? body : body[..eq]).Trim().ToString();
            string value = eq < 0 ? "" : body[(eq + 1)..].Trim().ToString();
            if (key == "newdoc" || key.StartsWith("newdoc ", StringComparison.Ordinal))
            {
                newDoc = newPar = true;
                documentId = eq < 0 ? null : value;
            }
            else if (key == "newpar" || key.StartsWith("newpar ", StringComparison.Ordinal))
            {
                newPar = true;
            }

            comments[key] = value;
        }

        ConlluSentence Build()
        {
            var sentence = new ConlluSentence
            {
                Id = comments.GetValueOrDefault("sent_id"),
                Text = comments.GetValueOrDefault("text"),
                DocumentId = documentId,
                NewDocument = newDoc,
                NewParagraph = newPar,
                Words = words.ToImmutable(),
                Tokens = tokens.ToImmutable(),
                Comments = comments.ToImmutable(),
            };
            words.Clear();
            tokens.Clear();
            comments.Clear();
            newDoc = newPar = false;
            multiwordEnd = 0;
            return sentence;
        }
    }
}

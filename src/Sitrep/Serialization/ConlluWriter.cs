using System.Globalization;
using System.Text;
using Sitrep.Documents;
using Sitrep.Segmentation;

namespace Sitrep.Serialization;

/// <summary>
/// Writes a document's sentences as CoNLL-U for debugging the syntax layer (<c>sitrep extract --format conllu</c>):
/// one line per token with its lemma, UPOS, head and relation, and its character range in <see cref="Document.Text"/>
/// in MISC. Not the sitrep/1 contract: heads and relations stay out of the JSON.
/// </summary>
public static class ConlluWriter
{
    public static void Write(Document document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var text = CultureInfo.InvariantCulture;
        bool tagged = document.PartsOfSpeech.Length == document.Tokens.Length;
        bool lemmatized = document.Lemmas.Length == document.Tokens.Length;
        bool parsed = document.Dependencies.Length == document.Tokens.Length;
        output.Write(string.Create(text, $"# newdoc id = {Clean(document.Id)}\n# language = {document.Language}\n"));
        var line = new StringBuilder();
        for (int s = 0; s < document.Sentences.Length; s++)
        {
            Sentence sentence = document.Sentences[s];
            output.Write(string.Create(text, $"# sent_id = {Clean(document.Id)}-{s + 1}\n# text = {Clean(document[sentence.Span])}\n"));
            for (int i = 0; i < sentence.TokenCount; i++)
            {
                int t = sentence.FirstToken + i;
                Token token = document.Tokens[t];
                bool spaceAfter = t + 1 >= document.Tokens.Length || document.Tokens[t + 1].Span.Start > token.Span.End;
                int head = parsed ? (document.Dependencies[t].IsRoot ? 0 : document.Dependencies[t].Head - sentence.FirstToken + 1) : -1;
                line.Clear();
                line.Append(text, $"{i + 1}\t{Clean(document[token.Span])}\t{(lemmatized ? Clean(document.Lemmas[t]) : "_")}\t{(tagged ? document.PartsOfSpeech[t] : "_")}\t_\t_\t");
                line.Append(parsed ? head.ToString(text) : "_").Append('\t').Append(parsed ? document.Dependencies[t].Relation : "_").Append("\t_\t");
                line.Append(text, $"TokenRange={token.Span.Start}:{token.Span.End}{(spaceAfter ? "" : "|SpaceAfter=No")}\n");
                output.Write(line);
            }

            output.Write('\n');
        }
    }

    /// <summary>CoNLL-U fields hold no tab or line break.</summary>
    private static string Clean(string value) =>
        value.AsSpan().IndexOfAny('\t', '\n', '\r') < 0 ? value : value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}

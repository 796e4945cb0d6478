using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Segmentation;

namespace Sitrep.Tagging.Dependencies;

/// <summary>
/// Sets <see cref="Document.Dependencies"/> with the dependency parser of the document's language, reading the
/// part-of-speech tags and lemmas of the tagging stage; a language with no parser (or an untagged document) is
/// left unparsed (an empty layer). Each sentence is parsed on its own and always gets a tree.
/// </summary>
public sealed class ParsingStage(Func<string, DependencyParser?> parserFor) : IDocumentStage
{
    public string Name => "dependencies";

    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        DependencyParser? parser = parserFor(document.Language);
        if (parser is null || document.Tokens.IsEmpty || document.PartsOfSpeech.Length != document.Tokens.Length)
        {
            return document;
        }

        TextSpan[] spans = document.TokenSpans();
        ReadOnlySpan<string> tags = document.PartsOfSpeech.AsSpan();
        ReadOnlySpan<string> lemmas = document.Lemmas.Length == document.Tokens.Length ? document.Lemmas.AsSpan() : [];
        var heads = new int[document.Tokens.Length];
        var relations = new int[document.Tokens.Length];
        var dependencies = new Dependency[document.Tokens.Length];
        foreach (Sentence sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int first = sentence.FirstToken, count = sentence.TokenCount;
            if (count == 0)
            {
                continue;
            }

            parser.Parse(
                document.Text,
                spans.AsSpan(first, count),
                tags.Slice(first, count),
                lemmas.IsEmpty ? [] : lemmas.Slice(first, count),
                heads.AsSpan(first, count),
                relations.AsSpan(first, count));
            for (int i = first; i < first + count; i++)
            {
                dependencies[i] = new Dependency(heads[i] == 0 ? -1 : first + heads[i] - 1, parser.Relations[relations[i]]);
            }
        }

        return document with { Dependencies = ImmutableArray.Create(dependencies) };
    }
}

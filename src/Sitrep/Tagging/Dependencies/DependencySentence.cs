using System.Collections.Immutable;
using Sitrep.Documents;

namespace Sitrep.Tagging.Dependencies;

/// <summary>
/// One sentence for the parser to learn from or be measured on: its words as spans of <see cref="Text"/>, their
/// part-of-speech tags and lemmas (predicted ones, as the parser will see at run time), and the gold tree:
/// <see cref="Heads"/>[i] is the head of word i + 1 in CoNLL-U numbering (0 = root), <see cref="Relations"/>[i] its relation.
/// </summary>
public sealed record DependencySentence(
    string Text,
    ImmutableArray<TextSpan> Tokens,
    ImmutableArray<string> Tags,
    ImmutableArray<string> Lemmas,
    ImmutableArray<int> Heads,
    ImmutableArray<string> Relations)
{
    public int Length => Tokens.Length;

    /// <summary>Builds the text by joining the words with single spaces.</summary>
    public static DependencySentence FromWords(
        IReadOnlyList<string> words,
        IReadOnlyList<string> tags,
        IReadOnlyList<string> lemmas,
        IReadOnlyList<int> heads,
        IReadOnlyList<string> relations)
    {
        ArgumentNullException.ThrowIfNull(words);
        var spans = ImmutableArray.CreateBuilder<TextSpan>(words.Count);
        int start = 0;
        foreach (string word in words)
        {
            spans.Add(new TextSpan(start, word.Length));
            start += word.Length + 1;
        }

        return new DependencySentence(string.Join(' ', words), spans.MoveToImmutable(), [.. tags], [.. lemmas], [.. heads], [.. relations]);
    }

    public string Word(int i) => Text.Substring(Tokens[i].Start, Tokens[i].Length);
}

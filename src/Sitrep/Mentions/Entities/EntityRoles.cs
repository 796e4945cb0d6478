using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Segmentation;

namespace Sitrep.Mentions.Entities;

/// <summary>
/// Titles and appositions written next to a person's name, read from part-of-speech tags:
/// a run of nouns and adjectives right before the name («le président ukrainien Volodymyr Zelenskiy»,
/// «Ukrainian President Volodymyr Zelenskiy»), or a noun phrase set off by a comma before or after it
/// («le chef de la liaison civilo-militaire, Volodymyr Lyamzin»; «Olaf Scholz, the German chancellor,»).
/// </summary>
public static class EntityRoles
{
    private const int MaxWords = 8;

    public static ImmutableArray<string> Of(Document document, IReadOnlyList<EntityMention> mentions, ImmutableArray<EntityMention> all)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(mentions);
        if (document.PartsOfSpeech.IsDefaultOrEmpty)
        {
            return [];
        }

        // Tokens of other names end a role; a nationality («German», «ukrainien») tagged MISC belongs to it.
        var inside = new HashSet<int>();
        foreach (EntityMention mention in all.Where(m => m.Type != "MISC"))
        {
            for (int t = mention.FirstToken; t < mention.FirstToken + mention.TokenCount; t++)
            {
                inside.Add(t);
            }
        }

        var roles = new List<string>();
        foreach (EntityMention mention in mentions)
        {
            if (mention.Type != "PER")
            {
                continue;
            }

            Sentence sentence = document.Sentences[mention.Sentence];
            int first = sentence.FirstToken;
            int end = sentence.FirstToken + sentence.TokenCount;
            Add(roles, document, TitleBefore(document, mention.FirstToken, first, inside));
            if (mention.FirstToken - 1 >= first && Is(document, mention.FirstToken - 1, ","))
            {
                Add(roles, document, PhraseBefore(document, mention.FirstToken - 1, first, inside));
            }

            int after = mention.FirstToken + mention.TokenCount;
            if (after < end && Is(document, after, ","))
            {
                Add(roles, document, PhraseAfter(document, after + 1, end, inside));
            }
        }

        return [.. roles];
    }

    /// <summary>Nouns and adjectives right before the name, at least one noun.</summary>
    private static (int Start, int End) TitleBefore(Document document, int mentionStart, int sentenceStart, HashSet<int> inside)
    {
        int start = mentionStart;
        bool noun = false;
        while (start - 1 >= sentenceStart && mentionStart - start < MaxWords && !inside.Contains(start - 1)
               && Pos(document, start - 1) is "NOUN" or "ADJ" or "PROPN")
        {
            start--;
            noun |= Pos(document, start) is "NOUN" or "PROPN";
        }

        return noun ? (start, mentionStart) : (0, 0);
    }

    /// <summary>«le chef de la liaison civilo-militaire ,»: a noun phrase opened by a determiner, ending at the comma.</summary>
    private static (int Start, int End) PhraseBefore(Document document, int comma, int sentenceStart, HashSet<int> inside)
    {
        int start = comma;
        while (start - 1 >= sentenceStart && comma - start < MaxWords && !inside.Contains(start - 1)
               && Pos(document, start - 1) is "NOUN" or "ADJ" or "ADP" or "DET")
        {
            start--;
        }

        if (start == comma || Pos(document, start) != "DET")
        {
            return (0, 0);
        }

        int head = start + 1;
        return head < comma && Pos(document, head) is "NOUN" or "ADJ" ? (head, comma) : (0, 0);
    }

    /// <summary>«, the German chancellor ,» / «, président de la République»: determiner, then nouns, adjectives and their complements.</summary>
    private static (int Start, int End) PhraseAfter(Document document, int start, int sentenceEnd, HashSet<int> inside)
    {
        int head = start < sentenceEnd && Pos(document, start) == "DET" ? start + 1 : start;
        int end = head;
        while (end < sentenceEnd && end - head < MaxWords && !inside.Contains(end) && Pos(document, end) is "NOUN" or "ADJ" or "ADP" or "DET")
        {
            end++;
        }

        while (end > head && Pos(document, end - 1) is "ADP" or "DET")
        {
            end--;
        }

        bool closed = end == sentenceEnd || Is(document, end, ",") || Pos(document, end) == "PUNCT";
        return end > head && closed && Pos(document, head) is "NOUN" or "ADJ" ? (head, end) : (0, 0);
    }

    private static void Add(List<string> roles, Document document, (int Start, int End) range)
    {
        if (range.End <= range.Start)
        {
            return;
        }

        // An honorific alone («M.», «Mme», «Dr.») is a form of address, not a role.
        bool word = false;
        for (int t = range.Start; t < range.End && !word; t++)
        {
            ReadOnlySpan<char> token = document.Slice(document.Tokens[t].Span);
            word = token.Length >= 4 && token[^1] != '.' && char.IsLetter(token[0]);
        }

        if (!word)
        {
            return;
        }

        var span = TextSpan.FromBounds(document.Tokens[range.Start].Span.Start, document.Tokens[range.End - 1].Span.End);
        string role = document[span];
        if (!roles.Contains(role, StringComparer.Ordinal))
        {
            roles.Add(role);
        }
    }

    private static string Pos(Document document, int token) => document.PartsOfSpeech[token];

    private static bool Is(Document document, int token, string text) => document.Slice(document.Tokens[token].Span).SequenceEqual(text);
}

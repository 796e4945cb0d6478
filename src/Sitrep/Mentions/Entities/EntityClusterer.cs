using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Sitrep.Documents;

namespace Sitrep.Mentions.Entities;

/// <summary>
/// Groups an article's entity mentions into entities. A mention joins an earlier entity when it names it
/// the same way (case and accents aside), when it is a person's surname or a trailing part of a longer
/// person name («Zelenskiy» after «Volodymyr Zelenskiy»), or when it is the acronym of an organisation
/// named in full. An entity's type is the one most of its mentions carry; its name is its fullest mention.
/// </summary>
public static class EntityClusterer
{
    public static ImmutableArray<Entity> Cluster(Document document, ImmutableArray<EntityMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(document);
        var clusters = new List<MentionCluster>();
        foreach (EntityMention mention in mentions)
        {
            string[] words = Words(document, mention);
            if (words.Length == 0)
            {
                continue;
            }

            MentionCluster? target = clusters.Find(c => c.Matches(words, mention.Type));
            if (target is null)
            {
                target = new MentionCluster();
                clusters.Add(target);
            }

            target.Add(mention, words);
        }

        var entities = ImmutableArray.CreateBuilder<Entity>(clusters.Count);
        for (int i = 0; i < clusters.Count; i++)
        {
            MentionCluster cluster = clusters[i];
            entities.Add(new Entity
            {
                Id = "E" + (i + 1).ToString(CultureInfo.InvariantCulture),
                Type = cluster.MajorityType(),
                Name = document[cluster.Fullest.Span],
                Mentions = [.. cluster.Mentions],
                Roles = EntityRoles.Of(document, cluster.Mentions, mentions),
            });
        }

        return entities.MoveToImmutable();
    }

    /// <summary>The mention's words, lower-cased and without accents, dropping punctuation («Zelenskiy's» keeps «zelenskiy»).</summary>
    private static string[] Words(Document document, EntityMention mention)
    {
        var words = new List<string>();
        for (int t = mention.FirstToken; t < mention.FirstToken + mention.TokenCount; t++)
        {
            ReadOnlySpan<char> token = document.Slice(document.Tokens[t].Span);
            if (token.Length > 0 && char.IsLetterOrDigit(token[0]))
            {
                words.Add(Fold(token));
            }
        }

        return [.. words];
    }

    private static string Fold(ReadOnlySpan<char> word)
    {
        string decomposed = word.ToString().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }

    private sealed class MentionCluster
    {
        private readonly List<string[]> _names = [];
        private readonly Dictionary<string, int> _types = new(StringComparer.Ordinal);

        public List<EntityMention> Mentions { get; } = [];

        public EntityMention Fullest { get; private set; }

        private int FullestLength { get; set; }

        public void Add(EntityMention mention, string[] words)
        {
            Mentions.Add(mention);
            _names.Add(words);
            _types[mention.Type] = _types.GetValueOrDefault(mention.Type) + 1;
            if (words.Length > FullestLength)
            {
                Fullest = mention;
                FullestLength = words.Length;
            }
        }

        public string MajorityType()
        {
            string best = Mentions[0].Type;
            foreach (EntityMention mention in Mentions)
            {
                if (_types[mention.Type] > _types[best])
                {
                    best = mention.Type;
                }
            }

            return best;
        }

        public bool Matches(string[] words, string type)
        {
            foreach (string[] name in _names)
            {
                if (name.AsSpan().SequenceEqual(words))
                {
                    return true;
                }
            }

            string own = MajorityType();
            if (own != type)
            {
                return false;
            }

            foreach (string[] name in _names)
            {
                if (type == "PER" && words.Length < name.Length && name.AsSpan()[^words.Length..].SequenceEqual(words))
                {
                    return true;
                }

                if (type == "ORG" && IsAcronym(words, name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>«otan» for «organisation du traité de l'atlantique nord»: the initials of the name's longer words.</summary>
        private static bool IsAcronym(string[] words, string[] name)
        {
            if (words.Length != 1 || name.Length < 2 || words[0].Length < 2)
            {
                return false;
            }

            var initials = new StringBuilder();
            foreach (string word in name)
            {
                if (word.Length > 3)
                {
                    initials.Append(word[0]);
                }
            }

            return initials.ToString() == words[0];
        }
    }
}

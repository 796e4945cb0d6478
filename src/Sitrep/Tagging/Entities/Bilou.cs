using System.Collections.Immutable;
using Sitrep.Tagging.Sequence;

namespace Sitrep.Tagging.Entities;

/// <summary>
/// BILOU entity tags (Begin, Inside, Last, Outside, Unit): «U-LOC» for «Kharkiv», «B-PER L-PER» for
/// «Volodymyr Zelenskiy». Finer than IOB2, which lets a linear model learn how names end.
/// </summary>
public sealed class Bilou : ITagConstraint
{
    private readonly char[] _prefix;
    private readonly string[] _type;

    public Bilou(ImmutableArray<string> labels)
    {
        Labels = labels;
        _prefix = [.. labels.Select(l => l.Length > 2 && l[1] == '-' ? l[0] : 'O')];
        _type = [.. labels.Select(l => l.Length > 2 && l[1] == '-' ? l[2..] : string.Empty)];
    }

    public ImmutableArray<string> Labels { get; }

    /// <summary>The BILOU labels of the given entity types, «O» first.</summary>
    public static ImmutableArray<string> LabelsFor(IEnumerable<string> types) =>
        ["O", .. types.Order(StringComparer.Ordinal).SelectMany(t => new[] { "B-" + t, "I-" + t, "L-" + t, "U-" + t })];

    /// <summary>IOB2 tags to BILOU tags.</summary>
    public static string[] FromIob2(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var result = new string[tags.Count];
        for (int i = 0; i < tags.Count; i++)
        {
            string tag = tags[i];
            if (tag == "O")
            {
                result[i] = "O";
                continue;
            }

            string type = tag[2..];
            bool begins = tag[0] == 'B';
            bool continues = i + 1 < tags.Count && tags[i + 1] == "I-" + type;
            result[i] = (begins, continues) switch
            {
                (true, true) => "B-" + type,
                (true, false) => "U-" + type,
                (false, true) => "I-" + type,
                (false, false) => "L-" + type,
            };
        }

        return result;
    }

    /// <summary>BILOU label indices to IOB2 tags.</summary>
    public string[] ToIob2(ReadOnlySpan<int> tags)
    {
        var result = new string[tags.Length];
        for (int i = 0; i < tags.Length; i++)
        {
            char prefix = _prefix[tags[i]];
            result[i] = prefix switch
            {
                'O' => "O",
                'B' or 'U' => "B-" + _type[tags[i]],
                _ => "I-" + _type[tags[i]],
            };
        }

        return result;
    }

    /// <summary>The entities of a tag sequence: token ranges <c>[Start, End)</c> with their type.</summary>
    public IEnumerable<(int Start, int End, string Type)> Entities(int[] tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        int start = -1;
        for (int i = 0; i < tags.Length; i++)
        {
            switch (_prefix[tags[i]])
            {
                case 'U':
                    yield return (i, i + 1, _type[tags[i]]);
                    start = -1;
                    break;
                case 'B':
                    start = i;
                    break;
                case 'L' when start >= 0:
                    yield return (start, i + 1, _type[tags[i]]);
                    start = -1;
                    break;
                case 'O':
                    start = -1;
                    break;
            }
        }
    }

    public bool Allowed(int previous, int next)
    {
        bool open = previous >= 0 && _prefix[previous] is 'B' or 'I';
        return open
            ? _prefix[next] is 'I' or 'L' && _type[next] == _type[previous]
            : _prefix[next] is 'O' or 'B' or 'U';
    }

    public bool AllowedLast(int tag) => _prefix[tag] is not ('B' or 'I');

    public int Close(int tag) => _prefix[tag] switch
    {
        'B' => Labels.IndexOf("U-" + _type[tag]),
        'I' => Labels.IndexOf("L-" + _type[tag]),
        _ => -1,
    };
}

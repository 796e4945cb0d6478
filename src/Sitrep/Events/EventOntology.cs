using System.Collections.Frozen;
using Sitrep.Resources;

namespace Sitrep.Events;

/// <summary>The ACLED event type and sub-event type an event maps to.</summary>
public sealed record AcledType(string EventType, string? SubEventType);

/// <summary>
/// PLOVER event types, modes and contexts with their CAMEO roots and ACLED mapping (<c>Resources/events/plover.tsv</c>),
/// and the PLOVER 0.6 names the gold records use (DEMAND → REQUEST …).
/// </summary>
public sealed class EventOntology
{
    private readonly FrozenDictionary<string, (string Cameo, AcledType? Acled)> _types;
    private readonly FrozenDictionary<(string Type, string Mode), (string Cameo, AcledType? Acled, bool Inherit)> _modes;
    private readonly FrozenDictionary<string, (string Type, string? Mode)> _aliases;
    private readonly FrozenSet<string> _verbal;

    private EventOntology(IEnumerable<string[]> rows)
    {
        var types = new Dictionary<string, (string, AcledType?)>(StringComparer.Ordinal);
        var modes = new Dictionary<(string, string), (string, AcledType?, bool)>();
        var aliases = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        var contexts = new HashSet<string>(StringComparer.Ordinal);
        var verbal = new HashSet<string>(StringComparer.Ordinal);
        foreach (string[] row in rows)
        {
            switch (row[0])
            {
                case "type":
                    types[row[1]] = (row[3], ParseAcled(row[4], row[5]));
                    if (row[2].StartsWith("verbal-", StringComparison.Ordinal))
                    {
                        verbal.Add(row[1]);
                    }

                    break;
                case "mode":
                    modes[(row[2], row[1])] = (row[3], ParseAcled(row[4], row[5]), row[4] == "=");
                    break;
                case "context":
                    contexts.Add(row[1]);
                    break;
                case "alias":
                    aliases[row[1]] = (row[2], row[3] == "-" ? null : row[3]);
                    break;
                default:
                    throw new InvalidDataException($"events/plover.tsv: unknown row kind '{row[0]}'");
            }
        }

        _types = types.ToFrozenDictionary(StringComparer.Ordinal);
        _modes = modes.ToFrozenDictionary();
        _aliases = aliases.ToFrozenDictionary(StringComparer.Ordinal);
        Contexts = contexts.ToFrozenSet(StringComparer.Ordinal);
        _verbal = verbal.ToFrozenSet(StringComparer.Ordinal);
    }

    public static EventOntology Plover { get; } = new(LanguageResources.ReadRows("events/plover.tsv"));

    public IEnumerable<string> Types => _types.Keys;

    public FrozenSet<string> Contexts { get; }

    public bool IsType(string type) => _types.ContainsKey(type);

    /// <summary>Whether a type is verbal cooperation or conflict (PLOVER's quad classes): said or written, not done.</summary>
    public bool IsVerbal(string type) => _verbal.Contains(type);

    public bool IsMode(string type, string mode) => _modes.ContainsKey((type, mode));

    /// <summary>The CAMEO root code of a type, refined by its mode (ASSAULT with heavy weapons is 19, not 18).</summary>
    public string? CameoRoot(string type, string? mode) =>
        mode is not null && _modes.TryGetValue((type, mode), out var m) ? m.Cameo
        : _types.TryGetValue(type, out var t) ? t.Cameo : null;

    /// <summary>The ACLED type of a type and mode, or null when ACLED codes no such event.</summary>
    public AcledType? Acled(string type, string? mode)
    {
        if (mode is not null && _modes.TryGetValue((type, mode), out var m) && !m.Inherit)
        {
            return m.Acled;
        }

        return _types.TryGetValue(type, out var t) ? t.Acled : null;
    }

    /// <summary>A type name in PLOVER 0.8, from a 0.8 name or an older alias, with the mode the alias implies.</summary>
    public (string Type, string? Mode)? Normalize(string name) =>
        _types.ContainsKey(name) ? (name, null) : _aliases.TryGetValue(name, out var alias) ? alias : null;

    private static AcledType? ParseAcled(string type, string sub) => type is "-" or "=" ? null : new AcledType(type, sub == "-" ? null : sub);
}

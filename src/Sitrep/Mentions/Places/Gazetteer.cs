using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using Sitrep.Tagging;

namespace Sitrep.Mentions.Places;

/// <summary>
/// A gazetteer entry found under a name: whether the name is one of its main names (not a foreign alternate), and
/// how the name is written when case matters — all capitals («US», «UAE») or an abbreviation with periods («N.J.»).
/// </summary>
public readonly record struct GazetteerHit(GazetteerPlace Place, bool MainName, bool AllCaps = false, bool Dotted = false);

/// <summary>How a name is written, as far as matching cares.</summary>
[Flags]
public enum NameForm
{
    Alternate = 0,

    /// <summary>One of the entry's main names (GeoNames name, press name), not a foreign alternate.</summary>
    Main = 1,

    /// <summary>A short name written in capitals («US»): matches only text written so.</summary>
    AllCaps = 2,

    /// <summary>An abbreviation with periods («Fla.»): matches only text followed by its period.</summary>
    Dotted = 4,
}

/// <summary>
/// The offline gazetteer: every place <see cref="GazetteerBuilder"/> read, and a name index over them.
/// Names are kept as one sorted block of UTF-8 keys (<see cref="GazetteerKey"/>) searched by bisection, so loading
/// is a few bulk reads and a lookup allocates nothing but its result. Immutable and thread-safe.
/// </summary>
public sealed class Gazetteer
{
    private const int Magic = 0x5A414753; // "SGAZ"
    private const int FormatVersion = 2;
    private const string ModelFile = "gazetteer.bin.gz";

    private static readonly Lazy<Gazetteer?> Shipped = new(() =>
    {
        using Stream? stream = EmbeddedModels.OpenGzip(ModelFile);
        return stream is null ? null : Read(stream);
    });

    private readonly ImmutableArray<GazetteerPlace> _places;
    private readonly Lazy<FrozenDictionary<string, GazetteerPlace>> _countries;
    private readonly Lazy<FrozenDictionary<long, GazetteerPlace>> _byGeonamesId;
    private readonly byte[] _keys;
    private readonly int[] _keyStarts;
    private readonly int[] _postingStarts;
    private readonly int[] _postings;

    private Gazetteer(ImmutableArray<GazetteerPlace> places, ImmutableDictionary<string, string> admin1Names, byte[] keys, int[] keyStarts, int[] postingStarts, int[] postings)
    {
        _places = places;
        Admin1Names = admin1Names;
        _keys = keys;
        _keyStarts = keyStarts;
        _postingStarts = postingStarts;
        _postings = postings;
        _countries = new(() => _places.Where(p => p.IsCountry && p.Country is not null).DistinctBy(p => p.Country).ToFrozenDictionary(p => p.Country!, StringComparer.Ordinal));
        _byGeonamesId = new(() => _places.Where(p => p.GeonamesId is not null).DistinctBy(p => p.GeonamesId).ToFrozenDictionary(p => p.GeonamesId!.Value));
    }

    /// <summary>The gazetteer shipped in the assembly (<c>models/gazetteer.bin.gz</c>), or null in a build without it.</summary>
    public static Gazetteer? Default => Shipped.Value;

    public ImmutableArray<GazetteerPlace> Places => _places;

    /// <summary>First-order division names by admin1 code («UA.07» → «Kharkiv»).</summary>
    public ImmutableDictionary<string, string> Admin1Names { get; }

    public int NameCount => _keyStarts.Length - 1;

    /// <summary>Every place known by this name (compared as <see cref="GazetteerKey"/> forms).</summary>
    public IReadOnlyList<GazetteerHit> Find(ReadOnlySpan<char> name) => FindKey(GazetteerKey.Normalize(name));

    /// <summary>
    /// The places this text names, respecting case where it matters: a name written in capitals («US») matches only
    /// capitals, an abbreviation («Fla.») only when a period ends the text or follows it, and a short text in
    /// capitals («EU», «SA») only such names — never a town that happens to be spelt alike («Eu»).
    /// </summary>
    public IReadOnlyList<GazetteerHit> Match(ReadOnlySpan<char> written, bool periodFollows = false) => Match(written, periodFollows, FindKey(GazetteerKey.Normalize(written)));

    internal static IReadOnlyList<GazetteerHit> Match(ReadOnlySpan<char> written, bool periodFollows, IReadOnlyList<GazetteerHit> hits)
    {
        if (hits.Count == 0)
        {
            return hits;
        }

        int letters = 0, upper = 0;
        foreach (char c in written)
        {
            letters += char.IsLetter(c) ? 1 : 0;
            upper += char.IsUpper(c) ? 1 : 0;
        }

        bool capitals = letters > 0 && upper == letters;
        bool acronym = capitals && letters <= 3;
        bool period = periodFollows || written.EndsWith(".");
        return [.. hits.Where(h => (h.AllCaps ? capitals : !acronym) && (!h.Dotted || period))];
    }

    /// <summary>Every place under an already normalised key.</summary>
    public IReadOnlyList<GazetteerHit> FindKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        int k = Search(Encoding.UTF8.GetBytes(key));
        if (k < 0)
        {
            return [];
        }

        var hits = new GazetteerHit[_postingStarts[k + 1] - _postingStarts[k]];
        for (int i = 0; i < hits.Length; i++)
        {
            int posting = _postings[_postingStarts[k] + i];
            var form = (NameForm)(posting & 7);
            hits[i] = new GazetteerHit(_places[posting >> 3], form.HasFlag(NameForm.Main), form.HasFlag(NameForm.AllCaps), form.HasFlag(NameForm.Dotted));
        }

        return hits;
    }

    /// <summary>Whether any place has this normalised key (cheaper than <see cref="FindKey"/>).</summary>
    public bool ContainsKey(string key) => Search(Encoding.UTF8.GetBytes(key)) >= 0;

    /// <summary>The country with this ISO 3166-1 alpha-2 code, or null.</summary>
    public GazetteerPlace? Country(string code) => _countries.Value.GetValueOrDefault(code);

    /// <summary>The entry with this GeoNames id, or null.</summary>
    public GazetteerPlace? ByGeonamesId(long id) => _byGeonamesId.Value.GetValueOrDefault(id);

    public string? Admin1Name(GazetteerPlace place) =>
        place?.Admin1Code is { } code && Admin1Names.TryGetValue(code, out string? name) ? name : null;

    private int Search(ReadOnlySpan<byte> key)
    {
        int lo = 0, hi = NameCount - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int order = _keys.AsSpan(_keyStarts[mid], _keyStarts[mid + 1] - _keyStarts[mid]).SequenceCompareTo(key);
            if (order == 0)
            {
                return mid;
            }

            if (order < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>
    /// Indexes places under names: <paramref name="names"/> pairs a place index with a name and whether it is a main
    /// name. Short main names in capitals and abbreviations with periods are marked so that matching respects case.
    /// </summary>
    internal static Gazetteer Create(IReadOnlyList<GazetteerPlace> places, IReadOnlyDictionary<string, string> admin1Names, IEnumerable<(int Place, string Name, bool Main)> names)
    {
        var byKey = new SortedDictionary<string, Dictionary<int, NameForm>>(StringComparer.Ordinal);
        foreach ((int place, string name, bool main) in names)
        {
            string key = GazetteerKey.Normalize(name);
            if (key.Length == 0)
            {
                continue;
            }

            if (!byKey.TryGetValue(key, out Dictionary<int, NameForm>? postings))
            {
                byKey[key] = postings = [];
            }

            NameForm form = main ? NameForm.Main | Written(name) : NameForm.Alternate;
            postings[place] = postings.TryGetValue(place, out NameForm was) ? Stronger(was, form) : form;
        }

        // Ordinal UTF-16 order is not UTF-8 byte order outside the BMP; sort by bytes, as Search compares.
        var entries = byKey.Select(e => (Bytes: Encoding.UTF8.GetBytes(e.Key), e.Value)).ToList();
        entries.Sort((a, b) => a.Bytes.AsSpan().SequenceCompareTo(b.Bytes));
        var keys = new MemoryStream();
        int[] keyStarts = new int[entries.Count + 1], postingStarts = new int[entries.Count + 1];
        var postingList = new List<int>();
        for (int i = 0; i < entries.Count; i++)
        {
            keyStarts[i] = (int)keys.Length;
            postingStarts[i] = postingList.Count;
            keys.Write(entries[i].Bytes);
            postingList.AddRange(entries[i].Value.OrderBy(p => p.Key).Select(p => (p.Key << 3) | (int)p.Value));
        }

        keyStarts[^1] = (int)keys.Length;
        postingStarts[^1] = postingList.Count;
        return new Gazetteer([.. places], admin1Names.ToImmutableDictionary(StringComparer.Ordinal), keys.ToArray(), keyStarts, postingStarts, [.. postingList]);
    }

    /// <summary>Capitals or periods in a short main name make its case matter.</summary>
    private static NameForm Written(string name)
    {
        int letters = name.Count(char.IsLetter);
        if (letters > 5)
        {
            return NameForm.Alternate;
        }

        NameForm form = name.Contains('.', StringComparison.Ordinal) ? NameForm.Dotted : NameForm.Alternate;
        return name.Where(char.IsLetter).All(char.IsUpper) ? form | NameForm.AllCaps : form;
    }

    /// <summary>Of two ways one place is named under one key, the one that matches more text: a main name, then the least constrained.</summary>
    private static NameForm Stronger(NameForm a, NameForm b) =>
        a.HasFlag(NameForm.Main) != b.HasFlag(NameForm.Main) ? (a.HasFlag(NameForm.Main) ? a : b) : (a < b ? a : b);

    /// <summary>Writes the gzip-compressed index (deterministic bytes).</summary>
    public void SaveFile(string path) => EmbeddedModels.WriteGzipFile(path, Write);

    public static Gazetteer LoadFile(string path)
    {
        using Stream stream = EmbeddedModels.OpenGzipFile(path);
        return Read(stream);
    }

    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(_places.Length);
        foreach (GazetteerPlace place in _places)
        {
            writer.Write(place.GeonamesId ?? 0);
            writer.Write(place.Name);
            writer.Write(place.Latitude);
            writer.Write(place.Longitude);
            writer.Write(place.Feature);
            writer.Write((byte)place.Precision);
            writer.Write(place.Country ?? "");
            writer.Write(place.Admin1Code ?? "");
            writer.Write(place.Population);
            writer.Write(place.Within);
        }

        writer.Write(Admin1Names.Count);
        foreach ((string code, string name) in Admin1Names.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(code);
            writer.Write(name);
        }

        WriteArray(writer, _keys);
        WriteArray(writer, _keyStarts);
        WriteArray(writer, _postingStarts);
        WriteArray(writer, _postings);
    }

    public static Gazetteer Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadInt32() != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("Not a Sitrep gazetteer of format version " + FormatVersion + ".");
        }

        // Feature, country and admin codes repeat across 100 000 places: share one string instance each.
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(string s) => s.Length == 0 ? s : pool.TryGetValue(s, out string? kept) ? kept : pool[s] = s;
        var places = ImmutableArray.CreateBuilder<GazetteerPlace>(reader.ReadInt32());
        for (int i = 0; i < places.Capacity; i++)
        {
            long id = reader.ReadInt64();
            string name = reader.ReadString();
            double lat = reader.ReadDouble(), lon = reader.ReadDouble();
            string feature = Shared(reader.ReadString());
            var precision = (PlacePrecision)reader.ReadByte();
            string country = Shared(reader.ReadString()), admin1 = Shared(reader.ReadString());
            places.Add(new GazetteerPlace
            {
                Index = i,
                GeonamesId = id == 0 ? null : id,
                Name = name,
                Latitude = lat,
                Longitude = lon,
                Feature = feature,
                Precision = precision,
                Country = country.Length == 0 ? null : country,
                Admin1Code = admin1.Length == 0 ? null : admin1,
                Population = reader.ReadInt64(),
                Within = reader.ReadInt32(),
            });
        }

        var admin1Names = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        for (int n = reader.ReadInt32(); n > 0; n--)
        {
            admin1Names[reader.ReadString()] = reader.ReadString();
        }

        return new Gazetteer(places.MoveToImmutable(), admin1Names.ToImmutable(), ReadArray<byte>(reader), ReadArray<int>(reader), ReadArray<int>(reader), ReadArray<int>(reader));
    }

    private static void WriteArray<T>(BinaryWriter writer, T[] values)
        where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static T[] ReadArray<T>(BinaryReader reader)
        where T : unmanaged
    {
        var values = new T[reader.ReadInt32()];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}

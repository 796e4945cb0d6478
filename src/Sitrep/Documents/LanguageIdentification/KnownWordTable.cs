using System.Numerics;

namespace Sitrep.Documents.LanguageIdentification;

/// <summary>
/// Which classes know a word, by word hash: one open-addressing lookup per word instead of a binary search
/// per class (the lookups were half the identifier's time). Holds the <see cref="LanguageProfileClass.KnownWords"/>
/// of up to 32 classes; the value of a word is a bit mask of the classes that list it.
/// </summary>
internal sealed class KnownWordTable
{
    private readonly uint[] _keys;
    private readonly uint[] _masks;
    private readonly int _mask;

    public KnownWordTable(IReadOnlyList<LanguageProfileClass> classes)
    {
        int total = 0;
        foreach (LanguageProfileClass cls in classes)
        {
            total += cls.KnownWords.Length;
        }

        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, total * 2));
        _keys = new uint[size];
        _masks = new uint[size];
        _mask = size - 1;
        for (int c = 0; c < classes.Count && c < 32; c++)
        {
            foreach (uint hash in classes[c].KnownWords)
            {
                _masks[Slot(Key(hash))] |= 1u << c;
            }
        }
    }

    /// <summary>Bit c is set when class c lists the word with this hash.</summary>
    public uint ClassesKnowing(uint hash)
    {
        uint key = Key(hash);
        for (int i = (int)key & _mask; ; i = (i + 1) & _mask)
        {
            uint k = _keys[i];
            if (k == key)
            {
                return _masks[i];
            }

            if (k == 0)
            {
                return 0;
            }
        }
    }

    /// <summary>0 marks an empty slot, so a hash of 0 is stored as 1 (a collision the rate check does not notice).</summary>
    private static uint Key(uint hash) => hash == 0 ? 1 : hash;

    private int Slot(uint key)
    {
        int i = (int)key & _mask;
        while (_keys[i] != 0 && _keys[i] != key)
        {
            i = (i + 1) & _mask;
        }

        _keys[i] = key;
        return i;
    }
}

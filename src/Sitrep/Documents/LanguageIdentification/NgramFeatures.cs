namespace Sitrep.Documents.LanguageIdentification;

/// <summary>
/// The features of a word: every character n-gram (1 ≤ n ≤ <c>maxOrder</c>) of the word padded with a
/// boundary on each side, hashed into a table of 2^bits buckets. «le» gives « l», «le», «e », « le», «le »
/// and « le » (the lone boundary is skipped), so short function words are features of their own.
/// Hashes are FNV-1a over UTF-16 code units: stable across runs and machines, unlike string.GetHashCode.
/// </summary>
internal static class NgramFeatures
{
    /// <summary>Letters of a word that are looked at; the rest of a longer word is ignored.</summary>
    public const int MaxWordChars = 24;

    /// <summary>The most features one word can give, for sizing buffers.</summary>
    public static int MaxFeaturesPerWord(int maxOrder) => (MaxWordChars + 2) * maxOrder;

    private const char Boundary = ' ';
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    public static WritingScript ScriptOf(char letter) => letter switch
    {
        <= '\u024F' => WritingScript.Latin,
        >= '\u1E00' and <= '\u1EFF' => WritingScript.Latin,
        >= '\u0400' and <= '\u052F' => WritingScript.Cyrillic,
        _ => WritingScript.Other,
    };

    /// <summary>Writes the bucket of each n-gram of <paramref name="word"/> to <paramref name="buckets"/>; returns how many.</summary>
    public static int Buckets(ReadOnlySpan<char> word, int maxOrder, int bits, Span<int> buckets)
    {
        int padded = word.Length + 2;
        int count = 0;
        for (int start = 0; start < padded; start++)
        {
            uint hash = FnvOffset;
            int longest = Math.Min(maxOrder, padded - start);
            for (int n = 1; n <= longest; n++)
            {
                hash = (hash ^ At(word, start + n - 1)) * FnvPrime;
                if (n == 1 && (start == 0 || start == padded - 1))
                {
                    continue;
                }

                buckets[count++] = Bucket(hash, bits);
            }
        }

        return count;
    }

    /// <summary>The bucket of the single letter <paramref name="letter"/> (the n = 1 feature <see cref="Buckets"/> gives for it).</summary>
    public static int LetterBucket(char letter, int bits) => Bucket((FnvOffset ^ letter) * FnvPrime, bits);

    /// <summary>A 32-bit hash of a whole (lower-cased, truncated) word, for the known-word lists.</summary>
    public static uint WordHash(ReadOnlySpan<char> word)
    {
        uint hash = FnvOffset;
        foreach (char c in word)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return Mix(hash);
    }

    private static char At(ReadOnlySpan<char> word, int paddedIndex) =>
        paddedIndex == 0 || paddedIndex == word.Length + 1 ? Boundary : word[paddedIndex - 1];

    private static int Bucket(uint hash, int bits) => (int)(Mix(hash) >> (32 - bits));

    /// <summary>Final avalanche (murmur3 fmix32): FNV alone leaves the high bits poorly mixed for short keys.</summary>
    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return h;
    }
}

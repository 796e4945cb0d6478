using Sitrep.Documents;

namespace Sitrep.Tagging.Sequence;

[Flags]
public enum TokenFlags : ushort
{
    None = 0,
    Capitalized = 1,
    AllCaps = 2,
    HasDigit = 4,
    AllDigits = 8,
    HasHyphen = 16,
    Punctuation = 32,
    SentenceStart = 64,
    HasLower = 128,
    HasPeriod = 256,
}

/// <summary>
/// What the feature templates read about each token of one sentence, computed once per token: hashes of the
/// form, lower-case form, word shapes, prefixes and suffixes, simple flags, and the word-cluster path.
/// A buffer reused from sentence to sentence (one per thread); nothing in it allocates per token.
/// </summary>
/// <remarks>
/// The facts of the last sentence loaded are kept with a copy of its text and token spans: the entity tagger,
/// which runs on the sentence the part-of-speech tagger has just tagged, finds them there instead of hashing
/// every token again.
/// </remarks>
public sealed class TokenFacts
{
    private char[] _loadedText = new char[256];
    private int _loadedTextLength;
    private TextSpan[] _loadedTokens = new TextSpan[64];
    private IWordClusterSource? _loadedClusters;

    public const int Affixes = 4;

    /// <summary>Cluster path of a word with no cluster: length 0.</summary>
    public const byte NoCluster = 0;

    public int Length { get; private set; }

    public ulong[] Form { get; private set; } = new ulong[64];

    public ulong[] Lower { get; private set; } = new ulong[64];

    /// <summary>Shape with runs collapsed («Xx», «d.d», «X.X.»).</summary>
    public ulong[] Shape { get; private set; } = new ulong[64];

    /// <summary>Shape of the first eight characters and the last four, runs kept («Xxxxx», «dddd»).</summary>
    public ulong[] LongShape { get; private set; } = new ulong[64];

    /// <summary>Lower-case prefixes of 1..4 characters: <c>Prefix[i * Affixes + n - 1]</c>, 0 when the word is shorter.</summary>
    public ulong[] Prefix { get; private set; } = new ulong[64 * Affixes];

    /// <summary>Lower-case suffixes of 1..4 characters, laid out like <see cref="Prefix"/>.</summary>
    public ulong[] Suffix { get; private set; } = new ulong[64 * Affixes];

    public TokenFlags[] Flags { get; private set; } = new TokenFlags[64];

    /// <summary>Word-cluster path bits (the first bit is the highest), with <see cref="ClusterLength"/> bits used.</summary>
    public ulong[] ClusterBits { get; private set; } = new ulong[64];

    public byte[] ClusterLength { get; private set; } = new byte[64];

    /// <summary>Free per-token slots for the caller (gazetteer matches, part-of-speech tags …).</summary>
    public int[] Extra { get; private set; } = new int[64 * 4];

    /// <summary>Computes the facts of a sentence's tokens (or keeps them when this sentence was the last one loaded) and clears <see cref="Extra"/>.</summary>
    public void Load(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens, IWordClusterSource? clusters)
    {
        bool loaded = IsLoaded(text, tokens, clusters);
        Ensure(tokens.Length);
        Length = tokens.Length;
        Extra.AsSpan(0, tokens.Length * 4).Clear();
        if (loaded)
        {
            return;
        }

        Remember(text, tokens, clusters);
        for (int i = 0; i < tokens.Length; i++)
        {
            ReadOnlySpan<char> word = text.Slice(tokens[i].Start, tokens[i].Length);
            Form[i] = FeatureKey.Text(word);
            Lower[i] = FeatureKey.LowerText(word);
            Flags[i] = FlagsOf(word) | (i == 0 ? TokenFlags.SentenceStart : TokenFlags.None);
            Shape[i] = ShapeOf(word, collapse: true);
            LongShape[i] = ShapeOf(word, collapse: false);
            for (int n = 1; n <= Affixes; n++)
            {
                bool fits = word.Length >= n;
                Prefix[(i * Affixes) + n - 1] = fits ? FeatureKey.LowerText(word[..n]) : 0;
                Suffix[(i * Affixes) + n - 1] = fits ? FeatureKey.LowerText(word[^n..]) : 0;
            }

            if (clusters is not null && clusters.TryGetPath(word, out ulong bits, out int length))
            {
                ClusterBits[i] = bits;
                ClusterLength[i] = (byte)length;
            }
            else
            {
                ClusterBits[i] = 0;
                ClusterLength[i] = NoCluster;
            }
        }
    }

    /// <summary>The first <paramref name="bits"/> bits of token <paramref name="i"/>'s cluster path with its length, as one value; 0 when none.</summary>
    public ulong ClusterPrefix(int i, int bits)
    {
        int length = ClusterLength[i];
        if (length == NoCluster)
        {
            return 0;
        }

        int n = Math.Min(bits, length);
        ulong prefix = n == 64 ? ClusterBits[i] : ClusterBits[i] >> (64 - n);
        return (prefix << 7) | (uint)n | 0x8000_0000_0000_0000;
    }

    /// <summary>Adds the feature «cluster path of token <paramref name="i"/> cut to <paramref name="bits"/> bits», when the token has a cluster.</summary>
    public void AddClusterFeature(List<ulong> features, int template, int i, int bits)
    {
        ArgumentNullException.ThrowIfNull(features);
        ulong path = ClusterPrefix(i, bits);
        if (path != 0)
        {
            features.Add(FeatureKey.Of(template, path));
        }
    }

    private bool IsLoaded(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens, IWordClusterSource? clusters) =>
        tokens.Length > 0
        && tokens.Length == Length
        && clusters == _loadedClusters
        && tokens.SequenceEqual(_loadedTokens.AsSpan(0, tokens.Length))
        && Covered(text, tokens).SequenceEqual(_loadedText.AsSpan(0, _loadedTextLength));

    /// <summary>The text from the first character of any token to the last.</summary>
    private static ReadOnlySpan<char> Covered(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens)
    {
        if (tokens.IsEmpty)
        {
            return [];
        }

        int start = int.MaxValue, end = 0;
        foreach (TextSpan token in tokens)
        {
            start = Math.Min(start, token.Start);
            end = Math.Max(end, token.End);
        }

        return text[start..end];
    }

    private void Remember(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens, IWordClusterSource? clusters)
    {
        _loadedClusters = clusters;
        if (_loadedTokens.Length < tokens.Length)
        {
            _loadedTokens = new TextSpan[tokens.Length * 2];
        }

        tokens.CopyTo(_loadedTokens);
        ReadOnlySpan<char> covered = Covered(text, tokens);
        if (_loadedText.Length < covered.Length)
        {
            _loadedText = new char[covered.Length * 2];
        }

        covered.CopyTo(_loadedText);
        _loadedTextLength = covered.Length;
    }

    private static TokenFlags FlagsOf(ReadOnlySpan<char> word)
    {
        TokenFlags flags = TokenFlags.None;
        int letters = 0, upper = 0, digits = 0;
        bool punctuation = true;
        foreach (char c in word)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
                else
                {
                    flags |= TokenFlags.HasLower;
                }
            }
            else if (char.IsDigit(c))
            {
                digits++;
            }
            else if (c == '-')
            {
                flags |= TokenFlags.HasHyphen;
            }
            else if (c == '.')
            {
                flags |= TokenFlags.HasPeriod;
            }

            punctuation &= char.IsPunctuation(c) || char.IsSymbol(c);
        }

        if (word.Length > 0 && char.IsUpper(word[0]))
        {
            flags |= TokenFlags.Capitalized;
        }

        if (letters > 1 && upper == letters)
        {
            flags |= TokenFlags.AllCaps;
        }

        if (digits > 0)
        {
            flags |= TokenFlags.HasDigit;
            if (digits == word.Length)
            {
                flags |= TokenFlags.AllDigits;
            }
        }

        if (punctuation && word.Length > 0)
        {
            flags |= TokenFlags.Punctuation;
        }

        return flags;
    }

    private static ulong ShapeOf(ReadOnlySpan<char> word, bool collapse)
    {
        ulong hash = 14695981039346656037;
        char previous = '\0';
        for (int i = 0; i < word.Length; i++)
        {
            if (!collapse && i == 8 && word.Length > 12)
            {
                i = word.Length - 4;
                hash = (hash ^ '~') * 1099511628211;
            }

            char c = word[i];
            char kind = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'l' : c;
            if (collapse && kind == previous)
            {
                continue;
            }

            previous = kind;
            hash = (hash ^ kind) * 1099511628211;
        }

        return FeatureKey.Mix(hash);
    }

    private void Ensure(int length)
    {
        if (length <= Form.Length)
        {
            return;
        }

        int size = Math.Max(length, Form.Length * 2);
        Form = new ulong[size];
        Lower = new ulong[size];
        Shape = new ulong[size];
        LongShape = new ulong[size];
        Prefix = new ulong[size * Affixes];
        Suffix = new ulong[size * Affixes];
        Flags = new TokenFlags[size];
        ClusterBits = new ulong[size];
        ClusterLength = new byte[size];
        Extra = new int[size * 4];
    }
}

/// <summary>Where word-cluster paths come from (Brown clusters trained on raw text).</summary>
public interface IWordClusterSource
{
    bool TryGetPath(ReadOnlySpan<char> word, out ulong bits, out int length);
}

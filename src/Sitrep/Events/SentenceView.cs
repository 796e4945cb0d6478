using Sitrep.Documents;
using Sitrep.Mentions.Entities;
using Sitrep.Mentions.Places;

namespace Sitrep.Events;

/// <summary>
/// A noun phrase of a sentence: its tokens [<see cref="Start"/>, <see cref="End"/>), its head, the preposition before
/// it (lower case, null for none) and the «de X» / «of X» phrase that completes it (index into the chunk list, or -1).
/// </summary>
internal sealed record Chunk(int Start, int End, int Head, string? Preposition)
{
    public int Complement { get; set; } = -1;

    public bool IsPronoun { get; init; }
}

/// <summary>
/// The shallow analysis the event extractor works on, for one sentence: words, lemmas and tags in lower case, noun
/// phrases, and clause numbers (a clause ends at a subordinating conjunction, a relative pronoun, a semicolon or a colon).
/// Token indices are document indices.
/// </summary>
internal sealed class SentenceView
{
    /// <param name="document">The tagged document.</param>
    /// <param name="sentenceIndex">The sentence the tokens belong to.</param>
    /// <param name="first">First token of the view: the sentence's, or a window's of a very long sentence.</param>
    /// <param name="end">Token after the view.</param>
    /// <param name="lexicon">The language's event words.</param>
    /// <param name="timeStarts">First tokens of the document's time expressions.</param>
    /// <param name="named">The document's tokens inside a name of several words (<see cref="NamedTokens"/>).</param>
    public SentenceView(Document document, int sentenceIndex, int first, int end, EventLexicon lexicon, IReadOnlySet<int> timeStarts, bool[] named)
    {
        Index = sentenceIndex;
        First = first;
        End = end;
        TimeStarts = timeStarts;
        int n = end - first;
        Words = new string[n];
        Lemmas = new string[n];
        Tags = new string[n];
        for (int i = 0; i < n; i++)
        {
            int t = First + i;
            Words[i] = document[document.Tokens[t].Span].ToLowerInvariant();
            Lemmas[i] = document.Lemmas.IsDefaultOrEmpty ? Words[i] : document.Lemmas[t].ToLowerInvariant();
            Tags[i] = document.PartsOfSpeech[t];
        }

        Clause = new int[n];
        string[] relatives = (lexicon.Word("grammar", "relative") ?? "").Split('|');
        int clause = 0;
        for (int i = 0; i < n; i++)
        {
            bool boundary = Tags[i] == "SCONJ" || (Tags[i] == "PRON" && relatives.Contains(Lemmas[i])) || Words[i] is ";" or ":" or "—" or "–";
            if (boundary && i > 0)
            {
                clause++;
            }

            Clause[i] = clause;
        }

        int dateline = DatelineEnd(document, first, n);
        ChunkOf = new int[n];
        Array.Fill(ChunkOf, -1);
        Chunks = [];
        bool headFirst = lexicon.Word("grammar", "head") != "last";
        for (int i = 0; i < n;)
        {
            if (!InPhrase(i))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < n && (InPhrase(i) || (Tags[i] == "ADV" && i + 1 < n && Tags[i + 1] == "ADJ" && i > start) || Coordinated(i) || (i > start && Hyphen(i))) && (i == start || !timeStarts.Contains(First + i)))
            {
                i++;
            }

            int head = -1;
            for (int k = start; k < i; k++)
            {
                if (Tags[k] is "NOUN" or "PROPN")
                {
                    head = k;
                    if (headFirst)
                    {
                        break;
                    }
                }
            }

            if (head < 0)
            {
                // Determiners and adjectives alone («les deux», «plusieurs») name nothing; a number may («12 ont été tués»).
                if (!Enumerable.Range(start, i - start).Any(k => Tags[k] == "NUM"))
                {
                    continue;
                }

                head = i - 1;
            }

            string? preposition = start > 0 && Tags[start - 1] == "ADP" ? Words[start - 1] : null;
            Add(new Chunk(First + start, First + i, First + head, preposition));
        }

        // Subject and object pronouns are one-word phrases; the extractor resolves them.
        for (int i = 0; i < n; i++)
        {
            if (Tags[i] == "PRON" && ChunkOf[i] < 0 && lexicon.Is("pronoun", Words[i]))
            {
                Add(new Chunk(First + i, First + i + 1, First + i, i > 0 && Tags[i - 1] == "ADP" ? Words[i - 1] : null) { IsPronoun = true });
            }
        }

        Chunks.Sort((a, b) => a.Start.CompareTo(b.Start));
        Array.Fill(ChunkOf, -1);
        for (int c = 0; c < Chunks.Count; c++)
        {
            for (int t = Chunks[c].Start; t < Chunks[c].End; t++)
            {
                ChunkOf[t - First] = c;
            }
        }

        for (int c = 0; c + 1 < Chunks.Count; c++)
        {
            Chunk next = Chunks[c + 1];
            if (next.Start == Chunks[c].End + 1 && lexicon.Word("preposition", Words[Chunks[c].End - First]) == "of")
            {
                Chunks[c].Complement = c + 1;
            }
        }

        bool InPhrase(int k) => k >= dateline && (Tags[k] is "DET" or "ADJ" or "NOUN" or "PROPN" or "NUM" || named[First + k]);

        // «Secretary-General», «vice-président»: a hyphen written tight between two words of a phrase joins them.
        bool Hyphen(int k) => Words[k] == "-" && k + 1 < n && InPhrase(k + 1)
            && document.Tokens[First + k - 1].Span.End == document.Tokens[First + k].Span.Start
            && document.Tokens[First + k].Span.End == document.Tokens[First + k + 1].Span.Start;

        // «Hungarian and Romanian officials», «the United States and Jordan»: one phrase, coded per conjunct.
        bool Coordinated(int k) => Tags[k] == "CCONJ" && k > 0 && k + 1 < n && Tags[k - 1] is "ADJ" or "PROPN" && Tags[k + 1] is "ADJ" or "PROPN" or "DET";
    }

    /// <summary>
    /// The tokens inside a name of several words the entity or place recognisers found, which stay one phrase whatever
    /// their tags: «United» in «the United States» is tagged a verb, «'s» in «People's Republic» a particle, «-» in
    /// «Fazl-ur-Rehman» a punctuation mark. Punctuation counts only inside the name, never at its ends. One array for
    /// the whole document, indexed by token, made once and shared by every sentence's view.
    /// </summary>
    public static bool[] NamedTokens(Document document)
    {
        bool[] named = new bool[document.Tokens.Length];
        void Mark(int start, int end)
        {
            if (end - start < 2)
            {
                return;
            }

            for (int t = start; t < end; t++)
            {
                string tag = document.PartsOfSpeech[t];
                named[t] = tag != "PUNCT" || (t > start && t < end - 1 && document[document.Tokens[t].Span] is "-" or "'" or "’" or ".");
            }
        }

        foreach (Entity entity in document.Entities)
        {
            foreach (EntityMention mention in entity.Mentions)
            {
                Mark(mention.FirstToken, mention.FirstToken + mention.TokenCount);
            }
        }

        foreach (Place place in document.Places)
        {
            foreach (PlaceMention mention in place.Mentions)
            {
                (int start, int end) = document.TokensWithin(mention.Span);
                Mark(start, end);
            }
        }

        return named;
    }

    /// <summary>
    /// The view index after a wire dateline opening the sentence («GENEVA, June 2 (Reuters) -», «KIEV (AFP) —»: a word in
    /// capitals, a dash within the next fifteen tokens), whose words are nobody's argument; 0 when there is none.
    /// </summary>
    private static int DatelineEnd(Document document, int first, int n)
    {
        string opening = document[document.Tokens[first].Span];
        if (opening.Length < 2 || !opening.All(c => !char.IsLetter(c) || char.IsUpper(c)) || !opening.Any(char.IsLetter))
        {
            return 0;
        }

        for (int i = 1; i < Math.Min(n, 16); i++)
        {
            if (document[document.Tokens[first + i].Span] is "-" or "—" or "–" or "--")
            {
                return i + 1;
            }
        }

        return 0;
    }

    public int Index { get; }

    /// <summary>First tokens of the document's time expressions.</summary>
    public IReadOnlySet<int> TimeStarts { get; }

    /// <summary>First token of the sentence (document index).</summary>
    public int First { get; }

    /// <summary>Token after the sentence (document index).</summary>
    public int End { get; }

    public string[] Words { get; }

    public string[] Lemmas { get; }

    public string[] Tags { get; }

    public int[] Clause { get; }

    public List<Chunk> Chunks { get; }

    private int[] ChunkOf { get; }

    public string Word(int token) => Words[token - First];

    public string Lemma(int token) => Lemmas[token - First];

    public string Tag(int token) => Tags[token - First];

    public int ClauseOf(int token) => Clause[token - First];

    public bool Contains(int token) => token >= First && token < End;

    /// <summary>The index of the chunk holding a token, or -1.</summary>
    public int ChunkAt(int token) => Contains(token) ? ChunkOf[token - First] : -1;

    private void Add(Chunk chunk)
    {
        Chunks.Add(chunk);
        for (int t = chunk.Start; t < chunk.End; t++)
        {
            ChunkOf[t - First] = Chunks.Count - 1;
        }
    }
}

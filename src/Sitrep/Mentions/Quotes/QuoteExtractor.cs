using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Mentions.Entities;
using Sitrep.Segmentation;
using Sitrep.Tagging.Dependencies;

namespace Sitrep.Mentions.Quotes;

/// <summary>
/// Finds who said what, in this order:
/// <list type="number">
/// <item>reported speech opened by a cue and a conjunction («X a déclaré que …», «X said that …»), mixed when it
/// holds a quoted fragment;</item>
/// <item>source phrases («selon X, …», «…, selon X», «according to X»);</item>
/// <item>quotations in marks (« », “ ”, "…", across sentences and paragraphs), attributed to a cue right after
/// them («», a déclaré X», «", he said») or right before them («X a déclaré : « … »»), else to the speaker of
/// the quote just before (a quotation that goes on), else to nobody;</item>
/// <item>English «X said the talks failed» and post-posed reported speech without marks («…, a déclaré X»);</item>
/// <item>with reported speech, when no clause follows the cue: a stance, what a named holder asks for, wants or plans («X called
/// for a ceasefire», «X a appelé à …»).</item>
/// </list>
/// The speaker is the nearest subject before the cue or the name after it (an apposition's name wins over its
/// title); a pronoun is the most recent person (singular) or organisation (plural) named before it. Fragments of
/// fewer than three words in marks are not quotations by themselves («des intermédiaires « influents »»).
/// </summary>
public sealed class QuoteExtractor(QuoteLexicon lexicon)
{
    private const int MinDirectWords = 3;
    private const int MaxSubjectTokens = 10;

    public ImmutableArray<Quote> Extract(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Tokens.IsEmpty)
        {
            return [];
        }

        var context = new Context(document, lexicon);
        List<TextSpan> marked = QuoteMarks.Find(document.Text);
        var used = new bool[marked.Count];
        var quotes = new List<Quote>();

        // Transcripts first: a labelled paragraph is one statement, whatever marks or verbs it holds.
        for (int s = 0; s < document.Sentences.Length; s++)
        {
            if (Label(context, s) is { } labelled)
            {
                quotes.Add(labelled);
                Kind(marked, used, labelled.Content);
            }
        }

        for (int s = 0; s < document.Sentences.Length; s++)
        {
            Sentence sentence = document.Sentences[s];
            int first = sentence.FirstToken, end = first + sentence.TokenCount;
            if (quotes.Any(q => q.Content.Overlaps(sentence.Span)))
            {
                continue;
            }

            for (int t = first; t < end; t++)
            {
                if (!context.IsCue(t) || Inside(marked, document.Tokens[t].Span.Start))
                {
                    continue;
                }

                if (Complementizer(context, t, end) is int that && that + 1 < end)
                {
                    TextSpan content = context.Clause(that + 1, end);
                    quotes.Add(context.Attribute(Kind(marked, used, content), content, t, context.SpeakerBefore(t, first), s));
                    t = end;
                }
                else if ((BareClause(context, t, end) ?? Stance(context, t, end)) is { } clause)
                {
                    quotes.Add(context.WithSpeaker(Kind(marked, used, clause.Content), clause.Content, context.CueSpan(t), context.Lemma(t), clause.Speaker.Span, s, clause.Speaker.Entity));
                    t = end;
                }
            }

            if (!quotes.Any(q => q.Sentence == s) && According(context, first, end) is { } according)
            {
                quotes.Add(context.WithSpeaker(Kind(marked, used, according.Content), according.Content, according.Cue, null, according.Speaker.Span, s, according.Speaker.Entity));
            }
        }

        // Post-posed reported speech before quotations in marks, so that a quotation standing alone can go on from it
        // («…, Schiff said. "The other factor …"»).
        for (int s = 0; s < document.Sentences.Length; s++)
        {
            if (Unmarked(context, s, marked) is { } quote && !quotes.Any(x => x.Content.Overlaps(quote.Content)))
            {
                quotes.Add(quote);
            }
        }

        for (int q = 0; q < marked.Count; q++)
        {
            TextSpan content = marked[q];
            if (used[q] || quotes.Any(x => x.Content.Overlaps(content)))
            {
                continue;
            }

            // A statement has a verb; a short quoted name without one is a title («Bouclier du Nord»), unless a
            // reporting verb earlier in the sentence makes it a quoted fragment («described them as "ruthless"»).
            int words = context.WordCount(content);
            Quote? quote = words >= MinDirectWords && (words >= 6 || context.HasVerb(content))
                ? Direct(context, content, quotes.Where(x => x.Content.End <= content.Start).MaxBy(x => x.Content.End))
                : Fragment(context, content);
            if (quote is not null)
            {
                used[q] = true;
                quotes.Add(quote);
            }
        }

        quotes.Sort((a, b) => a.Content.Start.CompareTo(b.Content.Start));
        return [.. quotes];
    }

    private static bool Inside(List<TextSpan> marked, int position) => marked.Any(m => m.Start <= position && position < m.End);

    /// <summary>Mixed when the reported content holds a quoted fragment (which is then part of it), else indirect.</summary>
    private static QuoteKind Kind(List<TextSpan> marked, bool[] used, TextSpan content)
    {
        QuoteKind kind = QuoteKind.Indirect;
        for (int q = 0; q < marked.Count; q++)
        {
            if (content.Overlaps(marked[q]))
            {
                used[q] = true;
                kind = QuoteKind.Mixed;
            }
        }

        return kind;
    }

    /// <summary>The conjunction opening reported speech just after cue <paramref name="cue"/> («déclaré que», «told reporters that»).</summary>
    private int? Complementizer(Context context, int cue, int end)
    {
        // «a déclaré mardi à l'AFP que», «a annoncé lors d'une conférence de presse que», «told reporters that».
        for (int t = cue + 1; t < Math.Min(end, cue + 9); t++)
        {
            string word = context.Word(t);
            if (lexicon.Is(word, "complementizer"))
            {
                // «insisté pour que», «so that», «bien que»: a purpose or concession, not what was said.
                return t > cue + 1 && context.Pos(t - 1) is "ADP" or "ADV" or "CCONJ" ? null : t;
            }

            // Past a date in brackets («a déclaré vendredi (13 mai) que»), not past another clause.
            if (context.Document.Tokens[t].Kind == TokenKind.Punctuation && word is not "'" and not "’" and not "(" and not ")" || context.Pos(t) is "VERB" or "AUX")
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// «selon X, CONTENT.», «selon X, NAME, CONTENT.» or «CONTENT, selon X.»: the source phrase, its speaker (a name,
    /// a pronoun or a phrase headed by a source noun — «selon toute vraisemblance» names nobody) and the content.
    /// </summary>
    private (TextSpan Content, TextSpan Cue, (TextSpan Span, string? Entity) Speaker)? According(Context context, int first, int end)
    {
        Document document = context.Document;
        for (int t = first; t < end; t++)
        {
            for (int n = Math.Min(lexicon.LongestAccording, end - t); n >= 1; n--)
            {
                var cue = TextSpan.FromBounds(document.Tokens[t].Span.Start, document.Tokens[t + n - 1].Span.End);
                // «In this poll, Trump rose …», «Dans un sondage publié mardi, …»: a preposition that introduces a source
                // only when it opens the sentence with a poll, survey or study.
                bool evidence = lexicon.Is(document[cue], "evidence-phrase");
                if (!lexicon.Is(document[cue], "according") && !(evidence && t == first))
                {
                    continue;
                }

                int from = t + n, stop = context.NextComma(from, end);
                if (evidence && (stop == end || stop - from > MaxSubjectTokens || !Enumerable.Range(from, stop - from).Any(k => lexicon.Is(context.Word(k), "evidence"))))
                {
                    return null;
                }

                if (stop == from || stop - from > 2 * MaxSubjectTokens)
                {
                    return null;
                }

                // «selon le porte-parole, Ahmed Rahimi, …»: the apposition names the speaker (a name after «According to
                // exit polls,» that opens the content is its subject, not an apposition).
                (TextSpan Span, string? Entity)? speaker = context.Source(from, stop - 1);
                int next = context.NextComma(stop + 1, end);
                if (stop < end && context.Word(stop) == "," && context.PersonBetween(stop + 1, next - 1) is { } person && (t > first || (next < end && context.Word(next) == ",")))
                {
                    (speaker, stop) = (person, next);
                }

                if (speaker is null)
                {
                    return null;
                }

                TextSpan content = t == first
                    ? (stop + 1 < end ? context.Clause(stop + 1, end) : default)
                    : (t - 1 > first && context.Word(t - 1) == "," ? TextSpan.FromBounds(document.Tokens[first].Span.Start, document.Tokens[t - 2].Span.End) : default);
                return content.IsEmpty || !context.HasVerb(content) ? null : (content, cue, speaker.Value);
            }
        }

        return null;
    }

    /// <summary>
    /// A quotation in marks, attributed to the cue right after it, or to a cue before it in its sentence (a colon
    /// between: direct; else the quote is a fragment of the statement: mixed), or continuing the previous quote,
    /// or — a quote that is a sentence of its own — to the person the sentence before names.
    /// </summary>
    private Quote Direct(Context context, TextSpan content, Quote? previous)
    {
        Document document = context.Document;
        int openToken = document.FirstTokenFrom(content.Start) - 1;
        int afterClose = document.FirstTokenFrom(QuoteMarks.CloseEnd(document.Text, content.End));
        int sentence = context.SentenceOf(Math.Max(0, openToken));

        // «…», a déclaré X. / "…," he said. / "…," said X. — not past a line break, which starts the next paragraph.
        if (afterClose >= 0 && document.Text.AsSpan(content.End, document.Tokens[afterClose].Span.Start - content.End).IndexOf('\n') < 0)
        {
            int closeSentence = context.SentenceOf(afterClose);
            int end = document.Sentences[closeSentence].FirstToken + document.Sentences[closeSentence].TokenCount;
            // «"A," Mr. Obama said, "B"»: a quote closed on a comma shares its cue with the quotation after it.
            bool incise = document.Text.AsSpan(content.End, document.Tokens[afterClose].Span.Start - content.End).Contains(',');
            for (int t = afterClose, words = 0; t < end && words < 8; t++, words++)
            {
                // «Sen. Claire McCaskill (D-Mo.) said»: a bracket after a name does not count towards the distance.
                if (context.Word(t) == "(" && context.BracketEnd(t, end) is int bracket)
                {
                    (t, words) = (bracket, words - 1);
                    continue;
                }

                // «… added, “…”»: the cue opens the next quotation.
                if (context.IsQuoteCue(t) && (incise || !(t + 2 < end && context.Word(t + 1) is "," or ":" && context.Word(t + 2) is "«" or "“" or "\"")))
                {
                    // «“…” for criminal behavior, she said»: the subject after the last comma.
                    int comma = t - 1;
                    while (comma > afterClose && context.Word(comma) != ",")
                    {
                        comma--;
                    }

                    return (context.NameBetween(afterClose, t) ?? (comma > afterClose ? context.NameBetween(comma + 1, t) : null)) is { } subject
                        ? context.WithSpeaker(QuoteKind.Direct, content, context.CueSpan(t), context.Lemma(t), subject.Span, sentence, subject.Entity)
                        : context.Attribute(QuoteKind.Direct, content, t, context.SpeakerAfter(t, end), sentence);
                }

                if (context.Word(t) is "." or "!" or "?" or "«" or "“" or "\"")
                {
                    break;
                }
            }


            // "…," Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing the EPA, said.
            int nameStart = context.Word(afterClose) == "," ? afterClose + 1 : afterClose;
            if (nameStart < end && context.NameAt(nameStart) is { } named
                && context.AfterName(document.FirstTokenFrom(named.Span.End), end) is int next && next < end && context.Word(next) == ",")
            {
                for (int t = next + 1; t < end && t - next <= 4 * MaxSubjectTokens; t++)
                {
                    if (context.Word(t) is "." or "!" or "?" or "«" or "“" or "\"")
                    {
                        break;
                    }

                    if (context.IsCue(t) && context.Word(t - 1) == ",")
                    {
                        return context.WithSpeaker(QuoteKind.Direct, content, context.CueSpan(t), context.Lemma(t), named.Span, sentence, named.Entity);
                    }
                }
            }
        }

        // «“…” to drive up the stock price, she said.», «''…'' of the Clinton proposals, Mr. Holtz-Eakin said.»: the quote
        // opens a clause whose cue and speaker close the sentence.
        if (afterClose >= 0 && document.Text.AsSpan(content.End, document.Tokens[afterClose].Span.Start - content.End).IndexOf('\n') < 0
            && context.PostposedCue(afterClose, document.Sentences[context.SentenceOf(afterClose)].FirstToken + document.Sentences[context.SentenceOf(afterClose)].TokenCount) is { } postposed)
        {
            return context.WithSpeaker(QuoteKind.Direct, content, context.CueSpan(postposed.Cue), context.Lemma(postposed.Cue), postposed.Speaker.Span, sentence, postposed.Speaker.Entity);
        }

        // "…" ― Sonya Herridge, Ohio: a signature after a dash names who wrote it (letters, reader comments, epigraphs).
        if (afterClose >= 0 && afterClose + 1 < document.Tokens.Length && context.Word(afterClose) is "―" or "—" or "–"
            && context.SentenceOf(afterClose + 1) == context.SentenceOf(afterClose) && context.NameAt(afterClose + 1) is { } signature)
        {
            return context.WithSpeaker(QuoteKind.Direct, content, null, null, signature.Span, sentence, signature.Entity);
        }

        // X a déclaré : « … » / X said: "…" / X a dénoncé des « … » / She continued, "…"
        Sentence open = document.Sentences[sentence];
        if (openToken > open.FirstToken && (openToken - 2 >= open.FirstToken && context.Word(openToken - 1) is ":" or "," && context.IsQuoteCue(openToken - 2) ? openToken - 2 : context.CueBefore(openToken, open.FirstToken)) is int cue)
        {
            QuoteKind kind = context.Word(openToken - 1) is ":" or "," ? QuoteKind.Direct : QuoteKind.Mixed;
            return context.Attribute(kind, content, cue, context.SpeakerBefore(cue, open.FirstToken), sentence);
        }

        // «The New York Times reports:¶"…"», «He continued:¶"…"»: a sentence that ends on a cue and a colon introduces
        // the quotation that opens the next one.
        if (openToken == open.FirstToken && sentence > 0)
        {
            Sentence before = document.Sentences[sentence - 1];
            int colon = before.FirstToken + before.TokenCount - 1;
            for (int t = colon - 1; t >= before.FirstToken && colon - t <= 4 && context.Word(colon) == ":"; t--)
            {
                if (context.IsQuoteCue(t))
                {
                    return context.Attribute(QuoteKind.Direct, content, t, context.SpeakerBefore(t, before.FirstToken), sentence);
                }
            }
        }

        // A quotation that goes on after an attributed one in the sentence or two before, or after reported speech in
        // the sentence just before («…, Schiff said. "The other factor …"»).
        if (previous is { Speaker: not null }
            && (previous.Kind == QuoteKind.Direct || previous.Cue is { } said && said.Start > previous.Content.End && openToken == open.FirstToken)
            && sentence - context.SentenceOf(document.FirstTokenFrom(previous.Content.End) - 1) <= (previous.Kind == QuoteKind.Direct ? 2 : 1))
        {
            return previous with { Content = content, Cue = null, CueLemma = null, Sentence = sentence };
        }

        // «La présidente, Awa Traoré, est restée inflexible. « … »»: a quote standing alone speaks for the person just named.
        if (openToken == open.FirstToken && sentence > 0 && context.PersonIn(sentence - 1) is { } person)
        {
            return context.WithSpeaker(QuoteKind.Direct, content, null, null, person.Span, sentence, person.Entity);
        }

        return new Quote { Kind = QuoteKind.Direct, Content = content, Sentence = sentence };
    }

    /// <summary>A short quoted fragment given to a speaker by a reporting verb earlier in its sentence, else nothing.</summary>
    private static Quote? Fragment(Context context, TextSpan content)
    {
        Document document = context.Document;
        int openToken = document.FirstTokenFrom(content.Start) - 1;
        if (openToken < 1)
        {
            return null;
        }

        int sentence = context.SentenceOf(openToken);
        int first = document.Sentences[sentence].FirstToken;
        return context.CueBefore(openToken, first) is int cue && context.SpeakerBefore(cue, first) is { } speaker
            ? context.Attribute(QuoteKind.Mixed, content, cue, speaker, sentence)
            : null;
    }

    /// <summary>A transcript: a paragraph opening with a speaker's name and a colon («PENCE: Well, …»); the paragraph is what they said.</summary>
    private static Quote? Label(Context context, int s)
    {
        Document document = context.Document;
        Sentence sentence = document.Sentences[s];
        int start = sentence.Span.Start, first = sentence.FirstToken;
        if (start > 0 && document.Text[start - 1] != '\n')
        {
            return null;
        }

        if (context.Word(first) is "\"" or "“" or "«")
        {
            first++; // a transcript set in quote marks
        }

        int colon = first;
        // «PENCE: Well, …», «Sanders: Clinton needs to …», «Poll: Clinton and Trump in dead heat» (a headline).
        while (colon < sentence.FirstToken + sentence.TokenCount && colon - first < 3
            && (context.Pos(colon) == "PROPN" || context.Word(colon).All(c => char.IsUpper(c) || c is '.' or '-') || context.IsNamed(colon) || (char.IsUpper(context.Word(colon)[0]) && context.IsHolder(document.Tokens[colon].Span))))
        {
            colon++;
        }

        if (colon == first || colon + 1 >= sentence.FirstToken + sentence.TokenCount || context.Word(colon) != ":")
        {
            return null;
        }

        int end = document.Text.IndexOf('\n', document.Tokens[colon].Span.End);
        int contentStart = document.Tokens[colon + 1].Span.Start, contentEnd = end < 0 ? document.Text.Length : end;
        while (contentEnd > contentStart && char.IsWhiteSpace(document.Text[contentEnd - 1]))
        {
            contentEnd--;
        }

        var speaker = TextSpan.FromBounds(document.Tokens[first].Span.Start, document.Tokens[colon - 1].Span.End);
        return context.WithSpeaker(QuoteKind.Direct, TextSpan.FromBounds(contentStart, contentEnd), null, null, speaker, s);
    }

    /// <summary>«CONTENT, a déclaré X.», «CONTENT, X said.», «A, X said, B.» without marks.</summary>
    private Quote? Unmarked(Context context, int s, List<TextSpan> marked)
    {
        Document document = context.Document;
        Sentence sentence = document.Sentences[s];
        int first = sentence.FirstToken, end = first + sentence.TokenCount;
        if (marked.Any(m => m.Overlaps(sentence.Span)))
        {
            return null;
        }

        for (int t = first + 1; t < end; t++)
        {
            if (!context.IsCue(t))
            {
                continue;
            }

            // Post-posed: «…, a déclaré X.» / «…, X said.» — the cue in the last clause, a long clause before the comma.
            int comma = t - 1;
            while (comma > first && context.Word(comma) != "," && t - comma <= 4)
            {
                comma--;
            }

            // An incise: «A, X said, B.» — the statement goes on after it (else it is the part before).
            if (context.Word(comma) == "," && t + 2 < end && context.Word(t + 1) == "," && context.NameBetween(comma + 1, t) is { } inciseSpeaker)
            {
                TextSpan after = context.Clause(t + 2, end), before = TextSpan.FromBounds(document.Tokens[first].Span.Start, document.Tokens[Math.Max(first, comma - 1)].Span.End);
                // «It would take weeks, he said, and intense wrangling could follow»: after a conjunction the statement is the part before.
                TextSpan statement = context.HasVerb(after) && !(context.Pos(t + 2) == "CCONJ" && context.HasVerb(before)) ? after : before;
                return context.HasVerb(statement)
                    ? context.WithSpeaker(QuoteKind.Indirect, statement, context.CueSpan(t), context.Lemma(t), inciseSpeaker.Span, s, inciseSpeaker.Entity)
                    : null;
            }

            var content = TextSpan.FromBounds(document.Tokens[first].Span.Start, document.Tokens[Math.Max(first, comma - 1)].Span.End);
            if (context.Word(comma) == "," && comma - first >= 4 && context.ClauseEnds(t, end) && context.HasVerb(content))
            {
                return context.NameBetween(comma + 1, t) is { } subject
                    ? context.WithSpeaker(QuoteKind.Indirect, content, context.CueSpan(t), context.Lemma(t), subject.Span, s, subject.Entity)
                    : context.Attribute(QuoteKind.Indirect, content, t, context.SpeakerAfter(t, end), s);
            }
        }

        return null;
    }

    /// <summary>
    /// English «X said the talks had failed.», «X told reporters the talks had failed.», «X said if the talks fail, …»: a subject before the cue and
    /// a clause with a verb after it (past a time expression and, for «tell», its object).
    /// </summary>
    private static (TextSpan Content, (TextSpan Span, string? Entity) Speaker)? BareClause(Context context, int t, int end)
    {
        Document document = context.Document;
        if (document.Language != "en" || context.SpeakerBefore(t, document.Sentences[context.SentenceOf(t)].FirstToken) is not { } speaker)
        {
            return null;
        }

        int from = context.SkipTime(t + 1, end);
        if (context.Lemma(t) == "tell")
        {
            while (from < end && context.Pos(from) is "PRON" or "PROPN" or "NOUN" or "DET" && from - t <= 3)
            {
                from++;
            }

            from = context.SkipTime(from, end);
        }

        if (from >= end - 1 || context.Pos(from) is not ("PRON" or "DET" or "PROPN" or "NOUN" or "ADJ" or "NUM" or "ADV" or "SCONJ"))
        {
            return null;
        }

        // A clause with a verb before any quote mark: not «described the smugglers as "ruthless"» (a fragment).
        TextSpan content = context.Clause(from, end);
        int mark = document.Text.AsSpan(content.Start, content.Length).IndexOfAny("«“\"");
        return context.HasVerb(mark < 0 ? content : new TextSpan(content.Start, mark)) ? (content, speaker) : null;
    }

    /// <summary>
    /// What someone asks for, wants, plans or holds, as the object of a stance verb («X called for a ceasefire», «X wants
    /// to build a wall», «X a appelé à un cessez-le-feu», «X réclame la libération des otages»): a named holder (a name,
    /// a pronoun or a source noun) before the verb and the phrase after it, up to the clause end. Reporting verbs with a
    /// noun object stay out («a annoncé sa démission» reports an act, not a statement).
    /// </summary>
    private (TextSpan Content, (TextSpan Span, string? Entity) Speaker)? Stance(Context context, int t, int end)
    {
        Document document = context.Document;
        // «call for», «call on», «appeler à» take the next word with them.
        int length = lexicon.StanceLength(context.Lemma(t), t + 1 < end ? context.Word(t + 1) : null);
        if (length == 0)
        {
            return null;
        }

        int from = t + length;

        from = context.SkipTime(from, end);
        int stop = from;
        while (stop < end && context.Word(stop) is not ("," or ";" or ":" or "." or "?" or "!" or "(" or "—" or "–"))
        {
            stop++;
        }

        if (stop - from < 2 || document.Tokens[from].Kind == TokenKind.Punctuation || context.Pos(from) is "SCONJ" or "CCONJ"
            || context.SpeakerBefore(t, document.Sentences[context.SentenceOf(t)].FirstToken) is not { } speaker || !context.IsHolder(speaker.Span))
        {
            return null;
        }

        return (TextSpan.FromBounds(document.Tokens[from].Span.Start, document.Tokens[stop - 1].Span.End), speaker);
    }

    /// <summary>Token-level reading of one document.</summary>
    private sealed class Context(Document document, QuoteLexicon lexicon)
    {
        private readonly int[] _sentenceOf = SentenceIndex(document);

        public Document Document => document;

        public string Word(int t) => document[document.Tokens[t].Span];

        public string? Pos(int t) => document.PartsOfSpeech.IsDefaultOrEmpty ? null : document.PartsOfSpeech[t];

        public string Lemma(int t) => document.Lemmas.IsDefaultOrEmpty ? Word(t).ToLowerInvariant() : document.Lemmas[t];

        public int SentenceOf(int t) => _sentenceOf[Math.Clamp(t, 0, _sentenceOf.Length - 1)];

        /// <summary>A reporting or stance verb (not an auxiliary, not a participle used as an adjective).</summary>
        public bool IsCue(int t) => Pos(t) is null or "VERB" && (lexicon.ReportingVerbs.Contains(Lemma(t))
            || lexicon.StanceLength(Lemma(t), t + 1 < document.Tokens.Length ? Word(t + 1) : null) > 0);

        /// <summary>A cue, or a verb that attributes only a quotation next to it («“…,” she continued», «he joked»).</summary>
        public bool IsQuoteCue(int t) => IsCue(t) || (Pos(t) is null or "VERB" && lexicon.Is(Lemma(t), "quote-verb"));

        /// <summary>
        /// The token after a name that ends at <paramref name="t"/>, past a generational suffix or a party in brackets
        /// («Vann R. Newkirk II, a writer», «Rep. Jim Jordan (R-Ohio), an oversight panel member»).
        /// </summary>
        public int AfterName(int t, int end)
        {
            if (t < 0 || t >= end)
            {
                return end;
            }

            if (Word(t) == "(" && BracketEnd(t, end) is int bracket)
            {
                return bracket + 1;
            }

            return Pos(t) == "NUM" && Word(t).All(c => c is 'I' or 'V' or 'X') || Word(t) is "Jr." or "Sr." ? t + 1 : t;
        }

        /// <summary>The closing bracket of the bracket opened at <paramref name="open"/>, within a few tokens of the sentence, or null.</summary>
        public int? BracketEnd(int open, int end)
        {
            for (int t = open + 1; t < end && t - open <= MaxSubjectTokens; t++)
            {
                if (Word(t) == ")")
                {
                    return t;
                }

                if (Word(t) is "(" or "«" or "»" or "“" or "”" or "\"")
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>
        /// A cue that closes the sentence after a comma with its subject between («…, she said.», «…, Mr. Holtz-Eakin
        /// said, referencing …»), searched from <paramref name="from"/> up to another quote mark.
        /// </summary>
        public (int Cue, (TextSpan Span, string? Entity) Speaker)? PostposedCue(int from, int end)
        {
            for (int t = from + 1; t < end; t++)
            {
                if (Word(t) is "«" or "»" or "“" or "”" or "\"" || Word(t) == "'" && t + 1 < end && Word(t + 1) == "'")
                {
                    return null;
                }

                if (!IsQuoteCue(t) || !ClauseEnds(t, end))
                {
                    continue;
                }

                int comma = t - 1;
                while (comma > from && Word(comma) != "," && t - comma <= MaxSubjectTokens)
                {
                    comma = Word(comma) == ")" && BracketStart(comma, from) is int open ? open - 1 : comma - 1;
                }

                if (Word(comma) != ",")
                {
                    return null;
                }

                // «« … » d'ici à la fin de l'année, a précisé le ministre.»: the subject after an inverted cue.
                return (NameBetween(comma + 1, t) ?? (CueSpan(t).Start == document.Tokens[comma + 1].Span.Start && t + 1 < end && Pos(t + 1) is "DET" or "PROPN" or "NOUN" && SpeakerAfter(t, end) is { } after && !document.Times.Any(x => x.Span.Overlaps(after.Span)) ? after : null)) is { } subject ? (t, subject) : null;
            }

            return null;
        }

        private int? BracketStart(int close, int from)
        {
            for (int t = close - 1; t > from && close - t <= MaxSubjectTokens; t--)
            {
                if (Word(t) == "(")
                {
                    return t;
                }
            }

            return null;
        }

        /// <summary>
        /// Whether a speaker span names someone who can hold a view: a subject pronoun, a person or organisation, a proper
        /// noun or a source noun («officials», «la police»); not «the plan» or «le texte».
        /// </summary>
        public bool IsHolder(TextSpan span)
        {
            if (document.EntityMentions.Any(m => m.Type is "PER" or "ORG" && m.Span.Overlaps(span)))
            {
                return true;
            }

            (int first, int end) = document.TokensWithin(span);
            for (int t = first; t < end; t++)
            {
                if (Pos(t) == "PROPN" || lexicon.Is(Word(t), "source") || lexicon.Is(Word(t), "evidence") || lexicon.Is(Word(t), "singular") || lexicon.Is(Word(t), "plural") || lexicon.Is(Word(t), "neuter"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The first comma, period, semicolon or colon from <paramref name="from"/>, or <paramref name="end"/>.</summary>
        /// <summary>The first token from <paramref name="from"/> outside a time expression («said on Monday»).</summary>
        public int SkipTime(int from, int end)
        {
            int t = from;
            while (t < end && document.Times.Any(x => x.Span.Contains(document.Tokens[t].Span) || (Pos(t) == "ADP" && t + 1 < end && x.Span.Contains(document.Tokens[t + 1].Span))))
            {
                t++;
            }

            return t;
        }

        public int NextComma(int from, int end)
        {
            int t = from;
            while (t < end && Word(t) is not "," and not "." and not ";" and not ":")
            {
                t++;
            }

            return t;
        }

        /// <summary>A source after «selon»: a pronoun resolved, a name, or a phrase with a source noun («des témoins»).</summary>
        public (TextSpan Span, string? Entity)? Source(int first, int last)
        {
            if (first == last && Pronoun(first) is { } pronoun)
            {
                return pronoun;
            }

            // «according to the NAACP» (an organisation the tagger reads as a noun), «selon l'Insee».
            var span = TextSpan.FromBounds(document.Tokens[first].Span.Start, document.Tokens[last].Span.End);
            bool named = document.EntityMentions.Any(m => m.Type is "PER" or "ORG" && span.Contains(m.Span));
            for (int t = first; t <= last; t++)
            {
                if (named || Pos(t) == "PROPN" || lexicon.Is(Word(t), "source") || lexicon.Is(Word(t), "evidence"))
                {
                    return Phrase(first, last);
                }
            }

            return null;
        }

        public (TextSpan Span, string? Entity)? PersonBetween(int first, int last)
        {
            if (first > last)
            {
                return null;
            }

            var span = TextSpan.FromBounds(document.Tokens[first].Span.Start, document.Tokens[last].Span.End);
            EntityMention? person = document.EntityMentions.FirstOrDefault(m => m.Type == "PER" && span.Contains(m.Span));
            return person is { Type: "PER" } found ? (found.Span, EntityAt(found.Span)) : AllProperNouns(first, last) ? (span, EntityAt(span)) : null;
        }

        public bool HasVerb(TextSpan span)
        {
            (int first, int end) = document.TokensWithin(span);
            for (int t = first; t < end; t++)
            {
                if (Pos(t) is null or "VERB" or "AUX")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The nearest reporting verb before token <paramref name="before"/> in its sentence, not inside another quote.</summary>
        public int? CueBefore(int before, int sentenceStart)
        {
            for (int t = before - 1; t >= sentenceStart; t--)
            {
                if (Word(t) is "»" or "”" or "\"")
                {
                    return null;
                }

                if (IsCue(t))
                {
                    return t;
                }
            }

            return null;
        }

        /// <summary>The person a sentence is about: one named before its first verb (its subject), with its entity.</summary>
        public (TextSpan Span, string? Entity)? PersonIn(int sentence)
        {
            Sentence s = document.Sentences[sentence];
            int verb = s.FirstToken + 1; // a sentence does not open on its verb («Fire chief Tom Riley looked …»)
            while (verb < s.FirstToken + s.TokenCount && Pos(verb) is not ("VERB" or "AUX"))
            {
                verb++;
            }

            int limit = verb < document.Tokens.Length ? document.Tokens[verb].Span.Start : s.Span.End;
            foreach (EntityMention mention in document.EntityMentions)
            {
                if (mention.Type == "PER" && s.Span.Contains(mention.Span) && mention.Span.End <= limit)
                {
                    return (mention.Span, EntityAt(mention.Span));
                }
            }

            return null;
        }

        public int WordCount(TextSpan span)
        {
            int count = 0;
            (int first, int end) = document.TokensWithin(span);
            for (int t = first; t < end; t++)
            {
                count += document.Tokens[t].Kind is TokenKind.Word or TokenKind.Number ? 1 : 0;
            }

            return count;
        }

        /// <summary>The cue's span: the verb, with its auxiliary when it stands right before («a déclaré», «has said»).</summary>
        public TextSpan CueSpan(int t)
        {
            int start = t > 0 && Pos(t - 1) == "AUX" && SentenceOf(t - 1) == SentenceOf(t) ? t - 1 : t;
            return TextSpan.FromBounds(document.Tokens[start].Span.Start, document.Tokens[t].Span.End);
        }

        /// <summary>Tokens <paramref name="from"/> to the sentence end, without the final punctuation.</summary>
        public TextSpan Clause(int from, int end)
        {
            int last = end - 1;
            while (last > from && document.Tokens[last].Kind == TokenKind.Punctuation && Word(last) is not "»" and not "”" and not "\"")
            {
                last--;
            }

            return TextSpan.FromBounds(document.Tokens[from].Span.Start, document.Tokens[last].Span.End);
        }

        /// <summary>Whether nothing but a name, a title or punctuation follows the cue up to the sentence end (no new clause).</summary>
        public bool ClauseEnds(int cue, int end)
        {
            for (int t = cue + 1; t < end && Word(t) != ","; t++)
            {
                if (Pos(t) is "VERB" or "SCONJ" || lexicon.Is(Word(t), "complementizer"))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A quote with its cue and the speaker found (else an inverted pronoun by the cue, «a-t-il ajouté»).</summary>
        public Quote Attribute(QuoteKind kind, TextSpan content, int cue, (TextSpan Span, string? Entity)? speaker, int sentence)
        {
            (TextSpan Span, string? Entity)? who = speaker ?? Inverted(cue);
            return new Quote
            {
                Kind = kind,
                Content = content,
                Cue = CueSpan(cue),
                CueLemma = Lemma(cue),
                Speaker = who?.Span,
                SpeakerEntity = who?.Entity,
                Sentence = sentence,
            };
        }

        public Quote WithSpeaker(QuoteKind kind, TextSpan content, TextSpan? cue, string? lemma, TextSpan speaker, int sentence, string? entity = null) =>
            new()
            {
                Kind = kind,
                Content = content,
                Cue = cue,
                CueLemma = lemma ?? (cue is { } c ? document[c].ToLowerInvariant() : null),
                Speaker = speaker,
                SpeakerEntity = entity ?? EntityAt(speaker),
                Sentence = sentence,
            };

        /// <summary>«a-t-il ajouté», «ajouta-t-elle»: the inverted subject pronoun next to the cue, resolved.</summary>
        private (TextSpan Span, string? Entity)? Inverted(int cue)
        {
            foreach (int t in new[] { cue - 1, cue + 1 })
            {
                if (t >= 0 && t < document.Tokens.Length && Word(t).StartsWith('-') && Pronoun(t) is { } pronoun)
                {
                    return pronoun;
                }
            }

            return null;
        }

        /// <summary>The subject before the cue: the last name in the clause before it, else a pronoun resolved, else the noun phrase.</summary>
        public (TextSpan Span, string? Entity)? SpeakerBefore(int cue, int sentenceStart)
        {
            // «The Security Council issued a statement calling …», «Trump defended the remark, saying …»: a participle or
            // infinitive without a subject of its own speaks for the subject of the verb it hangs on (from the parse).
            if (GovernorSubject(cue, sentenceStart) is int subject && (Pronoun(subject) ?? SubjectPhrase(subject)) is { } governor && IsHolder(governor.Span))
            {
                return governor;
            }

            // «After campaign aides insisted in June that …», «A Quinnipiac University poll released in late August found
            // that …»: when the words before the cue read as no subject, the cue's own subject in the parse.
            return NearestSubject(cue, sentenceStart) ?? ParsedSubject(cue, sentenceStart);
        }

        /// <summary>The cue's subject in the dependency parse, before it in its sentence, when it names a holder.</summary>
        private (TextSpan Span, string? Entity)? ParsedSubject(int cue, int sentenceStart) =>
            !document.Dependencies.IsDefaultOrEmpty && SubjectOf(cue, sentenceStart) is int subject && subject < cue && !MarkBetween(subject, cue)
            && (Pronoun(subject) ?? SubjectPhrase(subject)) is { } found && IsHolder(found.Span) ? found : null;

        /// <summary>Whether a quote mark stands between two tokens (a subject inside a quotation is not the cue's).</summary>
        private bool MarkBetween(int from, int to)
        {
            for (int t = from; t <= to; t++)
            {
                if (Word(t) is "«" or "»" or "“" or "”" or "\"" or "''")
                {
                    return true;
                }
            }

            return false;
        }

        private (TextSpan Span, string? Entity)? NearestSubject(int cue, int sentenceStart)
        {

            int last = cue - 1;
            while (last >= sentenceStart && (Pos(last) is "AUX" or "ADV" || (Pos(last) == "PART" && !lexicon.Is(Word(last), "infinitive")) || Word(last).StartsWith('-') || Word(last) is "ne" or "n'" or "n’" or "se" or "s'" or "s’" or "lui" or "leur"))
            {
                if (Word(last).StartsWith('-'))
                {
                    return Pronoun(last);
                }

                last--;
            }

            // «in which he said»: a subject pronoun right before the cue, whatever leads up to it.
            if (last >= sentenceStart && IsSubjectPronoun(last) && Pos(last) == "PRON")
            {
                return Pronoun(last);
            }

            // «Cruz exhorted Republicans to "vote your conscience" and said he was»: a coordinated verb shares the subject
            // of the sentence's first verb (not of a participle in between, «les communes sinistrées et a affirmé»).
            if (last > sentenceStart && Pos(last) == "CCONJ")
            {
                int verb = sentenceStart + 1;
                while (verb < last && Pos(verb) != "VERB")
                {
                    verb++;
                }

                return verb < last ? SpeakerBefore(verb, sentenceStart) : null;
            }

            // «Sen. David Perdue (R-Ga.) said»: the name before a bracket.
            if (last > sentenceStart && Word(last) == ")")
            {
                int open = last - 1;
                while (open > sentenceStart && Word(open) != "(" && last - open <= MaxSubjectTokens)
                {
                    open--;
                }

                last = Word(open) == "(" ? open - 1 : last;
            }

            // «Le ministre, Jean Dupont, a déclaré», «Richard Revesz, director of the Institute for Policy Integrity, said»,
            // «Michael Mulgrew, president of the union, which represents teachers, said»: the nearest comma-delimited name
            // before the cue; else a short apposition that is a noun phrase («Jean Dupont, le ministre, a dit» has a name).
            if (last > sentenceStart && Word(last) == ",")
            {
                int right = last;
                for (int comma = last - 1; comma >= sentenceStart && last - comma <= 4 * MaxSubjectTokens; comma--)
                {
                    if (Word(comma) is "." or ";" or ":" or "«" or "»" or "“" or "”" or "\"")
                    {
                        break;
                    }

                    if (comma == sentenceStart || Word(comma - 1) == ",")
                    {
                        if (NameIn(comma, right - 1) is { } named)
                        {
                            return named;
                        }

                        right = comma - 1;
                    }
                }

                int open = last - 1;
                while (open > sentenceStart && Word(open) != "," && last - open <= MaxSubjectTokens)
                {
                    open--;
                }

                return Word(open) == "," && Pos(open + 1) is not ("VERB" or "PRON" or "SCONJ" or "ADP") && !HasVerb(TextSpan.FromBounds(document.Tokens[open + 1].Span.Start, document.Tokens[last - 1].Span.End))
                    ? Phrase(open + 1, last - 1)
                    : null;
            }

            int start = last;
            while (start > sentenceStart && last - start < MaxSubjectTokens && !Boundary(start - 1))
            {
                start--;
            }

            // An infinitive has the subject of the verb it depends on («Trump took to Twitter overnight to accuse»).
            if (last >= sentenceStart && Pos(last) == "PART" && lexicon.Is(Word(last), "infinitive"))
            {
                int verb = last - 1;
                while (verb > sentenceStart && Pos(verb) != "VERB" && last - verb <= MaxSubjectTokens)
                {
                    verb--;
                }

                return Pos(verb) == "VERB" && verb < last ? SpeakerBefore(verb, sentenceStart) : null;
            }

            // A phrase led by a preposition («in late August», «at a news conference») is not a subject.
            if (last < sentenceStart || Boundary(last) || Pos(last) == "PART" || Pos(start) is "ADP" or "SCONJ")
            {
                return null;
            }

            if (start == last && Pronoun(last) is { } pronoun)
            {
                return pronoun;
            }

            return Phrase(start, last);
        }

        /// <summary>
        /// The subject of the verb a subjectless cue depends on (an adverbial or complement clause, or a clause of a noun
        /// that is the object of that verb), within its sentence and before the cue; null when the cue has its own
        /// subject, the parse is missing or no governing verb has one.
        /// </summary>
        private int? GovernorSubject(int cue, int sentenceStart)
        {
            ImmutableArray<Dependency> arcs = document.Dependencies;
            if (arcs.IsDefaultOrEmpty || SubjectOf(cue, sentenceStart) is not null || arcs[cue].Relation is not ("advcl" or "xcomp" or "acl"))
            {
                return null;
            }

            int head = arcs[cue].Head;
            for (int hops = 0; head >= sentenceStart && head < cue && hops < 3; hops++)
            {
                if (Pos(head) is "VERB" or "AUX")
                {
                    return SubjectOf(head, sentenceStart) is int subject && subject < cue && !MarkBetween(subject, cue) ? subject : null;
                }

                // «footage of Hillary Clinton asking»: a participle on a name speaks for that name.
                if (Pos(head) == "PROPN")
                {
                    return MarkBetween(head, cue) ? null : head;
                }

                // «a statement calling for»: the noun is the object of the verb that has the subject.
                if (arcs[head].Relation is not ("obj" or "obl" or "nmod"))
                {
                    return null;
                }

                head = arcs[head].Head;
            }

            return null;
        }

        private int? SubjectOf(int verb, int sentenceStart)
        {
            ImmutableArray<Dependency> arcs = document.Dependencies;
            int end = sentenceStart + document.Sentences[SentenceOf(verb)].TokenCount;
            for (int t = sentenceStart; t < end; t++)
            {
                if (arcs[t].Head == verb && arcs[t].Relation.StartsWith("nsubj", StringComparison.Ordinal))
                {
                    return t;
                }
            }

            return null;
        }

        /// <summary>A subject's noun phrase: the head with its determiners, modifiers and name parts, as a speaker.</summary>
        private (TextSpan Span, string? Entity)? SubjectPhrase(int head)
        {
            ImmutableArray<Dependency> arcs = document.Dependencies;
            int first = head, last = head;
            Sentence sentence = document.Sentences[SentenceOf(head)];
            for (int t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
            {
                if (arcs[t].Head == head && arcs[t].Relation is "det" or "amod" or "compound" or "flat" or "flat:name" or "nmod:poss" or "nummod")
                {
                    (first, last) = (Math.Min(first, t), Math.Max(last, t));
                }
            }

            // «Mayor Tom Bradley» (Bradley hangs on Tom): name parts of name parts.
            int sentenceEnd = sentence.FirstToken + sentence.TokenCount;
            while (last + 1 < sentenceEnd && arcs[last + 1].Head >= first && arcs[last + 1].Head <= last && arcs[last + 1].Relation is "flat" or "flat:name" or "compound")
            {
                last++;
            }

            // The person named in the phrase, whatever the parse made its head.
            var span = TextSpan.FromBounds(document.Tokens[first].Span.Start, document.Tokens[last].Span.End);
            return document.EntityMentions.FirstOrDefault(m => m.Type == "PER" && span.Contains(m.Span)) is { Type: "PER" } person
                ? (person.Span, EntityAt(person.Span))
                : Phrase(first, last);
        }

        /// <summary>Whether token <paramref name="t"/> is part of a person's or organisation's name.</summary>
        public bool IsNamed(int t) => document.EntityMentions.Any(m => m.Type is "PER" or "ORG" && m.Span.Contains(document.Tokens[t].Span));

        /// <summary>A person named from token <paramref name="t"/> on, or proper nouns up to a comma or the sentence end.</summary>
        public (TextSpan Span, string? Entity)? NameAt(int t)
        {
            int start = document.Tokens[t].Span.Start;
            if (document.EntityMentions.FirstOrDefault(m => m.Type == "PER" && m.Span.Start == start) is { Type: "PER" } person)
            {
                return (person.Span, EntityAt(person.Span));
            }

            int last = t;
            while (last + 1 < document.Tokens.Length && SentenceOf(last + 1) == SentenceOf(t) && Pos(last + 1) == "PROPN" && last - t < 4)
            {
                last++;
            }

            return Pos(t) == "PROPN" && last > t ? Phrase(t, last) : null;
        }

        /// <summary>
        /// Tokens <paramref name="first"/>..<paramref name="last"/> as a name: a person or organisation named at their end
        /// with nothing before it but a title, a conjunction or an adverb («But Megan Hester», «Sen. David Perdue»), or proper nouns only.
        /// </summary>
        private (TextSpan Span, string? Entity)? NameIn(int first, int last)
        {
            if (first > last || last - first >= MaxSubjectTokens)
            {
                return null;
            }

            // Proper nouns only are the name whatever the tagger made of it («Salifou Maïga», not «Maïga»).
            var span = TextSpan.FromBounds(document.Tokens[first].Span.Start, document.Tokens[last].Span.End);
            if (AllProperNouns(first, last) && last - first < 4)
            {
                return (span, EntityAt(span));
            }

            if (document.EntityMentions.LastOrDefault(m => m.Type is "PER" or "ORG" && span.Contains(m.Span) && m.Span.End == span.End) is not { Type: "PER" or "ORG" } name)
            {
                return null;
            }

            for (int t = first; t < last && document.Tokens[t].Span.End <= name.Span.Start; t++)
            {
                if (Pos(t) is not ("PROPN" or "NOUN" or "ADJ" or "DET" or "CCONJ" or "ADV") && Word(t) != ".")
                {
                    return null;
                }
            }

            return (name.Span, EntityAt(name.Span));
        }

        /// <summary>
        /// The speaker after an inverted cue: the first person named before the sentence ends («a déclaré à l'AFP Jean
        /// Dupont, un habitant»), else the phrase after it, past a prepositional phrase («à l'AFP»), up to a comma.
        /// </summary>
        public (TextSpan Span, string? Entity)? SpeakerAfter(int cue, int end)
        {
            int first = cue + 1;
            if (first >= end || document.Tokens[first].Kind == TokenKind.Punctuation)
            {
                return null;
            }

            var rest = TextSpan.FromBounds(document.Tokens[first].Span.Start, document.Tokens[end - 1].Span.End);
            foreach (EntityMention mention in document.EntityMentions)
            {
                if (mention.Type == "PER" && rest.Contains(mention.Span))
                {
                    return (mention.Span, EntityAt(mention.Span));
                }
            }

            if (Pos(first) == "ADP")
            {
                first++;
                while (first < end && Pos(first) == "DET")
                {
                    first++;
                }

                first++; // the object of «à l'AFP», «to Reuters»
            }

            // A phrase up to a comma or a verb, not led by a preposition («said at Monday's debate» names nobody), with a name or a
            // source noun; never an object pronoun («told him»).
            int last = first;
            while (last + 1 < end && (document.Tokens[last + 1].Kind != TokenKind.Punctuation || Word(last + 1) is "-" or "'" or "’") && Pos(last + 1) is not ("PART" or "VERB"))
            {
                last++;
            }

            return first < end && document.Tokens[first].Kind != TokenKind.Punctuation && Pos(first) is not ("PRON" or "ADP") && last - first < MaxSubjectTokens
                ? Source(first, last)
                : null;
        }

        /// <summary>A name or pronoun between a quote's close and its cue («"…," Smith said», «"…," he said», «», a-t-il dit»).</summary>
        public (TextSpan Span, string? Entity)? NameBetween(int from, int cue)
        {
            int first = from, last = cue - 1;
            while (first <= last && (document.Tokens[first].Kind == TokenKind.Punctuation || Pos(first) == "AUX"))
            {
                first++;
            }

            while (last >= first && Pos(last) is "AUX" or "ADV")
            {
                last--;
            }

            // «Sen. Claire Morgan (D-Mo.)»: the party in brackets is not the name.
            if (last > first && Word(last) == ")" && BracketStart(last, first) is int open && open > first && NextComma(first, open) == open)
            {
                last = open - 1;
            }

            if (first > last)
            {
                return null;
            }

            if (first == last && Pronoun(first) is { } pronoun)
            {
                return pronoun;
            }

            // «retired Air Force general Lloyd Newton said»: a person named at the end, whatever leads up to the name.
            var span = TextSpan.FromBounds(document.Tokens[first].Span.Start, document.Tokens[last].Span.End);
            if (document.EntityMentions.LastOrDefault(m => m.Type == "PER" && span.Contains(m.Span)) is { Type: "PER" } person
                && document.FirstTokenFrom(person.Span.End) is int after && (after < 0 || after > last || Word(after) == "("))
            {
                return (person.Span, EntityAt(person.Span));
            }

            // «my father», «her spokesman», «one West Virginia official»: a possessive or a number before a noun.
            bool possessive = Pos(first) is "PRON" or "NUM" && first < last && Pos(first + 1) is "NOUN" or "ADJ" or "PROPN";
            return possessive || Pos(first) is null or "PROPN" or "DET" or "NOUN" or "ADJ" ? Phrase(first, last) : null;
        }

        /// <summary>Tokens <paramref name="start"/>..<paramref name="last"/> as a speaker: the last person or organisation named in them, else the phrase.</summary>
        private (TextSpan Span, string? Entity)? Phrase(int start, int last)
        {
            var span = TextSpan.FromBounds(document.Tokens[start].Span.Start, document.Tokens[last].Span.End);
            // A name of proper nouns only is the speaker whatever the tagger made of it («Salifou Maïga»).
            if (AllProperNouns(start, last))
            {
                return (span, EntityAt(span));
            }

            // A person named in the phrase is the speaker («le président ukrainien Volodymyr Zelensky»); an
            // organisation only when it is the whole phrase (not «Santé» in «ministère de la Santé»).
            // The last one is the head when several are named («Trump campaign spokesman Jason Miller»).
            EntityMention? person = document.EntityMentions.LastOrDefault(m => m.Type == "PER" && span.Contains(m.Span));
            if (person is { Type: "PER" } name)
            {
                return (name.Span, EntityAt(name.Span));
            }

            bool nominal = Pos(start) == "DET" && last > start;
            for (int t = start; t <= last; t++)
            {
                nominal |= Pos(t) is null or "NOUN" or "PROPN";
            }

            // Without a leading determiner: «ministère de la Défense», not «le ministère de la Défense».
            while (start < last && Pos(start) == "DET")
            {
                start++;
            }

            span = TextSpan.FromBounds(document.Tokens[start].Span.Start, document.Tokens[last].Span.End);
            return nominal ? (span, EntityAt(span)) : null;
        }

        private bool IsSubjectPronoun(int t) =>
            lexicon.Words.TryGetValue(Word(t).ToLowerInvariant(), out string? kind) && kind is "singular" or "plural" or "neuter" or "relative";

        /// <summary>
        /// A subject pronoun and what it refers to: the most recent person (singular), organisation («it»), the name just
        /// before a relative pronoun («some economists, who argue»), or the group the sentence before is about (plural).
        /// The span is the pronoun's, as the press and PolNeAR mark it, except for a plural group named without an entity.
        /// </summary>
        private (TextSpan Span, string? Entity)? Pronoun(int t)
        {
            string word = Word(t).ToLowerInvariant();
            string? number = lexicon.Words.TryGetValue(word, out string? kind) && kind is "singular" or "plural" or "neuter" or "relative" ? kind : null;
            if (number is null)
            {
                return null;
            }

            // The first person (or organisation) named in the latest sentence that names one (subjects come first), before the pronoun.
            int position = document.Tokens[t].Span.Start;
            if (number is "singular" or "neuter")
            {
                string type = number == "singular" ? "PER" : "ORG";
                EntityMention? named = document.EntityMentions
                    .Where(m => m.Type == type && m.Span.End <= position)
                    .GroupBy(m => m.Sentence)
                    .MaxBy(g => g.Key)?
                    .First();
                return (document.Tokens[t].Span, named is { } found ? EntityAt(found.Span) : null);
            }

            // «Richard Revesz, who runs the institute, said»: the name right before the relative pronoun.
            if (number == "relative")
            {
                int before = t > 0 && Word(t - 1) == "," ? t - 2 : t - 1;
                return before >= 0 && SentenceOf(before) == SentenceOf(t) && Pos(before) is "NOUN" or "PROPN"
                    ? (document.Tokens[t].Span, EntityAt(document.Tokens[before].Span))
                    : null;
            }

            // Plural: the organisation or group that is the subject of the sentence before («Les enquêteurs de l'ONU ont …»).
            int sentence = SentenceOf(t);
            if (sentence > 0)
            {
                Sentence before = document.Sentences[sentence - 1];
                int verb = before.FirstToken;
                while (verb < before.FirstToken + before.TokenCount && Pos(verb) is not ("VERB" or "AUX") && Word(verb) != ",")
                {
                    verb++;
                }

                if (verb > before.FirstToken && Pos(before.FirstToken) == "DET" && Phrase(before.FirstToken, verb - 1) is { } group)
                {
                    return group;
                }
            }

            return (document.Tokens[t].Span, null);
        }

        private bool AllProperNouns(int first, int last)
        {
            for (int t = first; t <= last; t++)
            {
                if (Pos(t) != "PROPN" && !(t > first && t < last && Word(t) is "-"))
                {
                    return false;
                }
            }

            return true;
        }

        private string? EntityAt(TextSpan span) =>
            document.Entities.FirstOrDefault(e => e.Mentions.Any(m => m.Span.Overlaps(span) && (span.Contains(m.Span) || m.Span.Contains(span))))?.Id;

        private bool Boundary(int t) =>
            (document.Tokens[t].Kind == TokenKind.Punctuation && Word(t) is not "-" and not "'" and not "’" and not ".")
            || lexicon.Is(Word(t), "complementizer") || Pos(t) is "SCONJ" or "CCONJ" or "VERB";

        private static int[] SentenceIndex(Document document)
        {
            int[] index = new int[Math.Max(1, document.Tokens.Length)];
            for (int s = 0; s < document.Sentences.Length; s++)
            {
                Sentence sentence = document.Sentences[s];
                Array.Fill(index, s, sentence.FirstToken, sentence.TokenCount);
            }

            return index;
        }
    }
}

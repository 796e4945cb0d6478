using System.Collections.Immutable;
using Sitrep.Corpora;

namespace Sitrep.Tagging.Lemmas;

/// <summary>How many lemmas were scored and how many were right.</summary>
public readonly record struct LemmaTally(int Total, int Correct)
{
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    public LemmaTally Add(bool correct) => new(Total + 1, Correct + (correct ? 1 : 0));
}

/// <summary>A wrong lemma: the form, its gold UPOS, the gold lemma and the guess.</summary>
public sealed record LemmaError(string Form, string Upos, string Gold, string Guess, bool Known);

/// <summary>
/// Lemma accuracy on one file. <see cref="Words"/>: every syntactic word (CoNLL-U word line) with its gold UPOS;
/// <see cref="Known"/>: words whose (form, UPOS) is in the lexicon, as written or lower-cased; <see cref="Unknown"/>:
/// the others (suffix tree, numbers, punctuation). <see cref="MultiwordTokens"/>: the surface tokens of multiword
/// tokens («du», «au»), scored as <see cref="LemmaCorpus.SurfaceWord"/> defines them.
/// </summary>
public sealed record LemmaFileScore(
    string File,
    LemmaTally Words,
    LemmaTally Known,
    LemmaTally Unknown,
    ImmutableArray<KeyValuePair<string, LemmaTally>> PerUpos,
    LemmaTally MultiwordTokens,
    ImmutableArray<LemmaError> Errors);

/// <summary>Measures a <see cref="Lemmatizer"/> against the gold lemmas of UD files, with gold UPOS.</summary>
public static class LemmaEvaluator
{
    public static LemmaFileScore Evaluate(Lemmatizer lemmatizer, string file, IEnumerable<ConlluSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(lemmatizer);
        ArgumentNullException.ThrowIfNull(sentences);
        LemmaTally words = default, known = default, unknown = default, multiword = default;
        var perUpos = new SortedDictionary<string, LemmaTally>(StringComparer.Ordinal);
        var errors = ImmutableArray.CreateBuilder<LemmaError>();
        foreach (ConlluSentence sentence in sentences)
        {
            foreach (ConlluWord word in sentence.Words)
            {
                string gold = word.Lemma.Replace('\u2019', '\'');
                string guess = lemmatizer.Lemmatize(word.Form, word.Upos, out LemmaSource source);
                bool correct = string.Equals(guess, gold, StringComparison.Ordinal);
                bool isKnown = source is LemmaSource.Lexicon or LemmaSource.LexiconIgnoringCase;
                words = words.Add(correct);
                if (isKnown)
                {
                    known = known.Add(correct);
                }
                else
                {
                    unknown = unknown.Add(correct);
                }

                perUpos[word.Upos] = perUpos.GetValueOrDefault(word.Upos).Add(correct);
                if (!correct)
                {
                    errors.Add(new LemmaError(word.Form, word.Upos, gold, guess, isKnown));
                }
            }

            foreach (ConlluToken token in sentence.Tokens)
            {
                if (token.IsMultiword && LemmaCorpus.SurfaceWord(sentence, token) is var (upos, lemma))
                {
                    string guess = lemmatizer.Lemmatize(token.Form, upos);
                    multiword = multiword.Add(string.Equals(guess, lemma.Replace('\u2019', '\''), StringComparison.Ordinal));
                }
            }
        }

        return new LemmaFileScore(file, words, known, unknown, [.. perUpos], multiword, errors.ToImmutable());
    }
}

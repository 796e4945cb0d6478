using Sitrep.Corpora;
using Sitrep.Tagging.Lemmas;
using Sitrep.Tagging.PartOfSpeech;
using Sitrep.Tagging.Sequence;

namespace Sitrep.Tagging.Dependencies;

/// <summary>A UD sentence as the parser sees it: words, gold tags and lemmas, gold tree (CoNLL-U heads, 0 = root).</summary>
public sealed record TreeView(string[] Words, string[] Tags, string[] Lemmas, int[] Heads, string[] Relations);

/// <summary>
/// Turns UD sentences into parser training sentences. Each sentence is seen as its syntactic words and, when it
/// has multiword tokens, once more as its surface tokens (Sitrep's tokenizer keeps French «du», «au», «des»
/// whole), as the part-of-speech recipe does. Tags and lemmas are those the taggers would predict: with
/// jack-knifing, each fold is tagged by a part-of-speech model trained on the other folds, so the parser learns
/// from tags as wrong as they will be at run time.
/// </summary>
public static class DependencyCorpus
{
    /// <summary>The sentence as words, then as surface tokens when that differs and still makes a tree.</summary>
    public static IEnumerable<TreeView> Views(ConlluSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        yield return new TreeView(
            [.. sentence.Words.Select(w => w.Form)],
            [.. sentence.Words.Select(w => w.Upos)],
            [.. sentence.Words.Select(w => w.Lemma)],
            [.. sentence.Words.Select(w => w.Head)],
            [.. sentence.Words.Select(w => w.Deprel)]);
        if (sentence.Tokens.Any(t => t.IsMultiword) && Surface(sentence) is TreeView surface)
        {
            yield return surface;
        }
    }

    /// <summary>
    /// The tree over surface tokens: a multiword token takes the arc of its word whose head lies outside it («du»
    /// = de + le: both hang on the noun, the first, «de» case, is kept), and arcs into any of its words go to it.
    /// Null when that does not give a tree.
    /// </summary>
    public static TreeView? Surface(ConlluSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        int words = sentence.Words.Length;
        var tokenOf = new int[words + 1];
        var wordIndex = new Dictionary<int, int>();
        for (int i = 0; i < words; i++)
        {
            wordIndex[sentence.Words[i].Id] = i;
        }

        for (int t = 0; t < sentence.Tokens.Length; t++)
        {
            ConlluToken token = sentence.Tokens[t];
            for (int id = token.FirstWord; id <= token.LastWord; id++)
            {
                if (id < 1 || id > words)
                {
                    return null;
                }

                tokenOf[id] = t + 1;
            }
        }

        int n = sentence.Tokens.Length;
        var forms = new string[n];
        var tags = new string[n];
        var lemmas = new string[n];
        var heads = new int[n + 1];
        var relations = new string[n];
        heads[0] = -1;
        for (int t = 0; t < n; t++)
        {
            ConlluToken token = sentence.Tokens[t];
            ConlluWord? chosen = null;
            for (int id = token.FirstWord; id <= token.LastWord && wordIndex.TryGetValue(id, out int w); id++)
            {
                ConlluWord word = sentence.Words[w];
                if (word.Head < token.FirstWord || word.Head > token.LastWord)
                {
                    chosen = word;
                    break;
                }
            }

            if (chosen is null || chosen.Head < 0 || chosen.Head > words)
            {
                return null;
            }

            forms[t] = token.Form;
            tags[t] = sentence.Words[wordIndex[token.FirstWord]].Upos;
            lemmas[t] = token.IsMultiword ? token.Form.ToLowerInvariant() : chosen.Lemma;
            heads[t + 1] = chosen.Head == 0 ? 0 : tokenOf[chosen.Head];
            relations[t] = chosen.Deprel;
        }

        return Projectivizer.IsTree(heads) ? new TreeView(forms, tags, lemmas, heads[1..], relations) : null;
    }

    /// <summary>Training sentences with the tags and lemmas a tagger gives (<paramref name="tagger"/> null: gold ones).</summary>
    public static List<DependencySentence> WithTags(IEnumerable<TreeView> views, Func<IReadOnlyList<string>, string[]>? tagger, Lemmatizer? lemmatizer)
    {
        ArgumentNullException.ThrowIfNull(views);
        var result = new List<DependencySentence>();
        foreach (TreeView view in views)
        {
            string[] tags = tagger is null ? view.Tags : tagger(view.Words);
            string[] lemmas = tagger is null || lemmatizer is null
                ? view.Lemmas
                : [.. view.Words.Select((word, i) => lemmatizer.Lemmatize(word, tags[i]))];
            result.Add(DependencySentence.FromWords(view.Words, tags, lemmas, view.Heads, view.Relations));
        }

        return result;
    }

    /// <summary>
    /// Jack-knifed training sentences: the sentences are cut into <paramref name="folds"/> folds (sentence i in fold
    /// i mod folds); each fold is tagged by a part-of-speech model trained, with the shipped recipe, on the others.
    /// Lemmas come from <paramref name="lemmatizer"/> given those tags.
    /// </summary>
    public static List<DependencySentence> JackKnife(
        string language,
        IReadOnlyList<ConlluSentence> sentences,
        int folds,
        IWordClusterSource? clusters,
        Lemmatizer? lemmatizer,
        PosTrainingOptions? posOptions = null,
        Action<int>? foldDone = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var tagged = new List<DependencySentence>[folds];
        for (int fold = 0; fold < folds; fold++)
        {
            var training = new List<ConlluSentence>();
            var held = new List<ConlluSentence>();
            for (int i = 0; i < sentences.Count; i++)
            {
                (i % folds == fold ? held : training).Add(sentences[i]);
            }

            var tagger = PosTagger.Train(language, training, clusters, posOptions);
            tagged[fold] = WithTags(held.SelectMany(Views), tagger.Tag, lemmatizer);
            foldDone?.Invoke(fold + 1);
        }

        return [.. tagged.SelectMany(t => t)];
    }
}

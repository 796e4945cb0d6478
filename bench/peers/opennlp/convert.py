#!/usr/bin/env python3
"""Converters between Sitrep's exported NER files and Apache OpenNLP's name-finder format.

Sitrep exports `token TAB tag` lines (IOB2), a blank line after each sentence. OpenNLP reads and writes one
sentence a line, tokens separated by white space, names marked `<START:per> Jacques Chirac <END>`.

  convert.py train OUT IN.tsv...       training files -> one name-sample file (all sentences, in order)
  convert.py sentences OUT IN.tsv      evaluation file -> one tokenised sentence a line, no markup
  convert.py merge OUT IN.tsv TAGGED   evaluation file + OpenNLP output -> token TAB gold TAB predicted

OpenNLP splits lines on Java white space (Character.isWhitespace or a SPACE_SEPARATOR such as U+00A0), so a
token containing any such character (a space, a no-break space) would
become several tokens, and a token that looks like `<END>` or `<START:x>` would be read as markup. Such
characters are replaced by `_` and markup-like tokens get a `‹` prefix before OpenNLP sees them; `merge`
takes the tokens from the exported file, so the scored file always has the original tokens. `merge` fails
if OpenNLP's output does not have exactly the exported tokens (after that replacement), sentence by
sentence, rather than scoring misaligned tags.
"""

import re
import sys
import unicodedata

MARKUP = re.compile(r"^(<START(:[^:>\s]*)?>|<END>)$")
START = re.compile(r"^<START:([^:>\s]*)>$")
# Java's Character.isWhitespace also covers the information separators U+001C..U+001F.
JAVA_EXTRA_WHITESPACE = {"\u001c", "\u001d", "\u001e", "\u001f"}


def is_java_space(ch):
    return ch.isspace() or ch in JAVA_EXTRA_WHITESPACE or unicodedata.category(ch) in ("Zs", "Zl", "Zp")


def sanitize(token):
    """The form OpenNLP sees: one white-space-free token that is not markup."""
    clean = "".join("_" if is_java_space(ch) else ch for ch in token) or "_"
    if MARKUP.match(clean):
        clean = "\u2039" + clean
    return clean


def read_sentences(path):
    """Yields lists of (token, tag) from a `token TAB tag` file with blank lines between sentences."""
    sentence = []
    with open(path, encoding="utf-8", newline="\n") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.endswith("\r"):
                line = line[:-1]
            if not line:
                if sentence:
                    yield sentence
                    sentence = []
                continue
            parts = line.split("\t")
            if len(parts) < 2:
                sys.exit(f"{path}:{number}: expected token TAB tag, got {line!r}")
            sentence.append((parts[0], parts[-1]))
    if sentence:
        yield sentence


def spans(tags):
    """(start, end exclusive, type) for each IOB2 name; an I- without a matching B- starts a name too."""
    result = []
    start, kind = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and kind == label
        if start is not None and not continues:
            result.append((start, i, kind))
            start, kind = None, None
        if prefix in ("B", "I") and not continues:
            start, kind = i, label
    return result


def train(out, inputs):
    sentences = names = changed = 0
    with open(out, "w", encoding="utf-8", newline="\n") as w:
        for path in inputs:
            for sentence in read_sentences(path):
                words = [sanitize(token) for token, _ in sentence]
                changed += sum(word != token for word, (token, _) in zip(words, sentence))
                marked = list(words)
                for start, end, kind in spans([tag for _, tag in sentence]):
                    marked[start] = f"<START:{kind.lower()}> " + marked[start]
                    marked[end - 1] = marked[end - 1] + " <END>"
                    names += 1
                w.write(" ".join(marked) + "\n")
                sentences += 1
    print(f"{out}: {sentences} sentences, {names} names, {changed} tokens rewritten for OpenNLP", file=sys.stderr)


def sentences(out, path):
    count = tokens = changed = 0
    with open(out, "w", encoding="utf-8", newline="\n") as w:
        for sentence in read_sentences(path):
            words = [sanitize(token) for token, _ in sentence]
            w.write(" ".join(words) + "\n")
            count += 1
            tokens += len(sentence)
            changed += sum(word != token for word, (token, _) in zip(words, sentence))
    print(f"{out}: {count} sentences, {tokens} tokens, {changed} rewritten for OpenNLP", file=sys.stderr)


def parse_tagged(line):
    """OpenNLP's output line -> (tokens, IOB2 tags)."""
    tokens, tags = [], []
    kind = None
    first = False
    for piece in line.split():
        match = START.match(piece)
        if match:
            kind, first = match.group(1).upper(), True
        elif piece == "<END>":
            kind = None
        else:
            tokens.append(piece)
            if kind is None:
                tags.append("O")
            else:
                tags.append(("B-" if first else "I-") + kind)
                first = False
    return tokens, tags


def merge(out, path, tagged):
    with open(tagged, encoding="utf-8", newline="\n") as f:
        lines = [line.rstrip("\n").rstrip("\r") for line in f]
    # TokenNameFinder echoes an empty input line as an empty output line; the input has none.
    lines = [line for line in lines if line.strip()]
    gold = list(read_sentences(path))
    if len(lines) != len(gold):
        sys.exit(f"{tagged}: {len(lines)} tagged sentences, {path} has {len(gold)}")
    with open(out, "w", encoding="utf-8", newline="\n") as w:
        for number, (sentence, line) in enumerate(zip(gold, lines), 1):
            tokens, predicted = parse_tagged(line)
            expected = [sanitize(token) for token, _ in sentence]
            if tokens != expected:
                sys.exit(f"{tagged}: sentence {number} does not have the exported tokens:\n  {expected}\n  {tokens}")
            for (token, tag), guess in zip(sentence, predicted):
                w.write(f"{token}\t{tag}\t{guess}\n")
            w.write("\n")
    print(f"{out}: {len(gold)} sentences", file=sys.stderr)


def main(argv):
    if len(argv) >= 3 and argv[0] == "train":
        train(argv[1], argv[2:])
    elif len(argv) == 3 and argv[0] == "sentences":
        sentences(argv[1], argv[2])
    elif len(argv) == 4 and argv[0] == "merge":
        merge(argv[1], argv[2], argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])

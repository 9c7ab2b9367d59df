#!/usr/bin/python3
"""The translationese signal of the review score (dragoman.review.TranslationeseModel), in Python.

Features of a German segment (mirrored exactly by TranslationeseModel.java; a test there pins the
feature strings of example sentences derived by hand):
  tokens   words ([letters] with inner hyphens), numbers and the punctuation marks . , ; : ! ? ( )
           -- quotes, dashes, apostrophes and spacing are typesetting and are dropped;
           words are lower-cased with ß -> ss (Swiss spelling must not be a signal).
  shape    a function word (FunctionWords.GERMAN) stays itself; other words become C
           (capitalised: nouns, names, sentence starts) or L (lower case); numbers 0.
  features w:<word> for each lower-case or function word (capitalised words -- nouns, names --
           are left out so that named entities and topics cannot leak),
           b:<x> <y> for each pair of neighbours where x, y are the word if it is lower-case or a
           function word, else its shape,
           s:<a> <b> <c> shape trigrams with <s> and </s> at the ends.
  value    each distinct feature 1/sqrt(number of distinct features) (L2 normalisation: the logit
           does not grow with sentence length).
Logit = bias + sum of weights of present features * value. A logistic regression, fitted by
eval/review-fit-lm, machine = 1, human = 0.
"""
import math
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+(?:[.,]\d+)*|[.,;:!?()]")


def word_list(name):
    """A word list of src/main/resources/dragoman/words/, read as review/WordList.java
    reads it: one entry a line, stripped; blank lines and lines starting with # are skipped."""
    path = os.path.join(ROOT, "src/main/resources/dragoman/words", name)
    with open(path, encoding="utf-8-sig") as f:
        entries = (line.strip() for line in f)
        return {e for e in entries if e and not e.startswith("#")}


def function_words():
    """FunctionWords.GERMAN: the resource file both sides read."""
    return sorted(word_list("function-words-de.txt"))


def norm(word):
    return word.lower().replace("ß", "ss")


def tokens(text):
    # Java's \p{L} / \p{Nd}: Python's \w also takes other numerals ("½", "²") as word characters
    text = "".join(" " if c.isalnum() and not c.isalpha() and not c.isdecimal() else c for c in text)
    return TOKEN.findall(text)


def shape(tok, fw):
    w = norm(tok)
    if w in fw:
        return w
    c = tok[0]
    if c.isdigit():
        return "0"
    if not c.isalpha():
        return tok
    return "C" if c.isupper() else "L"


def lexical(tok, fw):
    """The word itself where it may be a feature (lower-case or function word), else its shape."""
    w = norm(tok)
    if w in fw or (tok[0].isalpha() and tok[0].islower()):
        return w
    return shape(tok, fw)


def features(text, fw):
    toks = tokens(text)
    out = set()
    lex = [lexical(t, fw) for t in toks]
    for t, l in zip(toks, lex):
        if t[0].isalpha() and l not in ("C", "L"):
            out.add("w:" + l)
    for a, b in zip(lex, lex[1:]):
        out.add("b:" + a + " " + b)
    sh = ["<s>"] + [shape(t, fw) for t in toks] + ["</s>"]
    for a, b, c in zip(sh, sh[1:], sh[2:]):
        out.add("s:" + a + " " + b + " " + c)
    return sorted(out)


def logit(model, text, fw=None):
    fs = features(text, fw if fw is not None else set(model["functionWords"]))
    if not fs:
        return model["bias"]
    v = 1 / math.sqrt(len(fs))
    return model["bias"] + v * sum(model["weights"].get(f, 0.0) for f in fs)

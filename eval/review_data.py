"""Data for the review's generalisation work: readers of the splits in eval/README.md ("Review that
generalises: splits") and a Moses-style German detokeniser that keeps each token's offsets, so word
tags (MLQE-PE) map onto characters of the detokenised text."""
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")

_NO_SPACE_BEFORE = re.compile(r"^[,.;:!?%)\]}»“‘]+$|^'s$")
_NO_SPACE_AFTER = re.compile(r"^[(\[{«„]+$")


def detokenize_tokens(tokens):
    """Joins Moses tokens into text; returns (text, [(start, end)] per token). Straight double quotes
    alternate between opening (no space after) and closing (no space before)."""
    out, spans, opening, glue_next = [], [], True, True
    pos = 0
    for tok in tokens:
        space = not glue_next
        glue_next = False
        if tok == '"':
            if opening:
                glue_next = True
            else:
                space = False
            opening = not opening
        elif _NO_SPACE_BEFORE.match(tok):
            space = False
        elif _NO_SPACE_AFTER.match(tok):
            glue_next = True
        if tok in ("-",) and out and out[-1].endswith("-"):
            space = False
        if space and out:
            out.append(" ")
            pos += 1
        spans.append((pos, pos + len(tok)))
        out.append(tok)
        pos += len(tok)
    return "".join(out), spans


def detokenize(line):
    return detokenize_tokens(line.split())[0]


def lines(path):
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f]


def wmt21_de_sources():
    """Original German news (WMT21 de-en sources), 1,000 lines."""
    return lines(os.path.join(DATA, "wmt21", "newstest2021.de-en.src.de"))


def wmt21_en_sources():
    return lines(os.path.join(DATA, "wmt21", "newstest2021.en-de.src.en"))


# Text+Berg's scans render the low single quote ‚ as a comma (or a full stop) glued to the next word, and its
# closing ‘ as a straight apostrophe: ",Yeti '". The tokeniser splits every real comma off its word, so a comma
# or full stop that still starts a word is the quote; left as it is, fluent human German looks broken.
_SCANNED_LOW_QUOTE = re.compile(r"^[,.](?=[^\W\d_])")


def restore_scanned_quotes(tokens):
    """Text+Berg tokens with the scanner's ,X ' turned back into ‚X‘ (the closing quote glued on)."""
    out, open_quote = [], False
    for tok in tokens:
        if _SCANNED_LOW_QUOTE.match(tok):
            tok, open_quote = "‚" + tok[1:], True
        if open_quote and "'" in tok:
            tok, open_quote = tok.replace("'", "‘", 1), False
        out.append(tok)
    return out


def textberg(name):
    """Text+Berg dev side ('dev.de' human, 'dev.google.de' machine), detokenised, with line numbers."""
    return [(i, detokenize_tokens(restore_scanned_quotes(l.split()))[0])
            for i, l in enumerate(lines(os.path.join(DATA, "textberg-defr", name)))]


# The cut between Text+Berg's first (fitting) and second (held-out) halves, as eval/review_eval.py has it.
TEXTBERG_HUMAN_CUT = 234
TEXTBERG_MACHINE_CUT = 276
# The first half is cut again, where the gold alignment pairs human line 117 with French (and so Google's) line 161,
# into a training quarter (the detector, the generator and the translationese model learn from it) and a
# calibration quarter (the combiner and the threshold are fitted on it). Calibrating on lines a model was trained
# on makes its scores look surer than they are on new text, and the threshold too low.
TEXTBERG_TRAIN_HUMAN_CUT = 117
TEXTBERG_TRAIN_MACHINE_CUT = 161
# WMT21 en-de lines below this train the detector, the generator and the translationese model; lines from here
# to 500 calibrate the combiner (and pick the detector's epoch); 500-1001 are dev.
WMT21_ENDE_TRAIN_LINES = 400


def mlqe(split):
    """MLQE-PE en-de rows: dict(mt, mt_tokens, mt_spans, tags (word tags), pe, hter)."""
    d = os.path.join(DATA, "mlqe-pe-ende")
    mt = lines(os.path.join(d, f"{split}.mt"))
    pe = lines(os.path.join(d, f"{split}.pe"))
    hter = [float(x) for x in lines(os.path.join(d, f"{split}.hter"))]
    tags = lines(os.path.join(d, f"{split}.tags"))
    rows = []
    for m, p, h, t in zip(mt, pe, hter, tags):
        toks = m.split()
        text, spans = detokenize_tokens(toks)
        word_tags = t.split()[1::2]
        assert len(word_tags) == len(toks)
        rows.append(dict(mt=text, mt_tokens=toks, mt_spans=spans, tags=word_tags, pe=detokenize(p), hter=h))
    return rows

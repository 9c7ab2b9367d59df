#!/usr/bin/env python3
"""Sentence alignment stress tests made from parallel text that is 1-1 by construction.

newstest2021 (eval/data/wmt21) pairs every German line with one English line. This script cuts such
a pair of files into pseudo-documents of 50 to 300 consecutive lines (the files carry no document
ids) and damages each document the way real parallel documents are damaged, recording where every
sentence went as gold beads in vecalign's format (one bead a line, `[0,1]:[0]`, `[3]:[]`).

Walking the lines of a document, each line starts (rates per line, documented in eval/README.md):
  2-1 merge   3%   two German lines against their two English lines joined into one sentence
  1-2 merge   3%   two German lines joined, against two English lines
  3-1 merge   1%   three German lines against their English joined
  1-3 merge   1%   three German lines joined, against three English lines
  German split  2%   the German line cut in two at a comma near its middle (a 2-1 bead)
  English split 2%   the English line cut in two (a 1-2 bead)
  German deleted  2%   a run of German lines gone (1 line 60%, else 2 to 4): 0-1 beads
  English deleted 2%   a run of English lines gone: 1-0 beads
  otherwise  1-1.
A line already taken by an earlier event is not drawn again. Then, with probability 0.5 per
document, a paragraph of 3 to 8 consecutive English sentences is moved at least 10 beads away: an
alignment is monotone, so the gold links its German sentences to nothing (1-0) where they stand and
the moved English sentences to nothing (0-1) where they land.

A translation of one side (another human translation of the same original, the stand-in for a
machine translation) follows its side through every change: joined when its side is joined, cut at
the same fraction of its length when its side is split, deleted with it.

Usage:
  align_stress.py OUT_DIR NAME DE EN [--de-translation FILE | --en-translation FILE]
                  --lines FROM:TO --seed N
writes OUT_DIR/NAME-<k>.{de,en,gold} and .de.en (translation of the German into English, for
--src-translation) or .en.de (translation of the English into German, for --tgt-translation), and
prints one line per document: name, German and English sentence counts, gold beads by shape.
"""

import argparse
import collections
import os
import random
import sys

RATES = [  # (event, probability per line)
    ("2-1", 0.03),
    ("1-2", 0.03),
    ("3-1", 0.01),
    ("1-3", 0.01),
    ("split-de", 0.02),
    ("split-en", 0.02),
    ("del-de", 0.02),
    ("del-en", 0.02),
]
MOVE_PROBABILITY = 0.5
MIN_DOC, MAX_DOC = 50, 300


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def split_at_comma(text):
    """Cuts at the comma nearest the middle that leaves 3 words either side; None if there is none."""
    best = None
    for k, c in enumerate(text):
        if c == "," and k + 1 < len(text):
            left, right = text[: k + 1].strip(), text[k + 1 :].strip()
            if len(left.split()) >= 3 and len(right.split()) >= 3:
                if best is None or abs(k - len(text) / 2) < abs(best - len(text) / 2):
                    best = k
    if best is None:
        return None
    return text[: best + 1].strip(), text[best + 1 :].strip(), (best + 1) / len(text)


def split_at_fraction(text, fraction):
    """Cuts a translation at the space nearest the same fraction of its length."""
    target = int(len(text) * fraction)
    spaces = [k for k, c in enumerate(text) if c == " "]
    if not spaces:
        return text, ""
    k = min(spaces, key=lambda s: abs(s - target))
    return text[:k].strip(), text[k:].strip()


class Unit:
    """One gold bead: German sentences, English sentences, and the translation of the translated side."""

    def __init__(self, de, en, tr):
        self.de, self.en, self.tr = de, en, tr


def damage(de, en, tr, translated, rng):
    """Units for one document; tr[k] translates de[k] (translated == 'de') or en[k]."""
    units = []
    n = len(de)
    k = 0

    while k < n:
        r = rng.random()
        event = "1-1"
        acc = 0.0
        for name, p in RATES:
            acc += p
            if r < acc:
                event = name
                break
        if event in ("2-1", "1-2", "3-1", "1-3"):
            size = 3 if "3" in event else 2
            if k + size > n:
                event = "1-1"
        if event == "1-1":
            units.append(Unit([de[k]], [en[k]], [tr[k]]))
            k += 1
        elif event in ("2-1", "3-1"):  # German lines stay, English joined
            size = 2 if event == "2-1" else 3
            joined = " ".join(en[k : k + size])
            trs = tr[k : k + size] if translated == "de" else [" ".join(tr[k : k + size])]
            units.append(Unit(de[k : k + size], [joined], trs))
            k += size
        elif event in ("1-2", "1-3"):
            size = 2 if event == "1-2" else 3
            joined = " ".join(de[k : k + size])
            trs = [" ".join(tr[k : k + size])] if translated == "de" else tr[k : k + size]
            units.append(Unit([joined], en[k : k + size], trs))
            k += size
        elif event in ("split-de", "split-en"):
            side = de[k] if event == "split-de" else en[k]
            cut = split_at_comma(side)
            if cut is None:
                units.append(Unit([de[k]], [en[k]], [tr[k]]))
            else:
                a, b, fraction = cut
                if (event == "split-de") == (translated == "de"):
                    ta, tb = split_at_fraction(tr[k], fraction)
                    trs = [ta, tb]
                else:
                    trs = [tr[k]]
                if event == "split-de":
                    units.append(Unit([a, b], [en[k]], trs))
                else:
                    units.append(Unit([de[k]], [a, b], trs))
            k += 1
        else:  # a run of deletions on one side
            run = 1 if rng.random() < 0.6 else rng.randint(2, 4)
            run = min(run, n - k)
            for x in range(k, k + run):
                if event == "del-de":  # German gone: the English stands alone (0-1)
                    units.append(Unit([], [en[x]], [tr[x]] if translated == "en" else []))
                else:
                    units.append(Unit([de[x]], [], [tr[x]] if translated == "de" else []))
            k += run
    if rng.random() < MOVE_PROBABILITY:
        move_paragraph(units, translated, rng)
    return units


def move_paragraph(units, translated, rng):
    size = rng.randint(3, 8)
    candidates = [
        s
        for s in range(len(units) - size)
        if all(len(u.de) == 1 and len(u.en) == 1 for u in units[s : s + size])
    ]
    if not candidates:
        return
    start = rng.choice(candidates)
    places = [p for p in range(len(units) + 1) if p < start - 10 or p > start + size + 10]
    if not places:
        return
    place = rng.choice(places)
    moved = []
    for u in units[start : start + size]:
        moved.append(Unit([], u.en, u.tr if translated == "en" else []))
        u.en = []
        if translated == "en":
            u.tr = []
    units[place:place] = moved  # the emptied units keep their places, so the indices hold


def write_document(out_dir, name, units, translated):
    de, en, tr, gold = [], [], [], []
    for u in units:
        if u.de and u.en:
            gold.append((list(range(len(de), len(de) + len(u.de))), list(range(len(en), len(en) + len(u.en)))))
        else:  # deletions: one bead a sentence, as in vecalign's gold files
            for k in range(len(u.de)):
                gold.append(([len(de) + k], []))
            for k in range(len(u.en)):
                gold.append(([], [len(en) + k]))
        de.extend(u.de)
        en.extend(u.en)
        tr.extend(u.tr)
    expected = len(de) if translated == "de" else len(en)
    assert len(tr) == expected, (name, len(tr), expected)

    def save(suffix, lines):
        with open(os.path.join(out_dir, name + suffix), "w", encoding="utf-8") as f:
            f.writelines(line + "\n" for line in lines)

    save(".de", de)
    save(".en", en)
    save(".de.en" if translated == "de" else ".en.de", tr)
    fmt = lambda ids: "[" + ",".join(map(str, ids)) + "]"
    save(".gold", [fmt(s) + ":" + fmt(t) for s, t in gold])
    shapes = collections.Counter(f"{len(s)}-{len(t)}" for s, t in gold)
    return len(de), len(en), shapes


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out_dir")
    p.add_argument("name")
    p.add_argument("de")
    p.add_argument("en")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--de-translation", help="a translation of the German lines into English")
    g.add_argument("--en-translation", help="a translation of the English lines into German")
    p.add_argument("--lines", required=True, help="FROM:TO, 0-based, TO exclusive")
    p.add_argument("--seed", type=int, required=True)
    a = p.parse_args()
    de, en = read_lines(a.de), read_lines(a.en)
    translated = "de" if a.de_translation else "en"
    tr = read_lines(a.de_translation or a.en_translation)
    if not len(de) == len(en) == len(tr):
        sys.exit(f"align_stress.py: {a.de}, {a.en} and the translation differ in length; give line-parallel files")
    lo, hi = (int(x) for x in a.lines.split(":"))
    rng = random.Random(a.seed)
    os.makedirs(a.out_dir, exist_ok=True)
    k = lo
    doc = 0
    while k < hi:
        size = rng.randint(MIN_DOC, MAX_DOC)
        if hi - (k + size) < MIN_DOC:
            size = hi - k
        name = f"{a.name}-{doc}"
        units = damage(de[k : k + size], en[k : k + size], tr[k : k + size], translated, rng)
        n_de, n_en, shapes = write_document(a.out_dir, name, units, translated)
        print(name, n_de, n_en, " ".join(f"{s}:{c}" for s, c in sorted(shapes.items())), sep="\t")
        k += size
        doc += 1


if __name__ == "__main__":
    main()

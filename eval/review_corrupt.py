#!/usr/bin/env python3
"""Generator of MT-like German: corrupts human-written German sentences and records the corrupted
spans and their class. Reproducible: the same --seed gives byte-identical output (every sentence
draws from its own generator, seeded by --seed and the sentence's id).

Classes (MQM fluency: grammar, agreement, word order, punctuation, spelling, untranslated text; plus
what web MT does to markup and sentence boundaries):
  agreement          a verb in the other number, or an article/pronoun/adjective in another case;
                     alternatives are real forms from LanguageTool's morphology (eval/tools/Inflections.java)
  participle         an uninflected past participle between article and adjective
  word-order         the clause-final non-finite verb moved up next to its auxiliary
                     ("wird ... bekannt geben" -> "wird geben ... bekannt")
  punctuation        a space before a comma and none after ("Wort ,und")
  spelling           a letter swapped, dropped or doubled in a long word
  untranslated       a few words replaced by English words
  spliced-caption    link or caption text spliced into the sentence, every word capitalised
  missing-boundary   two sentences run together without the full stop
  glued-infinitive   a bare zu-infinitive clause glued onto the end of a sentence

Usage: eval/review-corrupt [--seed N]   (writes eval/data/review-corrupt/{train,dev}.jsonl)
Splits as in eval/README.md: train from WMT21 de-en sources 0-699, Text+Berg dev.de lines 0-116,
MLQE-PE train post-edits and WMT21 en-de references A, C, D lines 0-399 (two corruptions of each
sentence); dev from WMT21 de-en sources 700-999 (two of each)."""
import argparse
import hashlib
import json
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import review_data as rd  # noqa: E402

OUT = os.path.join(rd.DATA, "review-corrupt")
TABLE = os.path.join(OUT, "inflections.tsv")
CLASSES = ["agreement", "participle", "word-order", "punctuation", "spelling", "untranslated", "spliced-caption",
           "missing-boundary", "glued-infinitive"]
WORD = re.compile(r"\w+(?:-\w+)*|[^\w\s]", re.UNICODE)
AUX = {"hat", "haben", "ist", "sind", "wird", "werden", "wurde", "wurden", "war", "waren", "kann",
       "können", "muss", "müssen", "soll", "sollen", "will", "wollen", "darf", "dürfen", "hatte",
       "hatten", "konnte", "konnten", "sollte", "sollten", "möchte", "würde", "würden"}
ZU_CLAUSE = re.compile(r", (?:um )?((?:[\w-]+ ){1,5}zu [a-zäöüß]+en)(?=[.,;])")


def tokens(text):
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def clean_sentence(s):
    s = s.strip()
    return len(s.split()) >= 6 and s[-1:] in ".!?" and s[:1].isupper()


def load_table(vocab):
    """word -> {kind: [alternatives]}; built once with LanguageTool (needs ./dragoman built)."""
    if not os.path.exists(TABLE):
        here = os.path.dirname(rd.HERE)
        cp = open(os.path.join(here, "target", "runtime-classpath.txt")).read().strip()
        res = subprocess.run(["java", "-cp", cp, os.path.join(rd.HERE, "tools", "Inflections.java")],
                             input="\n".join(sorted(vocab)) + "\n", capture_output=True, text=True, check=True)
        os.makedirs(OUT, exist_ok=True)
        with open(TABLE, "w", encoding="utf-8") as f:
            f.write(res.stdout)
    table = {}
    for line in rd.lines(TABLE):
        w, kind, alt = line.split("\t")
        table.setdefault(w, {}).setdefault(kind, []).append(alt)
    return table


def rng_for(seed, ident):
    return random.Random(int(hashlib.sha256(f"{seed}:{ident}".encode()).hexdigest()[:16], 16))


def replace(text, start, end, new):
    return text[:start] + new + text[end:]


def c_agreement(text, r, ctx):
    cands = [(s, e, w) for s, e, w in tokens(text)[1:] if w in ctx["table"]]
    if not cands:
        return None
    s, e, w = r.choice(cands)
    kinds = ctx["table"][w]
    kind = "number" if "number" in kinds and (r.random() < 0.6 or "case" not in kinds) else "case"
    alt = r.choice(sorted(kinds[kind]))
    return replace(text, s, e, alt), [(s, s + len(alt))]


def c_word_order(text, r, ctx):
    """The clause-final non-finite verb of a verb cluster moved up: next to its auxiliary or modal
    ("wird ... bekannt geben" -> "wird geben ... bekannt"), or in front of the phrase before it
    ("kann ... mit dem Auto fahren" -> "kann ... fahren mit dem Auto")."""
    toks = tokens(text)
    ends = [j for j, t in enumerate(toks) if t[2] in ".!?,;:" and j >= 4]
    r.shuffle(ends)
    for j in ends:
        vs, ve, verb = toks[j - 1]
        if not re.fullmatch(r"[a-zäöüß]+(en|t|n)", verb):
            continue
        start = max([k for k in range(j) if toks[k][2] in ",;:"] + [-1]) + 1
        auxes = [i for i in range(max(start, 1), j - 3) if toks[i][2].lower() in AUX]
        if not auxes:
            continue
        i = auxes[-1]
        if r.random() < 0.5:
            to = toks[i][1]
        else:
            k = r.randrange(i + 2, j - 1)
            to = toks[k][0] - 1
        without = text[:vs].rstrip() + text[ve:]
        return without[:to] + " " + verb + without[to:], [(to + 1, to + 1 + len(verb))]
    return None


ARTICLES = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"}


def c_participle(text, r, ctx):
    """An uninflected past participle between article and adjective ("die angekündigt neuen Regeln"):
    an agreement error in the noun phrase (the participle lacks the adjective ending)."""
    toks = tokens(text)
    gaps = [k for k in range(len(toks) - 2) if toks[k][2].lower() in ARTICLES
            and re.fullmatch(r"[a-zäöüß]+e[nmrs]?", toks[k + 1][2]) and toks[k + 2][2][:1].isupper()]
    if not gaps or not ctx["participles"]:
        return None
    k = r.choice(gaps)
    part = r.choice(ctx["participles"])
    p = toks[k + 1][0]
    return text[:p] + part + " " + text[p:], [(p, p + len(part))]


def c_punctuation(text, r, ctx):
    commas = [m.start() for m in re.finditer(r"(?<=\w), (?=\w)", text)]
    if not commas:
        return None
    p = r.choice(commas)
    return text[:p] + " ," + text[p + 2:], [(p, p + 2)]


def c_spelling(text, r, ctx):
    cands = [(s, e, w) for s, e, w in tokens(text) if len(w) >= 6 and w.isalpha()]
    if not cands:
        return None
    s, e, w = r.choice(cands)
    i = r.randrange(1, len(w) - 2)
    op = r.choice(["swap", "drop", "double"])
    if op == "swap" and w[i] != w[i + 1]:
        nw = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    elif op == "drop":
        nw = w[:i] + w[i + 1:]
    else:
        nw = w[:i] + w[i] + w[i:]
    return replace(text, s, e, nw), [(s, s + len(nw))]


def c_untranslated(text, r, ctx):
    toks = [t for t in tokens(text)[1:-1] if t[2].isalpha()]
    if len(toks) < 4:
        return None
    n = r.choice([1, 2, 3])
    j = r.randrange(0, len(toks) - n)
    s, e = toks[j][0], toks[j + n - 1][1]
    if not re.fullmatch(r"[\w\s-]+", text[s:e]):
        return None
    en = [w for w in r.choice(ctx["english"]).split() if w.isalpha()]
    if len(en) < n + 1:
        return None
    k = r.randrange(0, len(en) - n)
    chunk = " ".join(en[k:k + n]).lower()
    return replace(text, s, e, chunk), [(s, s + len(chunk))]


def c_spliced_caption(text, r, ctx):
    other = [w for w in r.choice(ctx["pool"]).split() if re.fullmatch(r"[\wäöüÄÖÜß-]+", w)]
    if len(other) < 3:
        return None
    n = r.choice([2, 3, 4])
    k = r.randrange(0, max(1, len(other) - n))
    chunk = " ".join(w[:1].upper() + w[1:] for w in other[k:k + n])
    gaps = [m.start() for m in re.finditer(r"(?<=\w) (?=\w)", text)][1:]
    if not gaps:
        return None
    p = r.choice(gaps)
    return text[:p] + " " + chunk + text[p:], [(p + 1, p + 1 + len(chunk))]


def c_missing_boundary(text, r, ctx):
    nxt = r.choice(ctx["pool"])
    if text[-1] != "." or not clean_sentence(nxt):
        return None
    head = text[:-1]
    last = head.rsplit(" ", 1)
    s = len(last[0]) + 1 if len(last) == 2 else 0
    first = nxt.split(" ", 1)[0]
    new = head + " " + nxt
    return new, [(s, len(head) + 1 + len(first))]


def c_glued_infinitive(text, r, ctx):
    if text[-1] != ".":
        return None
    clause = r.choice(ctx["zu"])
    new = text[:-1] + " " + clause + "."
    return new, [(len(text), len(text) + len(clause))]


MAKERS = {"agreement": c_agreement, "participle": c_participle, "word-order": c_word_order, "punctuation": c_punctuation,
          "spelling": c_spelling, "untranslated": c_untranslated, "spliced-caption": c_spliced_caption,
          "missing-boundary": c_missing_boundary, "glued-infinitive": c_glued_infinitive}


def corrupt(text, r, ctx, cls):
    out = MAKERS[cls](text, r, ctx)
    if out is None or out[0] == text:
        return None
    return out


def build(split, sentences, english, seed, table, per_sentence):
    pool = [s for _, s in sentences]
    zu = [m.group(1) for s in pool for m in ZU_CLAUSE.finditer(s)]
    participles = sorted({w for s in pool for w in re.findall(r"\bge[a-zäöüß]{3,}t\b", s)})
    ctx = {"table": table, "english": english, "pool": pool, "zu": zu, "participles": participles}
    records = []
    for ident, s in sentences:
        r = rng_for(seed, ident)
        records.append({"id": ident + ".clean", "split": split, "text": s, "label": 0, "class": "clean", "spans": []})
        order = CLASSES[:]
        r.shuffle(order)
        made = 0
        for cls in order:
            out = corrupt(s, r, ctx, cls)
            if out is None:
                continue
            text, spans = out
            records.append({"id": f"{ident}.{cls}", "split": split, "text": text, "label": 1, "class": cls,
                            "spans": [[a, b, cls] for a, b in spans]})
            made += 1
            if made == per_sentence:
                break
    return records


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=20261201)
    args = ap.parse_args()
    wmt = rd.wmt21_de_sources()
    tb = [(i, s) for i, s in rd.textberg("dev.de") if i < rd.TEXTBERG_TRAIN_HUMAN_CUT]
    mlqe = rd.mlqe("train")
    refs = {r: rd.lines(os.path.join(rd.DATA, "wmt21", f"newstest2021.en-de.ref.{r}.de")) for r in "ACD"}
    train = [(f"wmt21-de.{i}", s) for i, s in enumerate(wmt[:700]) if clean_sentence(s)]
    train += [(f"textberg-de.{i}", s) for i, s in tb if clean_sentence(s)]
    train += [(f"mlqe-train-pe.{i}", row["pe"]) for i, row in enumerate(mlqe) if clean_sentence(row["pe"])]
    # Human translations into German (WMT21 en-de references, lines 0-399; 400-499 calibrate, 500-1001 are dev).
    train += [(f"wmt21-en-de-ref{r}.{i}", s) for r in "ACD" for i, s in enumerate(refs[r][:rd.WMT21_ENDE_TRAIN_LINES])
              if clean_sentence(s)]
    dev = [(f"wmt21-de.{i}", s) for i, s in enumerate(wmt) if i >= 700 and clean_sentence(s)]
    en = rd.wmt21_en_sources()
    vocab = {w for _, s in train + dev for _, _, w in tokens(s) if w.isalpha()}
    table = load_table(vocab)
    os.makedirs(OUT, exist_ok=True)
    for name, sents, english, k in (("train", train, en[:700], 2), ("dev", dev, en[700:], 2)):
        recs = build(name, sents, english, args.seed, table, k)
        with open(os.path.join(OUT, f"{name}.jsonl"), "w", encoding="utf-8") as f:
            for rec in recs:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        counts = {}
        for rec in recs:
            counts[rec["class"]] = counts.get(rec["class"], 0) + 1
        print(name, len(recs), json.dumps(counts, sort_keys=True), file=sys.stderr)


if __name__ == "__main__":
    main()

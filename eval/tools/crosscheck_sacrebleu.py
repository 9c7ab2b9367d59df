#!/usr/bin/env python3
"""Development cross-check (not run by CI): `dragoman eval bleu|chrf`, corpus and --sentence,
against the sacreBLEU 2.x Python package, on a few WMT21 systems with one and with all references,
and on random sentences built from tokenizer-hostile pieces (entities, Unicode spaces, emoji, digits
with points and dashes).

    python3 -m venv /tmp/sb && /tmp/sb/bin/pip install sacrebleu
    /tmp/sb/bin/python eval/tools/crosscheck_sacrebleu.py

Prints the largest absolute difference per data set, metric and level; exits 1 above 1e-9.
"""
import glob
import os
import random
import subprocess
import sys
import tempfile

from sacrebleu.metrics import BLEU, CHRF

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "eval", "data", "wmt21")
DRAGOMAN = os.path.join(ROOT, "dragoman")
PIECES = ["Hello,", "world.", "3.50", "$5", "1-2", "well-known", "(hi)", "&quot;x&quot;", "&amp;",
          "<skipped>", "a\u00a0b", "tab\there", "emoji\U0001F600x", "Stra\u00dfe", "...", '"q"',
          "x,y", "10,000", "end.", "\u2014", "\u00abZitat\u00bb", "it's", "U.S.", "\u2009thin",
          "\u3000ideo", "a\x1cb", "CR\rx"]


def lines(path):
    # sacreBLEU reads with newline="\n": only LF ends a line.
    with open(path, encoding="utf-8", newline="\n") as f:
        return f.read().split("\n")[:-1]


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(rows) + "\n")


def ours(args):
    r = subprocess.run([DRAGOMAN, "eval", *args], capture_output=True, text=True)
    if r.returncode:
        sys.exit("dragoman eval " + " ".join(args) + " failed: " + r.stderr)
    return [float(line.split()[0]) for line in r.stdout.splitlines() if line[:1].isdigit()]


def main():
    tmp = tempfile.mkdtemp()
    rng = random.Random(5)
    sent = lambda: " ".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12)))
    hyp, r1, r2 = [sent() for _ in range(300)], [sent() or "x" for _ in range(300)], [sent() for _ in range(300)]
    for i in range(0, 300, 7):
        hyp[i] = r1[i]
    for name, rows in (("hyp", hyp), ("r1", r1), ("r2", r2)):
        write(os.path.join(tmp, name), rows)
    sets = [("synthetic", [os.path.join(tmp, "hyp")], [os.path.join(tmp, "r1"), os.path.join(tmp, "r2")])]
    for pair, tgt, letters in (("de-en", "en", "AB"), ("en-de", "de", "ACD")):
        hyps = sorted(glob.glob(f"{DATA}/system-outputs/newstest2021.{pair}.hyp.*.{tgt}"))[:3]
        sets.append((pair, hyps, [f"{DATA}/newstest2021.{pair}.ref.{x}.{tgt}" for x in letters]))
    worst = {}
    for name, hyps, refs in sets:
        for n in (1, len(refs)):
            ref_lines = [lines(r) for r in refs[:n]]
            for h in hyps:
                h_lines = lines(h)
                for metric, flags, corpus_metric, sentence_metric in (
                        ("bleu", [], BLEU(), BLEU(effective_order=True)),
                        ("chrf", [], CHRF(), CHRF()),
                        ("chrf++", ["--word-order", "2"], CHRF(word_order=2), CHRF(word_order=2))):
                    cmd = "bleu" if metric == "bleu" else "chrf"
                    base = [cmd, *flags, "--ref", *refs[:n], "--hyp", h]
                    d = abs(corpus_metric.corpus_score(h_lines, ref_lines).score - ours(base)[0])
                    key = f"{name} {metric} corpus"
                    worst[key] = max(worst.get(key, 0), d)
                    got = ours([*base[:1], "--sentence", *base[1:]])
                    for i, line in enumerate(h_lines):
                        expected = sentence_metric.sentence_score(line, [r[i] for r in ref_lines]).score
                        key = f"{name} {metric} sentence"
                        worst[key] = max(worst.get(key, 0), abs(expected - got[i]))
    for key, d in worst.items():
        print(f"{key}: max abs diff {d:.3g}")
    sys.exit(1 if max(worst.values()) > 1e-9 else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Development cross-check (not run by CI): `dragoman eval bleu|chrf|ter` with sacreBLEU's options
(tokenizers, lowercasing, smoothing, n-gram order, chrF whitespace/eps smoothing/word order, every
TER option) and the paired tests, against the sacreBLEU 2.x Python package, on random sentences
built from tokenizer-hostile pieces (CJK, kana, full-width punctuation, entities, possessives,
Unicode spaces, digits with points and dashes).

    python3 -m venv /tmp/sb && /tmp/sb/bin/pip install sacrebleu
    /tmp/sb/bin/python eval/tools/crosscheck_sacrebleu_options.py

Prints the largest absolute difference per configuration; exits 1 above 1e-9.
"""
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile

from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.significance import PairedTest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DRAGOMAN = os.path.join(ROOT, "dragoman")
PIECES = ["Hello,", "world.", "3.50", "$5", "1-2", "well-known", "(hi)", "&quot;x&quot;", "&amp;",
          "Jim's", "it's", "U.S.", "10,000", "end.", "\u2014", "\u00abZitat\u00bb", "a\u00a0b",
          "\u2009thin", "\u3000ideo", "\u7f8e\u4f17\u9662", "\u308a\u306e\u62f3\u9283", "\u30ab\u30bf",
          "\uff01", "\u3002", "\u201cq\u201d", "\u2190", "STRASSE", "Stra\u00dfe", "\u00c9t\u00e9",
          "x;y", "a:b", "?!", "\U0001F600", "ok", "the", "cat", "sat", "mat"]


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(rows) + "\n")


def ours(args):
    r = subprocess.run([DRAGOMAN, "eval", *args], capture_output=True, text=True)
    if r.returncode:
        sys.exit("dragoman eval " + " ".join(args) + " failed: " + r.stderr)
    return r.stdout


def numbers(out):
    return [float(line.split()[0]) for line in out.splitlines() if line[:1].isdigit()]


def main():
    tmp = tempfile.mkdtemp()
    rng = random.Random(7)
    sent = lambda: " ".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14)))
    n = 200
    ref = [sent() or "x" for _ in range(n)]
    systems = []
    for s in range(3):
        hyp = [sent() for _ in range(n)]
        for i in range(s, n, 4):
            hyp[i] = ref[i]
        systems.append(hyp)
    paths = [os.path.join(tmp, f"sys{s}") for s in range(3)]
    for p, rows in zip(paths, systems):
        write(p, rows)
    ref_path = os.path.join(tmp, "ref")
    write(ref_path, ref)
    # sacreBLEU's command line right-strips every line; so does ours
    refs = [[r.rstrip() for r in ref]]
    hyps = [[h.rstrip() for h in s] for s in systems]

    configs = []
    for tok, lc, smooth in itertools.product(["none", "13a", "intl", "char", "zh"], [False, True],
                                             ["exp", "none", "floor", "add-k"]):
        flags = ["--tokenize", tok, "--smooth-method", smooth] + (["--lowercase"] if lc else [])
        kw = dict(tokenize=tok, lowercase=lc, smooth_method=smooth)
        configs.append(("bleu", flags, BLEU(**kw), BLEU(effective_order=True, **kw)))
    configs.append(("bleu", ["--smooth-value", "0.3", "-s", "floor", "--max-ngram-order", "3"],
                    BLEU(smooth_method="floor", smooth_value=0.3, max_ngram_order=3),
                    BLEU(smooth_method="floor", smooth_value=0.3, max_ngram_order=3,
                         effective_order=True)))
    for ws, eps, lc, nw in itertools.product([False, True], [False, True], [False, True], [0, 2]):
        flags = ["--chrf-word-order", str(nw)] + (["--chrf-whitespace"] if ws else []) \
            + (["--chrf-eps-smoothing"] if eps else []) + (["--chrf-lowercase"] if lc else [])
        m = CHRF(word_order=nw, whitespace=ws, eps_smoothing=eps, lowercase=lc)
        configs.append(("chrf", flags, m, m))
    for norm, punct, asian, case in itertools.product([False, True], repeat=4):
        flags = [f for f, on in (("--ter-normalized", norm), ("--ter-no-punct", punct),
                                 ("--ter-asian-support", asian), ("--ter-case-sensitive", case)) if on]
        m = TER(normalized=norm, no_punct=punct, asian_support=asian, case_sensitive=case)
        configs.append(("ter", flags, m, m))

    worst = {}
    for metric, flags, corpus_metric, sentence_metric in configs:
        key = f"{metric} {' '.join(flags) or 'default'}"
        out = ours([metric, *flags, "--ref", ref_path, "--hyp", paths[0]])
        d = abs(corpus_metric.corpus_score(hyps[0], refs).score - numbers(out)[0])
        sig = out.splitlines()[0].split("\t")[2].rsplit("|version:", 1)[0]
        if sig != corpus_metric.get_signature().format().rsplit("|version:", 1)[0]:
            print(f"{key}: signature {sig} differs from {corpus_metric.get_signature()}")
            d = float("inf")
        got = numbers(ours([metric, *flags, "--sentence", "--ref", ref_path, "--hyp", paths[0]]))
        for i, line in enumerate(hyps[0]):
            d = max(d, abs(sentence_metric.sentence_score(line, [refs[0][i]]).score - got[i]))
        worst[key] = d

    # paired tests: every score, p-value, mean and interval
    for test, flag in (("bs", "--paired-bs"), ("ar", "--paired-ar")):
        for metric, m in (("bleu", BLEU()), ("chrf", CHRF()), ("ter", TER())):
            expected = PairedTest(list(zip(paths, hyps)), {metric: m}, refs, test_type=test,
                                  n_samples=300)()[1]
            name = [k for k in expected if k != "System"][0]
            got = json.loads(ours([metric, "--ref", ref_path, "--hyp", *paths, flag,
                                   f"{flag}-n", "300", "-f", "json"]))
            d = 0.0
            for row, res in zip(got, expected[name]):
                for field in ("score", "p_value", "mean", "ci"):
                    a, b = row[name][field], getattr(res, field)
                    if (a is None) != (b is None):
                        d = float("inf")
                    elif a is not None:
                        d = max(d, abs(a - float(b)))
            worst[f"paired {test} {metric}"] = d

    for key, d in worst.items():
        print(f"{key}: max abs diff {d:.3g}")
    sys.exit(1 if max(worst.values()) > 1e-9 else 0)


if __name__ == "__main__":
    main()

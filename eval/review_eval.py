#!/usr/bin/python3
"""Fit and evaluate the old review score (superseded by review_general.py).

  review_eval.py fit   -> src/main/resources/dragoman/review/weights.json
  review_eval.py eval  -> eval/results/review.md

Data (read from the folder $DRAGOMAN_EVAL_DATA names, or from eval/data where copied with its PROVENANCE):
  seeds       $DRAGOMAN_EVAL_DATA/seed-review-labels.tsv (artifact=1, clean=0; subtle left out)
  textberg    eval/data/textberg-defr: dev.de (human, OCR'd, tokenized) vs dev.google.de (machine),
              both detokenized by detokenize() below, reviewed as de-CH
  mqm         $DRAGOMAN_EVAL_DATA/mqm-ted-ende (evaluation only): segments with a Major Fluency error vs none
  wmt21       $DRAGOMAN_EVAL_DATA/wmt21 en-de: human reference A vs four system outputs, lines 0-499
              (evaluation only).

The weights are fitted on the seeds plus the first half of Text+Berg dev (each side); the second
half of Text+Berg, MQM and WMT21 are held out. WMT21 refs vs 2021 systems was tried as fitting data
and rejected: the human references carry as many findings as the systems (see review.md).
Needs numpy (Debian python3-numpy).
"""
import collections
import json
import math
import os
import re
import subprocess
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import review_data as rd  # noqa: E402
import translationese  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# Evaluation-only sets (MQM TED is CC BY-NC-ND and is not shipped) are read from the folder the
# user names; eval/run passes its --data DIR here.
SHARED = os.environ.get("DRAGOMAN_EVAL_DATA", "")
if not os.path.isdir(SHARED):
    sys.exit("eval/review_eval.py: set DRAGOMAN_EVAL_DATA to the folder with the evaluation sets"
             " (seed-review-labels.tsv, textberg-defr/, mqm-ted-ende/, wmt21/)")
WORK = os.environ.get("REVIEW_EVAL_WORK", os.path.join(os.environ.get("TMPDIR", "/tmp"), "dragoman-review-eval"))
WEIGHTS = os.path.join(ROOT, "src/main/resources/dragoman/review/weights.json")
LM = os.path.join(ROOT, "src/main/resources/dragoman/review/translationese.json")
LM_OOF = os.path.join(WORK, "translationese-oof.json")
# The translationese model's WMT21 fitting lines; 400-499 calibrate the combiner (eval/review-general fit),
# evaluation uses 500-1001.
WMT_FIT_LINES = (0, rd.WMT21_ENDE_TRAIN_LINES)
WMT_EVAL_LINES = (500, 1002)
T_FEATURE = "translationese/logit"
T_DETECTOR = "translationese"
CAP = 2
WMT_SYSTEMS_FIT = ["Facebook-AI", "Online-W", "UEdin", "happypoet"]
WMT_SYSTEMS_EVAL = ["Online-B", "VolcTrans-GLAT", "WeChat-AI", "nuclear_trans"]
WMT_REFS = ["A", "C", "D"]


def detokenize(line):
    """Moses-style detokenization for German, applied to both Text+Berg sides alike."""
    s = line.strip()
    s = re.sub(r"\s+([,.;:!?%)\]}»])", r"\1", s)
    s = re.sub(r"([(\[{«])\s+", r"\1", s)
    s = re.sub(r"\s+'\s*s\b", "'s", s)
    # straight double quotes: alternate opening (space after removed) and closing (space before)
    out, opening = [], True
    for part in re.split(r'(")', s):
        if part == '"':
            out.append('"')
            opening = not opening
        else:
            if not opening:
                part = part.lstrip()
            elif out and out[-1] == '"':
                out[-1] = '"'
            out.append(part)
    s = "".join(out)
    s = re.sub(r'\s+"(?=[\s,.;:!?]|$)', '"', s)
    return re.sub(r"\s{2,}", " ", s)


def read_seeds():
    rows = []
    for line in open(os.path.join(SHARED, "seed-review-labels.tsv"), encoding="utf-8"):
        if line.startswith("#") or line.startswith("file\t"):
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) == 6:
            rows.append((f[0], f[2], f[5].strip()))
    return rows


def write_lines(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for l in lines:
            f.write(l.replace("\n", " ").strip() + "\n")


def review(folder, variant="de-DE"):
    """Runs ./dragoman review over a folder; returns {doc: [records]} and the wall time."""
    out = folder + ".out"
    if os.environ.get("REVIEW_EVAL_REUSE") and os.path.isdir(out) and os.listdir(out):
        return load_reviews(out), float("nan")
    os.makedirs(out, exist_ok=True)
    t0 = time.time()
    subprocess.run([os.path.join(ROOT, "dragoman"), "review", folder, "--out", out, "--variant", variant],
                   check=True, stdout=subprocess.DEVNULL, stderr=open(folder + ".log", "w"))
    wall = time.time() - t0
    return load_reviews(out), wall


def load_reviews(out):
    docs = {}
    for name in sorted(os.listdir(out)):
        with open(os.path.join(out, name), encoding="utf-8") as f:
            docs[name[: -len(".jsonl")]] = [json.loads(l) for l in f]
    return docs


def by_line(records):
    """Per input line (= paragraph), the review of its segments merged: max score, all findings."""
    lines = collections.OrderedDict()
    for r in records:
        p = int(r["id"].rsplit("#p", 1)[1].split(".s")[0])
        cur = lines.setdefault(p, {"score": 0.0, "flag": False, "kinds": set(), "findings": [], "de": "", "index": p})
        rv = r["review"]
        cur["score"] = max(cur["score"], rv["score"])
        cur["flag"] |= rv["flag"]
        cur["kinds"].add(rv["kind"])
        cur["findings"] += rv["findings"]
        cur["de"] += r["de"] + " "
        cur.setdefault("segs", []).append((r["de"], rv["kind"], rv["score"], rv["findings"]))
    return lines


def features(findings):
    counts = collections.Counter(f["detector"] + "/" + f["rule"] for f in findings if f["detector"] != T_DETECTOR)
    return {k: min(CAP, v) for k, v in counts.items()}


# ---------------------------------------------------------------- data sets

def seeds_set():
    folder = os.path.join(WORK, "seeds")
    docs, _ = review(folder_of_corpus(folder))
    labels = {s: lab for _, lab, s in read_seeds()}
    items = []
    for doc, recs in docs.items():
        for r in recs:
            items.append((labels.get(r["de"].strip(), "?"), r["review"], r["de"]))
    return items


def folder_of_corpus(folder):
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(os.path.join(ROOT, "corpus")):
        if name.endswith(".txt"):
            with open(os.path.join(ROOT, "corpus", name), "rb") as a, open(os.path.join(folder, name), "wb") as b:
                b.write(a.read())
    return folder


def wmt_set(lo, hi, systems, refs=WMT_REFS, tag="fit"):
    folder = os.path.join(WORK, "wmt21-" + tag)
    base = os.path.join(SHARED, "wmt21")
    for r in refs:
        lines = open(os.path.join(base, "newstest2021.en-de.ref.%s.de" % r), encoding="utf-8").read().split("\n")[lo:hi]
        write_lines(os.path.join(folder, "ref-%s.txt" % r), lines)
    for s in systems:
        lines = open(os.path.join(base, "system-outputs", "newstest2021.en-de.hyp.%s.de" % s), encoding="utf-8").read().split("\n")[lo:hi]
        write_lines(os.path.join(folder, "sys-%s.txt" % s), lines)
    docs, wall = review(folder)
    items = []
    for doc, recs in docs.items():
        for line in by_line(recs).values():
            items.append((0 if doc.startswith("ref-") else 1, line))
    return items, wall


_TEXTBERG = {}


def textberg_set(part=None):
    """Text+Berg dev lines, human label 0, machine 1. part "fit" = first half of each side's lines,
    "eval" = second half, None = all."""
    folder = os.path.join(WORK, "textberg")
    base = os.path.join(ROOT, "eval", "data", "textberg-defr")
    for name, out in (("dev.de", "human.txt"), ("dev.google.de", "machine.txt")):
        lines = [detokenize(l) for l in open(os.path.join(base, name), encoding="utf-8").read().split("\n") if l.strip()]
        write_lines(os.path.join(folder, out), lines)
    if "run" not in _TEXTBERG:  # one review run serves both halves
        _TEXTBERG["run"] = review(folder, "de-CH")
    docs, wall = _TEXTBERG["run"]
    items = []
    for doc, recs in docs.items():
        lines = list(by_line(recs).values())
        half = len(lines) // 2
        chosen = lines[:half] if part == "fit" else lines[half:] if part == "eval" else lines
        for line in chosen:
            items.append((1 if doc == "machine" else 0, line))
    return items, wall


def mqm_set():
    folder = os.path.join(WORK, "mqm")
    path = os.path.join(SHARED, "mqm-ted-ende", "mqm_ted_ende.tsv")
    segs = collections.OrderedDict()
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            key = (row["system"], row["doc"], int(row["seg_id"]))
            text = row["target"].replace("<v>", "").replace("</v>", "")
            cur = segs.setdefault(key, {"text": text, "major_fluency": False})
            if row["severity"] == "Major" and row["category"].startswith("Fluency"):
                cur["major_fluency"] = True
    docs = collections.defaultdict(list)
    for (system, doc, seg), v in segs.items():
        docs[(system, doc)].append((seg, v))
    for (system, doc), rows in docs.items():
        rows.sort()
        write_lines(os.path.join(folder, "%s__%s.txt" % (re.sub(r"[^A-Za-z0-9_.-]", "_", system), doc)), [v["text"] for _, v in rows])
    out, wall = review(folder)
    items = []
    for (system, doc), rows in docs.items():
        name = "%s__%s" % (re.sub(r"[^A-Za-z0-9_.-]", "_", system), doc)
        lines = list(by_line(out[name]).values())
        for (_, v), line in zip(rows, lines):
            items.append((1 if v["major_fluency"] else 0, line))
    return items, wall



# ---------------------------------------------------------------- translationese model

def textberg_lines():
    """Detokenized Text+Berg dev lines per side (human 0, machine 1), as textberg_set writes them."""
    base = os.path.join(ROOT, "eval", "data", "textberg-defr")
    out = {}
    for name, y in (("dev.de", 0), ("dev.google.de", 1)):
        out[y] = [detokenize(l) for l in open(os.path.join(base, name), encoding="utf-8").read().split("\n") if l.strip()]
    return out


def wmt_lines(lo, hi, systems, refs):
    base = os.path.join(SHARED, "wmt21")
    rows = []  # (label, line index, text)
    for r in refs:
        lines = open(os.path.join(base, "newstest2021.en-de.ref.%s.de" % r), encoding="utf-8").read().split("\n")
        rows += [(0, i, lines[i]) for i in range(lo, min(hi, len(lines))) if lines[i].strip()]
    for sname in systems:
        lines = open(os.path.join(base, "system-outputs", "newstest2021.en-de.hyp.%s.de" % sname), encoding="utf-8").read().split("\n")
        rows += [(1, i, lines[i]) for i in range(lo, min(hi, len(lines))) if lines[i].strip()]
    return rows


def wmt_fit_systems():
    """Every WMT21 en-de system except the four held out for evaluation."""
    names = sorted(n[len("newstest2021.en-de.hyp."):-len(".de")] for n in os.listdir(os.path.join(SHARED, "wmt21", "system-outputs"))
                   if n.startswith("newstest2021.en-de.hyp."))
    return [n for n in names if n not in WMT_SYSTEMS_EVAL]


def lm_fit_rows():
    """(label, group, text, weight): Text+Berg dev first quarter (human 0-116, machine 0-160: the
    training cut of review_data) + WMT21 lines 0-399 (all refs vs the systems not held out). Groups
    keep a source line's versions in one fold. Each corpus weighs the same in total, and within a
    corpus the two classes weigh the same."""
    rows = []
    for name, y, cut in (("dev.de", 0, rd.TEXTBERG_TRAIN_HUMAN_CUT), ("dev.google.de", 1, rd.TEXTBERG_TRAIN_MACHINE_CUT)):
        rows += [(y, "tb%d" % i, s) for i, s in rd.textberg(name) if i < cut and s.strip()]
    wm = wmt_lines(WMT_FIT_LINES[0], WMT_FIT_LINES[1], wmt_fit_systems(), WMT_REFS)
    rows += [(y, "wmt%d" % i, t) for y, i, t in wm]
    out = []
    for corpus in ("tb", "wmt"):
        part = [r for r in rows if r[1].startswith(corpus)]
        for y in (0, 1):
            n = sum(1 for r in part if r[0] == y)
            out += [(r[0], r[1], r[2], 0.25 * len(rows) / n) for r in part if r[0] == y]
    return out


# Features that are typesetting or OCR rather than translation (found by reading the fitted
# weights; see review.md): one- and two-letter words that are no function words are OCR fragments
# of split words or the remains of dropped apostrophes ("gibt's" -> "s"), and hyphen-edged pieces.
FW_SET = set(translationese.function_words())


def lm_feature_allowed(f):
    for w in f[2:].split(" "):
        if w in ("C", "L", "0", "<s>", "</s>") or w in FW_SET or not w[0].isalpha():
            continue
        if len(w) <= 2 or w.endswith("-") or w.startswith("-"):
            return False
    return True


def lm_matrix(texts, fw, vocab):
    from scipy.sparse import csr_matrix
    data, ind, ptr = [], [], [0]
    for t in texts:
        fs = translationese.features(t, fw)
        v = 1 / math.sqrt(len(fs)) if fs else 0.0
        for f in fs:
            j = vocab.get(f)
            if j is not None:
                ind.append(j)
                data.append(v)
        ptr.append(len(ind))
    return csr_matrix((data, ind, ptr), shape=(len(texts), len(vocab)))


def lm_train(rows, fw, c):
    from sklearn.linear_model import LogisticRegression
    df = collections.Counter()
    for _, _, t, _ in rows:
        df.update(translationese.features(t, fw))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in df.items() if n >= 3 and lm_feature_allowed(f)))}
    x = lm_matrix([r[2] for r in rows], fw, vocab)
    y = np.array([r[0] for r in rows])
    sw = np.array([r[3] for r in rows])
    m = LogisticRegression(C=c, max_iter=2000)
    m.fit(x, y, sample_weight=sw)
    inv = sorted(vocab, key=vocab.get)
    weights = {f: round(float(w), 3) for f, w in zip(inv, m.coef_[0]) if abs(w) >= 0.005}
    return {"bias": round(float(m.intercept_[0]), 4), "weights": weights}


def auc(y, s):
    y, s = np.asarray(y), np.asarray(s)
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s))
    ranks[order] = np.arange(1, len(s) + 1)
    # average ranks for ties
    for v in np.unique(s):
        idx = s == v
        ranks[idx] = ranks[idx].mean()
    npos = y.sum()
    return (ranks[y == 1].sum() - npos * (npos + 1) / 2) / (npos * (len(y) - npos))


def cmd_fit_lm():
    fw = set(translationese.function_words())
    rows = lm_fit_rows()
    groups = sorted({r[1] for r in rows})
    fold = {g: i % 5 for i, g in enumerate(groups)}
    best = None
    for c in (0.3, 1.0, 3.0, 10.0):
        oof = {}
        for k in range(5):
            m = lm_train([r for r in rows if fold[r[1]] != k], fw, c)
            m["functionWords"] = sorted(fw)
            for i, r in enumerate(rows):
                if fold[r[1]] == k:
                    oof[i] = translationese.logit(m, r[2], fw)
        a_tb = auc([r[0] for i, r in enumerate(rows) if r[1].startswith("tb")], [oof[i] for i, r in enumerate(rows) if r[1].startswith("tb")])
        a_wm = auc([r[0] for i, r in enumerate(rows) if r[1].startswith("wmt")], [oof[i] for i, r in enumerate(rows) if r[1].startswith("wmt")])
        print("C %.1f  5-fold grouped ROC-AUC on the fitting data: Text+Berg %.3f  WMT21 %.3f" % (c, a_tb, a_wm), file=sys.stderr)
        if best is None or a_tb + a_wm > best[0]:
            best = (a_tb + a_wm, c)
    c = best[1]
    # out-of-fold models for the combiner's fitting data (eval/review-fit), per Text+Berg line
    folds = []
    for k in range(5):
        m = lm_train([r for r in rows if fold[r[1]] != k], fw, c)
        m["functionWords"] = sorted(fw)
        folds.append(m)
    oof_fold = {r[1]: fold[r[1]] for r in rows if r[1].startswith("tb")}
    os.makedirs(WORK, exist_ok=True)
    with open(LM_OOF, "w", encoding="utf-8") as f:
        json.dump({"fold": oof_fold, "models": folds}, f)
    model = lm_train(rows, fw, c)
    model["functionWords"] = sorted(fw)
    model["fittedOn"] = ("eval/review-fit-lm: logistic regression (C=%g, chosen by 5-fold grouped CV), machine 1 vs human 0, on "
                         "Text+Berg dev human 0-116 and machine 0-160 (detokenized) + WMT21 en-de lines %d-%d (refs %s vs systems %s); "
                         "%d lines, %d features kept" % (c, WMT_FIT_LINES[0], WMT_FIT_LINES[1] - 1, ",".join(WMT_REFS),
                                                         ",".join(wmt_fit_systems()), len(rows), len(model["weights"])))
    with open(LM, "w", encoding="utf-8") as f:
        json.dump(model, f, indent=0, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    top = sorted(model["weights"].items(), key=lambda kv: kv[1])
    print("most human:", top[:40], file=sys.stderr)
    print("most machine:", top[-40:], file=sys.stderr)
    print(model["fittedOn"], file=sys.stderr)


def oof_logit(seg_text, doc, line_index):
    """The translationese logit of a Text+Berg fitting segment from the fold model that did not see its line."""
    if "oof" not in _TEXTBERG:
        _TEXTBERG["oof"] = json.load(open(LM_OOF, encoding="utf-8"))
    o = _TEXTBERG["oof"]
    k = o["fold"].get("tb%d" % line_index)
    m = o["models"][k] if k is not None else shipped_lm()
    return translationese.logit(m, seg_text)


def shipped_lm():
    if "lm" not in _TEXTBERG:
        _TEXTBERG["lm"] = json.load(open(LM, encoding="utf-8"))
    return _TEXTBERG["lm"]


# ---------------------------------------------------------------- fitting

def fit(xs, ys, sw, prior, l2=1.0, iters=20000):
    """Logistic regression with sample weights, an L2 penalty pulling each rule's weight towards
    its prior (the rule's severity: a rule was written to catch errors, so data that rarely sees it
    should not erase it), and non-negative weights (a finding is never evidence that a segment is
    fine); projected gradient descent; the intercept is free."""
    x = np.hstack([np.ones((xs.shape[0], 1)), xs])
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[0] = 0
    # step 1/L with L the Lipschitz constant of the weighted logistic loss gradient
    lip = 0.25 * np.linalg.norm((x * np.sqrt(sw)[:, None]), 2) ** 2 + l2
    for _ in range(iters):
        p = 1 / (1 + np.exp(-x @ w))
        g = x.T @ (sw * (p - ys)) + reg * (w - np.concatenate([[0.0], prior]))
        nw = w - g / lip
        nw[1:] = np.maximum(nw[1:], 0)
        if np.abs(nw - w).max() < 1e-9:
            w = nw
            break
        w = nw
    return w


# Prior weight per severity: one MAJOR finding alone lifts a segment from the base rate to about
# 0.7 (with the intercept near -0.8), one MINOR finding to about 0.5.
PRIOR = {"MAJOR": 1.6, "MINOR": 0.8, "INFO": 0.0}


def report_thresholds(w, xs, ys, rows, n_seeds):
    """Precision and recall on both fitting sets at candidate thresholds, to choose the default."""
    z = w[0] + xs @ w[1:]
    p = 1 / (1 + np.exp(-z))
    for t in (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8):
        f = p >= t
        s, tb = slice(0, n_seeds), slice(n_seeds, None)
        def pr(sl):
            tp = (f[sl] & (ys[sl] == 1)).sum()
            return tp / max(1, f[sl].sum()), tp / max(1, (ys[sl] == 1).sum()), f[sl].sum()
        ps, rs, fs = pr(s)
        pt, rt, ft = pr(tb)
        print("threshold %.2f  seeds P %.2f R %.2f (%d flagged)  Text+Berg-fit P %.2f R %.2f (%d flagged)"
              % (t, ps, rs, fs, pt, rt, ft), file=sys.stderr)


def clip(t):
    return max(LOGIT_LOW, min(LOGIT_HIGH, t))


LOGIT_LOW, LOGIT_HIGH = -4.0, 4.0  # ReviewModel.DEFAULT_LOGIT_CLIP (the old weights name no clip)


def cmd_fit():
    """Rules + translationese log-odds. The seeds were not used to fit the translationese model, so
    they get the shipped model's log-odds; the Text+Berg lines get out-of-fold log-odds (the fold
    model of eval/review-fit-lm that did not see the line), so the combiner does not learn to trust
    a signal that has memorised its fitting data."""
    lm = shipped_lm()
    rows = []  # (label, findings, weight, translationese logit)
    for label, rv, text in seeds_set():
        if label in ("artifact", "clean") and rv["kind"] == "prose":
            rows.append((1 if label == "artifact" else 0, rv["findings"], 1.0, clip(translationese.logit(lm, text))))
    tb, _ = textberg_set("fit")
    tb = [(y, l) for y, l in tb if l["kinds"] == {"prose"}]
    n_seeds = len(rows)
    n_pos = sum(1 for y, _ in tb if y == 1)
    n_neg = len(tb) - n_pos
    for y, l in tb:
        t = max(clip(oof_logit(seg, None, l["index"])) for seg, kind, _, _ in l["segs"] if kind == "prose")
        rows.append((y, l["findings"], 0.5 * n_seeds / (n_pos if y else n_neg), t))
    feats = sorted({k for _, f, _, _ in rows for k in features(f)} - {"document/non-prose"})
    index = {k: i for i, k in enumerate(feats)}
    xs = np.zeros((len(rows), len(feats) + 1))
    for i, (_, f, _, t) in enumerate(rows):
        for k, v in features(f).items():
            if k in index:
                xs[i, index[k]] = v
        xs[i, len(feats)] = t
    ys = np.array([y for y, _, _, _ in rows], dtype=float)
    sw = np.array([w for _, _, w, _ in rows])
    severity = {}
    for _, f, _, _ in rows:
        for x in f:
            severity.setdefault(x["detector"] + "/" + x["rule"], x["severity"])
    prior = np.array([PRIOR[severity[k]] for k in feats] + [0.0])
    w = fit(xs, ys, sw, prior)
    report_thresholds(w, xs, ys, rows, n_seeds)
    weights = {k: round(float(w[i + 1]), 4) for k, i in index.items()}
    weights[T_DETECTOR + "/typical-sequence"] = 0.0  # shown to the reviewer; the log-odds carry the score
    model = {
        "intercept": round(float(w[0]), 4),
        "cap": CAP,
        "weights": weights,
        "otherWeight": dict(PRIOR),
        "translationeseWeight": round(float(w[len(feats) + 1]), 4),
        "fittedOn": "eval/review-fit: seeds (artifact vs clean, %d segments) + Text+Berg dev first half of each side, machine vs human, de-CH (%d prose lines); weighted to count as much as the seeds; L2=1 towards the severity prior (MAJOR 1.6, MINOR 0.8), weights >= 0, counts capped at %d; translationese log-odds (out-of-fold on Text+Berg) as one more input, prior 0"
        % (len(rows) - len(tb), len(tb), CAP),
    }
    model["threshold"] = default_threshold()
    with open(WEIGHTS, "w", encoding="utf-8") as f:
        json.dump(model, f, indent=2, sort_keys=True)
        f.write("\n")
    print(json.dumps(model, indent=2, sort_keys=True))


# ---------------------------------------------------------------- metrics

def detection_scores(name, items, threshold):
    """ROC-AUC, PR-AUC, precision, recall with bootstrap CIs from `dragoman eval review` (dragoman.eval)."""
    folder = os.path.join(WORK, "metrics")
    os.makedirs(folder, exist_ok=True)
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower())[:40]
    labels, scores = os.path.join(folder, slug + ".labels.tsv"), os.path.join(folder, slug + ".scores.tsv")
    with open(labels, "w") as lf, open(scores, "w") as sf:
        lf.write("id\tlabel\n")
        sf.write("id\tscore\n")
        for i, (y, l) in enumerate(items):
            lf.write("%d\t%d\n" % (i, y))
            sf.write("%d\t%r\n" % (i, l["score"]))
    out = subprocess.run([os.path.join(ROOT, "dragoman"), "eval", "review", "--labels", labels, "--scores", scores,
                          "--threshold", repr(threshold)], check=True, capture_output=True, text=True).stdout
    m = {}
    for line in out.splitlines():
        f = line.split("\t")
        m[f[1]] = [float(x) for x in ([f[0]] + f[2:4])] if len(f) >= 4 else float(f[0])
    return m


def metrics_row(name, items, threshold):
    m = detection_scores(name, items, threshold)
    fmt = lambda e: "%.3f [%.3f, %.3f]" % tuple(e)
    flagged = sum(1 for _, l in items if l["score"] >= threshold)
    return "| %s | %d | %d | %s | %s | %s | %s | %d |" % (
        name, len(items), sum(y for y, _ in items), fmt(m["roc_auc"]), fmt(m["average_precision"]),
        fmt(m["precision"]), fmt(m["recall"]), flagged)


def top_rules(items, k=8):
    c = collections.Counter()
    for y, l in items:
        for f in l["findings"]:
            c[(f["detector"] + "/" + f["rule"], y)] += 1
    rules = collections.Counter()
    for (r, _), v in c.items():
        rules[r] += v
    return ", ".join("%s %d/%d" % (r, c[(r, 1)], c[(r, 0)]) for r, _ in rules.most_common(k))


def default_threshold():
    """The threshold `dragoman review` flags at: weights.json's "threshold" (a Java test keeps it
    equal to ReviewOptions.DEFAULT_THRESHOLD)."""
    return float(json.load(open(WEIGHTS, encoding="utf-8"))["threshold"])


def rescore(weights, fs, t):
    """ReviewModel.score in Python (for the rules-only comparison and the Java/Python parity check)."""
    z = weights["intercept"] + weights.get("translationeseWeight", 0.0) * clip(t)
    sev = {f["detector"] + "/" + f["rule"]: f["severity"] for f in fs}
    for k, v in features(fs).items():
        z += weights["weights"].get(k, weights["otherWeight"].get(sev[k], 0.0)) * v
    return 1 / (1 + math.exp(-z))


def line_scores(items, weights, lm, with_t=True):
    """Per line: max over its prose segments, as `dragoman review` scores a line (boilerplate 0)."""
    out = []
    for _, l in items:
        best = 0.0
        for seg, kind, _, fs in l["segs"]:
            if kind == "prose":
                best = max(best, rescore(weights, fs, translationese.logit(lm, seg) if with_t else 0.0))
        out.append(best)
    return out


def lm_line_logits(items, lm):
    out = []
    for _, l in items:
        ts = [translationese.logit(lm, seg) for seg, kind, _, _ in l["segs"] if kind == "prose"]
        out.append(max(ts) if ts else -99.0)
    return out


NOTES = """## The translationese signal: what was fitted on what, and what was tried

- `eval/review-fit-lm` fits `translationese.json`: L2 logistic regression (scikit-learn), machine = 1, on
  the first half of each Text+Berg dev side (human lines 0-233 of 468, machine 0-275 of 553; detokenized by
  `detokenize()`, the same on both sides) and WMT21 en-de
  lines 0-499 (refs A, C, D vs the 16 systems not used for evaluation). Each corpus weighs half, each class half
  of its corpus. C chosen by 5-fold CV grouped by source line (a line's human and machine versions stay in one
  fold). Features: see `eval/translationese.py` / `TranslationeseModel`; 18k features with |w| >= 0.005, 0.4 MB.
- `eval/review-fit` then fits the rule weights and the weight of the (clipped, +-4) log-odds on the seeds and the
  same Text+Berg first half, with out-of-fold log-odds for the Text+Berg lines (the fold model that did not see
  the line), so the combiner does not trust memorised lines.
- Held out: the second half of each Text+Berg dev side (the sides are not line-parallel, so a few lines next
  to the cut may share content with the other side's first half); MQM TED (evaluation only); WMT21 lines 500-1001 with the four
  systems never fitted on vs ref A (the evaluation range moved from lines 0-499, which the model now fits on).
- Typesetting neutralised: quotes, dashes, apostrophes and spacing are not tokens; ß is read as ss; capitalised
  words (nouns, names) enter only as the shape C, so named entities and topics cannot leak. Leak check of the
  first fit: the apostrophe remnants `w:s`, `w:n` ("gibt's") and one- and two-letter OCR fragments were among
  the strongest machine/human features; such tokens are now dropped (`lm_feature_allowed`). Left in after
  reading them: heading shapes on the human side (`s:<s> C .`, `s:C : </s>`; such lines are mostly boilerplate
  and score 0 anyway) and the WMT-style cross-reference `(siehe` on the machine side.
- The strongest human features are modal particles and adverbs (`schon`, `etwa`, `also`, `doch`, `zwar`, `man`),
  the classic under-use of translated German (Baroni & Bernardini 2006; Koppel & Ordan 2011 for function words).
- Tried and rejected: clipping the log-odds one-sided (only machine evidence, or human evidence capped at -1/-2):
  no better on the fitting half (out-of-fold ROC-AUC 0.623-0.637 vs 0.633 symmetric) and no help for the seeds.
  The seeds cost precision: their clean sentences are translations too, so the signal raises them; 0.40 is the
  highest threshold that still meets the seed targets. These choices were made on the fitting data and the
  seeds; the held-out figures were printed alongside while choosing the clip (they agreed, 0.715-0.722).
"""


def cmd_eval():
    out = []
    out.append("# Review evaluation (old reviewer)\n")
    out.append("Produced by `eval/review-eval` (%s). Scores are `dragoman review` with the shipped weights "
               "(`src/main/resources/dragoman/review/weights.json`, fitted by `eval/review-fit` on the seeds and "
               "the first half of Text+Berg dev) and the translationese model (`translationese.json`, fitted by `eval/review-fit-lm` on "
               "the first half of Text+Berg dev and WMT21 en-de lines 0-499) at the default threshold. Metrics and 95%% percentile bootstrap intervals "
               "(1000 resamples of segments) come from `dragoman eval review` (dragoman.eval.DetectionScores). Precision/recall are for the flag at the default threshold.\n"
               % time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
    threshold = default_threshold()
    seeds = seeds_set()
    c = collections.Counter()
    for lab, rv, _ in seeds:
        c[(lab, rv["flag"], rv["kind"])] += 1
    def n(lab, flag=None, kind=None):
        return sum(v for (l, f, k), v in c.items() if l == lab and (flag is None or f == flag) and (kind is None or k == kind))
    out.append("## Seeds (`seed-review-labels.tsv`, part of the fitting data)\n")
    out.append("| label | segments | flagged | marked boilerplate |\n|---|---|---|---|")
    for lab in ("artifact", "subtle", "clean", "boilerplate"):
        out.append("| %s | %d | %d | %d |" % (lab, n(lab), n(lab, True), n(lab, None, "boilerplate")))
    out.append("\nTarget: artifacts >= 20 of 22 flagged, clean <= 6 of 65 flagged, 5 of 5 boilerplate marked.\n")
    out.append("## Default threshold\n")
    out.append("`--threshold` defaults to %.2f (`ReviewOptions.DEFAULT_THRESHOLD`). `eval/review-fit` prints precision and "
               "recall on its fitting data at thresholds 0.40-0.80. With the translationese signal, the seeds' clean sentences "
               "(themselves translations, only without errors) score higher and artifacts that read idiomatically lower: "
               "0.45-0.55 flag 19 of 22 seed artifacts; 0.40 is the highest threshold that meets the seed targets "
               "(20 of 22 artifacts, 6 of 65 clean on the fitting run), at precision 0.78 on the first half of Text+Berg dev "
               "(0.84 at 0.50). Raise it (`--threshold 0.5`) for fewer, surer flags.\n" % threshold)
    out.append("## Held-out and evaluation sets\n")
    out.append("| set | segments | positives | ROC-AUC [95% CI] | PR-AUC (AP) [CI] | precision [CI] | recall [CI] | flagged |\n|---|---|---|---|---|---|---|---|")
    tb, tbw = textberg_set("eval")
    out.append(metrics_row("Text+Berg dev second half (held out), machine (dev.google.de) vs human (dev.de), de-CH, detokenized", tb, threshold))
    out.append(metrics_row("Text+Berg dev second half, prose lines only (diagnostic: boilerplate left out on both sides)",
                           [(y, l) for y, l in tb if l["kinds"] == {"prose"}], threshold))
    tbf, _ = textberg_set("fit")
    out.append(metrics_row("Text+Berg dev first half (fitting data; for comparison)", tbf, threshold))
    mq, mqw = mqm_set()
    out.append(metrics_row("MQM TED en-de, Major fluency error vs none", mq, threshold))
    wm, wmw = wmt_set(WMT_EVAL_LINES[0], WMT_EVAL_LINES[1], WMT_SYSTEMS_EVAL, refs=["A"], tag="eval-%d" % WMT_EVAL_LINES[0])
    out.append(metrics_row("WMT21 en-de lines %d-%d (not fitted on), systems %s (not fitted on) vs ref A"
                           % (WMT_EVAL_LINES[0], WMT_EVAL_LINES[1] - 1, ",".join(WMT_SYSTEMS_EVAL)), wm, threshold))
    out.append("\nPositives = machine-translated (Text+Berg, WMT21) or with a Major fluency error (MQM). "
               "Boilerplate lines score 0 on both sides.\n")
    out.append("## Before and after the translationese signal (ROC-AUC)\n")
    out.append("Rules only = the same findings scored with the previous weights (`eval/results/review-weights-rules-only.json`, "
               "threshold 0.50); translationese only = the model's log-odds, max over a line's prose segments; combined = "
               "`dragoman review` as shipped. Point estimates from eval/review_eval.py (bootstrap intervals for the shipped "
               "score are in the table above).\n")
    out.append("| set | rules only | translationese only | combined (shipped) | Java vs Python score, max abs difference |\n|---|---|---|---|---|")
    lm = shipped_lm()
    before = json.load(open(os.path.join(HERE, "results", "review-weights-rules-only.json"), encoding="utf-8"))
    after = json.load(open(WEIGHTS, encoding="utf-8"))
    for name, items in (("Text+Berg dev second half (held out)", tb), ("Text+Berg dev first half (fitting)", tbf),
                        ("MQM TED Major fluency", mq), ("WMT21 lines %d-%d" % (WMT_EVAL_LINES[0], WMT_EVAL_LINES[1] - 1), wm)):
        ys = [y for y, _ in items]
        shipped = [l["score"] for _, l in items]
        py = line_scores(items, after, lm)
        diff = max(abs(a - b) for a, b in zip(shipped, py))
        out.append("| %s | %.3f | %.3f | %.3f | %.1e |" % (name, auc(ys, line_scores(items, before, lm, False)),
                                                     auc(ys, lm_line_logits(items, lm)), auc(ys, shipped), diff))
    out.append("\n## Translationese model: strongest features (leak check)\n")
    ws = sorted(lm["weights"].items(), key=lambda kv: kv[1])
    out.append("%s. Features: `w:` word (lower-case and function words only), `b:` word pair, `s:` shape trigram "
               "(function words kept, C capitalised word, L lower-case word, 0 number).\n" % lm["fittedOn"])
    out.append("- most human: " + ", ".join("`%s` %.2f" % kv for kv in ws[:25]))
    out.append("- most machine: " + ", ".join("`%s` %.2f" % kv for kv in reversed(ws[-25:])))
    out.append("\n" + NOTES)
    out.append("## Findings per rule (positives/negatives)\n")
    for name, items in (("Text+Berg", tb), ("MQM", mq), ("WMT21", wm)):
        out.append("- %s: %s" % (name, top_rules(items)))
    if not any(map(math.isnan, (tbw, mqw, wmw))):
        out.append("\nWall time of the `dragoman review` runs (JVM start included): Text+Berg %.0f s for %d lines, "
                   "MQM %.0f s for %d, WMT21 %.0f s for %d.\n" % (tbw, 2 * len(tb), mqw, len(mq), wmw, len(wm)))
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(os.path.join(HERE, "results", "review.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print("\n".join(out))


if __name__ == "__main__":
    {"fit": cmd_fit, "fit-lm": cmd_fit_lm, "eval": cmd_eval}[sys.argv[1] if len(sys.argv) > 1 else "eval"]()

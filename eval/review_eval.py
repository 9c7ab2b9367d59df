#!/usr/bin/python3
"""Fit and evaluate Dragoman's review score (issue 7).

  review_eval.py fit   -> src/main/resources/dragoman/review/weights.json
  review_eval.py eval  -> eval/results/review.md

Data (read by path from ../shared/data unless copied into eval/data with its PROVENANCE):
  seeds       shared/data/seed-review-labels.tsv (artifact=1, clean=0; subtle left out)
  textberg    eval/data/textberg-defr: dev.de (human, OCR'd, tokenized) vs dev.google.de (machine),
              both detokenized by detokenize() below, reviewed as de-CH
  mqm         shared/data/mqm-ted-ende (evaluation only): segments with a Major Fluency error vs none
  wmt21       shared/data/wmt21 en-de: human references vs system outputs. Lines 0-499 are the
              fitting half, lines 500-1001 the evaluation half.

The weights are fitted on the seeds plus the WMT21 fitting half; Text+Berg and MQM are held out.
Needs numpy (Debian python3-numpy).
"""
import collections
import json
import os
import re
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.environ.get("DRAGOMAN_SHARED_DATA", os.path.join(ROOT, "..", "shared", "data"))
if not os.path.isdir(SHARED):
    SHARED = "/work/shared/data"
WORK = os.environ.get("REVIEW_EVAL_WORK", os.path.join(os.environ.get("TMPDIR", "/tmp"), "dragoman-review-eval"))
WEIGHTS = os.path.join(ROOT, "src/main/resources/dragoman/review/weights.json")
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
    os.makedirs(out, exist_ok=True)
    t0 = time.time()
    subprocess.run([os.path.join(ROOT, "dragoman"), "review", folder, "--out", out, "--variant", variant],
                   check=True, stdout=subprocess.DEVNULL, stderr=open(folder + ".log", "w"))
    wall = time.time() - t0
    docs = {}
    for name in sorted(os.listdir(out)):
        with open(os.path.join(out, name), encoding="utf-8") as f:
            docs[name[: -len(".jsonl")]] = [json.loads(l) for l in f]
    return docs, wall


def by_line(records):
    """Per input line (= paragraph), the review of its segments merged: max score, all findings."""
    lines = collections.OrderedDict()
    for r in records:
        p = int(r["id"].rsplit("#p", 1)[1].split(".s")[0])
        cur = lines.setdefault(p, {"score": 0.0, "flag": False, "kinds": set(), "findings": [], "de": ""})
        rv = r["review"]
        cur["score"] = max(cur["score"], rv["score"])
        cur["flag"] |= rv["flag"]
        cur["kinds"].add(rv["kind"])
        cur["findings"] += rv["findings"]
        cur["de"] += r["de"] + " "
    return lines


def features(findings):
    counts = collections.Counter(f["detector"] + "/" + f["rule"] for f in findings)
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


def textberg_set():
    folder = os.path.join(WORK, "textberg")
    base = os.path.join(ROOT, "eval", "data", "textberg-defr")
    for name, out in (("dev.de", "human.txt"), ("dev.google.de", "machine.txt")):
        lines = [detokenize(l) for l in open(os.path.join(base, name), encoding="utf-8").read().split("\n") if l.strip()]
        write_lines(os.path.join(folder, out), lines)
    docs, wall = review(folder, "de-CH")
    items = []
    for doc, recs in docs.items():
        for line in by_line(recs).values():
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


# ---------------------------------------------------------------- fitting

def fit(xs, ys, l2=1.0, iters=50):
    """L2-regularised logistic regression by Newton's method (intercept not penalised)."""
    x = np.hstack([np.ones((xs.shape[0], 1)), xs])
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[0] = 0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-x @ w))
        g = x.T @ (p - ys) + reg * w
        h = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(h, g)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def cmd_fit():
    rows = []  # (label, findings, weight)
    for label, rv, _ in seeds_set():
        if label in ("artifact", "clean") and rv["kind"] == "prose":
            rows.append((1 if label == "artifact" else 0, rv["findings"], 1.0))
    wmt, _ = wmt_set(0, 500, WMT_SYSTEMS_FIT)
    wmt = [(y, l) for y, l in wmt if l["kinds"] == {"prose"}]
    # the references and the systems weigh the same in total
    n_pos = sum(1 for y, _ in wmt if y == 1)
    n_neg = len(wmt) - n_pos
    for y, l in wmt:
        rows.append((y, l["findings"], 0.5 * len(wmt) / (n_pos if y else n_neg)))
    feats = sorted({k for _, f, _ in rows for k in features(f)} - {"document/non-prose"})
    index = {k: i for i, k in enumerate(feats)}
    xs = np.zeros((len(rows), len(feats)))
    for i, (_, f, _) in enumerate(rows):
        for k, v in features(f).items():
            if k in index:
                xs[i, index[k]] = v
    ys = np.array([y for y, _, _ in rows], dtype=float)
    sw = np.array([w for _, _, w in rows])
    # sample weights by replication of rows in the Newton step
    xw = np.repeat(xs, np.maximum(1, np.round(sw * 2)).astype(int), axis=0)
    yw = np.repeat(ys, np.maximum(1, np.round(sw * 2)).astype(int))
    w = fit(xw, yw)
    weights = {k: round(float(w[i + 1]), 4) for k, i in index.items()}
    model = {
        "intercept": round(float(w[0]), 4),
        "cap": CAP,
        "weights": weights,
        "otherWeight": {"MAJOR": round(float(np.median([v for k, v in weights.items() if v > 0] or [1.0])), 4), "MINOR": 0.5, "INFO": 0.0},
        "fittedOn": "eval/review-fit: seeds (artifact vs clean, %d) + WMT21 en-de lines 0-499, refs %s vs systems %s (%d); L2=1, counts capped at %d"
        % (sum(1 for r in rows[: len(rows) - len(wmt)]), ",".join(WMT_REFS), ",".join(WMT_SYSTEMS_FIT), len(wmt), CAP),
    }
    with open(WEIGHTS, "w", encoding="utf-8") as f:
        json.dump(model, f, indent=2, sort_keys=True)
        f.write("\n")
    print(json.dumps(model, indent=2, sort_keys=True))


# ---------------------------------------------------------------- metrics

def auc(scores, labels):
    """ROC-AUC as the Mann-Whitney statistic (ties count half)."""
    s = np.asarray(scores, dtype=float)
    y = np.asarray(labels, dtype=int)
    pos, neg = s[y == 1], s[y == 0]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    order = np.argsort(np.concatenate([pos, neg]), kind="mergesort")
    allv = np.concatenate([pos, neg])[order]
    ranks = np.empty(len(allv))
    i = 0
    while i < len(allv):
        j = i
        while j + 1 < len(allv) and allv[j + 1] == allv[i]:
            j += 1
        ranks[i : j + 1] = (i + j) / 2 + 1
        i = j + 1
    r = np.empty(len(allv))
    r[order] = ranks
    return (r[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def pr(flags, labels):
    f = np.asarray(flags, dtype=bool)
    y = np.asarray(labels, dtype=bool)
    tp = (f & y).sum()
    prec = tp / f.sum() if f.sum() else float("nan")
    rec = tp / y.sum() if y.sum() else float("nan")
    return prec, rec


def bootstrap(fn, n, reps=1000, seed=7):
    rng = np.random.default_rng(seed)
    vals = []
    for _ in range(reps):
        idx = rng.integers(0, n, n)
        v = fn(idx)
        if not np.isnan(v):
            vals.append(v)
    return np.percentile(vals, 2.5), np.percentile(vals, 97.5)


def metrics_row(name, items):
    ys = np.array([y for y, _ in items])
    sc = np.array([l["score"] for _, l in items])
    fl = np.array([l["flag"] for _, l in items])
    a = auc(sc, ys)
    alo, ahi = bootstrap(lambda i: auc(sc[i], ys[i]), len(ys))
    p, r = pr(fl, ys)
    plo, phi = bootstrap(lambda i: pr(fl[i], ys[i])[0], len(ys))
    rlo, rhi = bootstrap(lambda i: pr(fl[i], ys[i])[1], len(ys))
    return "| %s | %d | %d | %.3f [%.3f, %.3f] | %.3f [%.3f, %.3f] | %.3f [%.3f, %.3f] | %d |" % (
        name, len(ys), ys.sum(), a, alo, ahi, p, plo, phi, r, rlo, rhi, fl.sum())


def top_rules(items, k=8):
    c = collections.Counter()
    for y, l in items:
        for f in l["findings"]:
            c[(f["detector"] + "/" + f["rule"], y)] += 1
    rules = collections.Counter()
    for (r, _), v in c.items():
        rules[r] += v
    return ", ".join("%s %d/%d" % (r, c[(r, 1)], c[(r, 0)]) for r, _ in rules.most_common(k))


def cmd_eval():
    out = []
    out.append("# Review evaluation (issue 7)\n")
    out.append("Produced by `eval/review-eval` (%s). Scores are `dragoman review` with the shipped weights "
               "(`src/main/resources/dragoman/review/weights.json`, fitted by `eval/review-fit` on the seeds and "
               "WMT21 lines 0-499) at the default threshold. Confidence intervals: 95%% percentile bootstrap, "
               "1000 resamples of segments. Precision/recall are for the flag at the default threshold.\n"
               % time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
    seeds = seeds_set()
    c = collections.Counter()
    for lab, rv, _ in seeds:
        c[(lab, rv["flag"], rv["kind"])] += 1
    def n(lab, flag=None, kind=None):
        return sum(v for (l, f, k), v in c.items() if l == lab and (flag is None or f == flag) and (kind is None or k == kind))
    out.append("## Seeds (`shared/data/seed-review-labels.tsv`, part of the fitting data)\n")
    out.append("| label | segments | flagged | marked boilerplate |\n|---|---|---|---|")
    for lab in ("artifact", "subtle", "clean", "boilerplate"):
        out.append("| %s | %d | %d | %d |" % (lab, n(lab), n(lab, True), n(lab, None, "boilerplate")))
    out.append("\nTarget: artifacts >= 20 of 22 flagged, clean <= 6 of 65 flagged, 5 of 5 boilerplate marked.\n")
    out.append("## Held-out and evaluation sets\n")
    out.append("| set | segments | positives | ROC-AUC [95% CI] | precision [CI] | recall [CI] | flagged |\n|---|---|---|---|---|---|---|")
    tb, tbw = textberg_set()
    out.append(metrics_row("Text+Berg dev, machine (dev.google.de) vs human (dev.de), de-CH, detokenized", tb))
    mq, mqw = mqm_set()
    out.append(metrics_row("MQM TED en-de, Major fluency error vs none", mq))
    wm, wmw = wmt_set(500, 1002, WMT_SYSTEMS_EVAL, refs=["A"], tag="eval")
    out.append(metrics_row("WMT21 en-de lines 500-1001, systems %s vs ref A" % ",".join(WMT_SYSTEMS_EVAL), wm))
    out.append("\nPositives = machine-translated (Text+Berg, WMT21) or with a Major fluency error (MQM). "
               "Boilerplate lines score 0 on both sides.\n")
    out.append("## Findings per rule (positives/negatives)\n")
    for name, items in (("Text+Berg", tb), ("MQM", mq), ("WMT21", wm)):
        out.append("- %s: %s" % (name, top_rules(items)))
    out.append("\nWall time of the `dragoman review` runs (JVM start included): Text+Berg %.0f s for %d lines, "
               "MQM %.0f s for %d, WMT21 %.0f s for %d.\n" % (tbw, len(tb), mqw, len(mq), wmw, len(wm)))
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(os.path.join(HERE, "results", "review.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print("\n".join(out))


if __name__ == "__main__":
    {"fit": cmd_fit, "eval": cmd_eval}[sys.argv[1] if len(sys.argv) > 1 else "eval"]()

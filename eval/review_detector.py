#!/usr/bin/env python3
"""Trains the review's learned span detector and exports it to ONNX (see its model card,
src/main/resources/dragoman/review/span-detector.md).

A character CNN with two heads: each character of a German segment gets a class ('ok', one of the
corruption classes of eval/review_corrupt.py, or 'mt-error': a word MLQE-PE's post-editors changed), and
the segment gets one logit (machine-like or defective vs fluent human German). Inputs: character ids,
each character's word class (dragoman.review.WordClasses: what LanguageTool's morphology says the word can be)
and, with --pos, its part of speech (dragoman.review.PartOfSpeechClasses: OpenNLP's tag in context), both
computed by eval/tools/DetectorInputs.java, so training and review use the same code; outputs: logits [batch, chars, classes], segment [batch].
Trained on the train split only (eval/data/review-corrupt/train.jsonl, MLQE-PE en-de train, WMT21 en-de
lines 0-399 references vs system outputs, Text+Berg dev first quarter: human 0-116, machine 0-160); the epoch is chosen on the fitting
side (generated WMT21 de-en 700-849, MLQE-PE dev 0-499, WMT21 en-de 400-499).

Run with Debian's python3-torch and python3-onnx after building Dragoman once (./dragoman --version):
eval/review-train-detector [--epochs N] [--seed N] [--threads N] [--channels N] [--segment-weight W] [--pos]"""
import argparse
import json
import math
import os
import random
import subprocess
import sys
import time

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import review_data as rd  # noqa: E402
import review_corrupt as rc  # noqa: E402

ROOT = os.path.dirname(rd.HERE)
RES = os.path.join(ROOT, "src", "main", "resources", "dragoman", "review")
TEST_RES = os.path.join(ROOT, "src", "test", "resources", "dragoman", "review")
CLASSES = ["ok"] + rc.CLASSES + ["mt-error"]
MAX_CHARS = 400
PAD, UNK = 0, 1
# text -> per-character classes of each Java-computed input, filled by java_inputs():
# "words" (dragoman.review.WordClasses), "pos" (dragoman.review.PartOfSpeechClasses).
INPUTS = {"words": {}, "pos": {}}


def java_inputs(texts):
    """Computes both per-character inputs of every text not seen yet with the Java classes the review uses
    (eval/tools/DetectorInputs.java; needs ./dragoman built once). Their classes are per UTF-16 char; they
    are mapped to Python's code points (an astral character takes its first unit's class)."""
    cp = open(os.path.join(ROOT, "target", "runtime-classpath.txt")).read().strip()
    for name, table in INPUTS.items():
        todo = sorted({t for t in texts if t not in table})
        if not todo:
            continue
        res = subprocess.run(["java", "-cp", os.path.join(ROOT, "target", "classes") + ":" + cp,
                              os.path.join(rd.HERE, "tools", "DetectorInputs.java"), name],
                             input="".join(t.replace("\n", " ") + "\n" for t in todo), capture_output=True,
                             text=True, check=True, encoding="utf-8")
        rows = res.stdout.split("\n")
        for t, row in zip(todo, rows):
            classes, k = [], 0
            for c in t:
                classes.append(ord(row[k]) - ord("A") if k < len(row) else 1)
                k += 2 if ord(c) > 0xFFFF else 1
            table[t] = classes


class SpanDetector(nn.Module):
    """Dilated residual character CNN with two heads: per-character class logits, and one segment logit
    (machine-like or defective vs fluent human German) from the mean and max of the last layer over the
    segment's characters. Padding (id 0) is masked, so a padded batch gives each row what it alone gives."""

    def __init__(self, vocab, dim=32, channels=128, classes=len(CLASSES), dilations=(1, 2, 4, 8, 16, 32, 64),
                 word_classes=0, word_dim=8, pos_classes=0, pos_dim=8):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim, padding_idx=PAD)
        self.words = nn.Embedding(word_classes, word_dim, padding_idx=PAD)
        self.word_classes, self.pos_classes = word_classes, pos_classes
        self.pos = nn.Embedding(pos_classes, pos_dim, padding_idx=PAD) if pos_classes else None
        self.inp = nn.Conv1d(dim + word_dim + (pos_dim if pos_classes else 0), channels, 5, padding=2)
        self.blocks = nn.ModuleList(nn.Conv1d(channels, channels, 3, padding=d, dilation=d) for d in dilations)
        self.out = nn.Conv1d(channels, classes, 1)
        self.segment = nn.Linear(2 * channels, 1)

    def forward(self, chars, words, pos=None):
        mask = (chars != PAD).float().unsqueeze(1)
        parts = [self.embed(chars), self.words(words)] + ([self.pos(pos)] if self.pos is not None else [])
        x = torch.cat(parts, 2).transpose(1, 2)
        x = torch.relu(self.inp(x)) * mask
        for b in self.blocks:
            x = (x + torch.relu(b(x))) * mask
        logits = self.out(x).transpose(1, 2)
        # x >= 0 after the ReLUs, so padding (0) never wins the max.
        pooled = torch.cat([x.sum(2) / mask.sum(2).clamp(min=1), x.max(2).values], 1)
        return logits, self.segment(pooled).squeeze(1)


def char_labels(text, spans):
    y = [0] * len(text)
    for a, b, cls in spans:
        for i in range(a, min(b, len(text))):
            y[i] = CLASSES.index(cls)
    return y


NO_TAGS = None  # a segment-only example: no character labels


def wmt21_en_de(lo, hi, systems_per_line, rng):
    """WMT21 en-de lines [lo, hi): human references A, C, D (target 0) and system outputs (target 1); an
    output equal to a reference is left out. systems_per_line outputs are drawn per line (all if None)."""
    d = os.path.join(rd.DATA, "wmt21")
    refs = [rd.lines(os.path.join(d, f"newstest2021.en-de.ref.{r}.de")) for r in "ACD"]
    sysdir = os.path.join(d, "system-outputs")
    hyps = [rd.lines(os.path.join(sysdir, f)) for f in sorted(os.listdir(sysdir)) if ".en-de.hyp." in f]
    human, machine = [], []
    for i in range(lo, min(hi, len(refs[0]))):
        rs = {r[i].strip() for r in refs}
        human += [r for r in rs if r]
        outs = sorted({h[i].strip() for h in hyps} - rs - {""})
        if systems_per_line is not None and len(outs) > systems_per_line:
            outs = rng.sample(outs, systems_per_line)
        machine += outs
    return human, machine


def examples(rng):
    """(text, char labels or NO_TAGS, token weight, segment target, segment weight, group). Each segment
    group gets the same total segment weight, split equally between its targets 0 and 1."""
    groups = {}
    for line in open(os.path.join(rd.DATA, "review-corrupt", "train.jsonl"), encoding="utf-8"):
        r = json.loads(line)
        groups.setdefault("corrupt", []).append((r["text"], char_labels(r["text"], r["spans"]), 1.0, float(r["label"])))
    for row in rd.mlqe("train"):
        spans = [[a, b, "mt-error"] for (a, b), t in zip(row["mt_spans"], row["tags"]) if t == "BAD"]
        groups.setdefault("mlqe", []).append((row["mt"], char_labels(row["mt"], spans), 0.5, float(row["hter"] >= 0.3)))
    human, machine = wmt21_en_de(0, WMT21_SELECT, 4, rng)
    groups["wmt21-en-de"] = [(t, NO_TAGS, 0.0, 0.0) for t in human] + [(t, NO_TAGS, 0.0, 1.0) for t in machine]
    tb_h = [s for i, s in rd.textberg("dev.de") if i < rd.TEXTBERG_TRAIN_HUMAN_CUT and s.strip()]
    tb_m = [s for i, s in rd.textberg("dev.google.de") if i < rd.TEXTBERG_TRAIN_MACHINE_CUT and s.strip()]
    groups["textberg"] = [(t, NO_TAGS, 0.0, 0.0) for t in tb_h] + [(t, NO_TAGS, 0.0, 1.0) for t in tb_m]
    total = sum(len(g) for g in groups.values())
    train = []
    for name, g in groups.items():
        pos = sum(1 for e in g if e[3] >= 0.5)
        for text, y, wt, target in g:
            share = pos if target >= 0.5 else len(g) - pos
            train.append((text, y, wt, target, total / len(groups) / 2 / share, name))
    return train, groups


# WMT21 en-de lines from here to 500 stay out of training: they pick the epoch (500-1001 are dev).
WMT21_SELECT = rd.WMT21_ENDE_TRAIN_LINES


def selection_sets(rng):
    """Epoch selection, all on the fitting side of the splits: generated dev corruptions of WMT21 de-en
    700-849, MLQE-PE dev 0-499 (HTER >= 0.3), WMT21 en-de 400-499 (human vs machine)."""
    gen = []
    for line in open(os.path.join(rd.DATA, "review-corrupt", "dev.jsonl"), encoding="utf-8"):
        r = json.loads(line)
        if 700 <= int(r["id"].split(".")[1]) < 850:
            gen.append((r["text"], r["label"]))
    mlqe = [(r["mt"], int(r["hter"] >= 0.3)) for r in rd.mlqe("dev")[:500]]
    h, m = wmt21_en_de(WMT21_SELECT, 500, 4, rng)
    return {"generated 700-849": gen, "MLQE-PE dev 0-499": mlqe,
            "WMT21 en-de 400-499": [(t, 0) for t in h] + [(t, 1) for t in m]}


def report_sets(rng):
    """Printed after training for the log only (dev halves; nothing is chosen on them)."""
    gen = []
    for line in open(os.path.join(rd.DATA, "review-corrupt", "dev.jsonl"), encoding="utf-8"):
        r = json.loads(line)
        if int(r["id"].split(".")[1]) >= 850:
            gen.append((r["text"], r["label"]))
    tb = [(s, 0) for i, s in rd.textberg("dev.de") if i >= rd.TEXTBERG_HUMAN_CUT and s.strip()]
    tb += [(s, 1) for i, s in rd.textberg("dev.google.de") if i >= rd.TEXTBERG_MACHINE_CUT and s.strip()]
    h, m = wmt21_en_de(500, 1002, 4, rng)
    return {"generated 850-999": gen, "Text+Berg dev 2nd half": tb,
            "MLQE-PE dev 500-999": [(r["mt"], int(r["hter"] >= 0.3)) for r in rd.mlqe("dev")[500:]],
            "WMT21 en-de 500-1001": [(t, 0) for t in h] + [(t, 1) for t in m]}


def encode(text, vocab):
    """(character ids, word classes, parts of speech) of the first MAX_CHARS characters; an empty text is one
    unknown character outside a word."""
    if not text:
        return [UNK], [1], [1]
    return ([vocab.get(c, UNK) for c in text[:MAX_CHARS]], INPUTS["words"][text][:MAX_CHARS],
            INPUTS["pos"][text][:MAX_CHARS])


def batches(data, vocab, size, rng):
    order = sorted(range(len(data)), key=lambda i: len(data[i][0]) + rng.random() * 20)
    groups = [order[i:i + size] for i in range(0, len(order), size)]
    rng.shuffle(groups)
    for g in groups:
        n = max(min(len(data[i][0]), MAX_CHARS) for i in g)
        x = torch.zeros(len(g), n, dtype=torch.long)
        xw = torch.zeros(len(g), n, dtype=torch.long)
        xp = torch.zeros(len(g), n, dtype=torch.long)
        y = torch.full((len(g), n), -100, dtype=torch.long)
        wt = torch.zeros(len(g))
        target = torch.zeros(len(g))
        ws = torch.zeros(len(g))
        for k, i in enumerate(g):
            text, labels, tok_w, seg_t, seg_w, _ = data[i]
            ids, wc, pc = encode(text, vocab)
            x[k, :len(ids)] = torch.tensor(ids)
            xw[k, :len(wc)] = torch.tensor(wc)
            xp[k, :len(pc)] = torch.tensor(pc)
            if labels is not NO_TAGS:
                y[k, :len(ids)] = torch.tensor(labels[:len(ids)])
            wt[k], target[k], ws[k] = tok_w, seg_t, seg_w
        yield x, xw, xp, y, wt, target, ws


def predict(model, texts, vocab, size=64):
    """(max over characters of P(not ok), segment probability) per text, in batches of similar length."""
    model.eval()
    out = [None] * len(texts)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    with torch.no_grad():
        for b in range(0, len(order), size):
            g = order[b:b + size]
            enc = [encode(texts[i], vocab) for i in g]
            ids = [e[0] for e in enc]
            x = torch.zeros(len(g), max(len(v) for v in ids), dtype=torch.long)
            xw = torch.zeros_like(x)
            xp = torch.zeros_like(x)
            for k, (v, wc, pc) in enumerate(enc):
                x[k, :len(v)] = torch.tensor(v)
                xw[k, :len(wc)] = torch.tensor(wc)
                xp[k, :len(pc)] = torch.tensor(pc)
            logits, seg = model(x, xw, xp)
            p = torch.softmax(logits, -1)
            for k, i in enumerate(g):
                out[i] = (float((1 - p[k, :len(ids[k]), 0]).max()), float(torch.sigmoid(seg[k])))
    return out


def bad_prob(model, texts, vocab):
    return [p for p, _ in predict(model, texts, vocab)]


def auc(scores, labels):
    pos = sorted(s for s, l in zip(scores, labels) if l)
    neg = sorted(s for s, l in zip(scores, labels) if not l)
    import bisect
    wins = 0.0
    for p in pos:
        lo, hi = bisect.bisect_left(neg, p), bisect.bisect_right(neg, p)
        wins += lo + 0.5 * (hi - lo)
    return wins / (len(pos) * len(neg))


def segment_aucs(model, sets, vocab):
    res = {}
    for name, items in sets.items():
        pr = predict(model, [t for t, _ in items], vocab)
        labels = [l for _, l in items]
        res[name] = (auc([s for _, s in pr], labels), auc([m for m, _ in pr], labels))
    return res


# What SpanDetectorTest compares Java's output with (written with the model).
REFERENCE_TEXTS = ["Der Hund schläft im Garten.", "Die Polizei ist vorgegangen in der Nacht gegen die Demonstranten.",
                   "Sie kam spät ,blieb aber lange.", "Er hat das Haus gestern gekauft Lesen Sie Mehr und ist zufrieden.",
                   "Die Kinder spielt im Hof, und der Vater koche das Essen."]
# dragoman.review.WordClasses.COUNT and PartOfSpeechClasses.COUNT: the embeddings hold every class Java can
# produce.
WORD_CLASS_COUNT = 18
POS_CLASS_COUNT = 20


TRAINED_ON = ("eval/review_detector.py: eval/data/review-corrupt/train.jsonl + MLQE-PE en-de train"
              " (word tags, HTER >= 0.3) + WMT21 en-de lines 0-399 (references vs system outputs)"
              " + Text+Berg dev first quarter (human 0-116 vs machine 0-160)")


def export(model, vocab, log, out_dir, trained_on=TRAINED_ON):
    """Writes span-detector.onnx and span-detector.json to out_dir and, when out_dir is the shipped resource
    folder, the PyTorch outputs SpanDetectorTest holds Java to. The ONNX inputs are chars, words and, when the
    model reads parts of speech (model.pos_classes), pos. Returns the ONNX path."""
    os.makedirs(out_dir, exist_ok=True)
    onnx_path = os.path.join(out_dir, "span-detector.onnx")
    ids, wc, pc = encode(REFERENCE_TEXTS[0], vocab)
    pos = model.pos_classes > 0
    inputs = ["chars", "words"] + (["pos"] if pos else [])
    dummy = (torch.tensor([ids]), torch.tensor([wc])) + ((torch.tensor([pc]),) if pos else ())
    torch.onnx.export(model, dummy, onnx_path, input_names=inputs,
                      output_names=["logits", "segment"],
                      dynamic_axes={**{name: {0: "batch", 1: "length"} for name in inputs},
                                    "logits": {0: "batch", 1: "length"},
                                    "segment": {0: "batch"}},
                      opset_version=13)
    meta = {"classes": CLASSES, "maxChars": MAX_CHARS, "unknown": UNK, "padding": PAD,
            "wordClasses": model.word_classes, "posClasses": model.pos_classes, "vocabulary": vocab,
            "trainedOn": trained_on, "log": log}
    with open(os.path.join(out_dir, "span-detector.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, indent=1, sort_keys=True)
    if os.path.realpath(out_dir) == os.path.realpath(RES):
        os.makedirs(TEST_RES, exist_ok=True)
        with open(os.path.join(TEST_RES, "span-detector-reference.json"), "w", encoding="utf-8") as f:
            json.dump([{"text": t, "badProbability": p, "segmentProbability": q}
                       for t, (p, q) in zip(REFERENCE_TEXTS, [predict(model, [r], vocab)[0] for r in REFERENCE_TEXTS])],
                      f, ensure_ascii=False, indent=1)
    return onnx_path


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--seed", type=int, default=20261201)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--channels", type=int, default=128)
    ap.add_argument("--segment-weight", type=float, default=1.0, help="weight of the segment loss beside the character loss")
    ap.add_argument("--pos", action="store_true",
                    help="a third input, OpenNLP's part of speech per character (see the model card)")
    ap.add_argument("--out", default=RES, help="folder for span-detector.onnx/.json (default: the shipped resources)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    train, groups = examples(rng)
    for name, g in groups.items():
        print(f"{name}: {len(g)} segments, {sum(1 for e in g if e[3] >= 0.5)} with target 1", file=sys.stderr)
    counts = {}
    for t, *_ in train:
        for c in t:
            counts[c] = counts.get(c, 0) + 1
    chars = sorted(c for c, n in counts.items() if n >= 3)
    vocab = {c: i + 2 for i, c in enumerate(chars)}
    select = selection_sets(random.Random(args.seed + 1))
    report = report_sets(random.Random(args.seed + 2))
    t0 = time.time()
    java_inputs([t for t, *_ in train] + [t for v in list(select.values()) + list(report.values()) for t, _ in v]
                 + REFERENCE_TEXTS)
    print(f"word classes and parts of speech of {len(INPUTS['words'])} texts in {time.time() - t0:.0f} s",
          file=sys.stderr)
    n_word_classes = 1 + max(max(v) for v in INPUTS["words"].values())
    n_pos_classes = 1 + max(max(v) for v in INPUTS["pos"].values())
    model = SpanDetector(len(vocab) + 2, channels=args.channels, word_classes=max(n_word_classes, WORD_CLASS_COUNT),
                         pos_classes=max(n_pos_classes, POS_CLASS_COUNT) if args.pos else 0)
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    steps = args.epochs * math.ceil(len(train) / 32)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda k: max(0.05, 1 - k / steps))
    weight = torch.tensor([1.0] + [4.0] * (len(CLASSES) - 1))
    loss_fn = nn.CrossEntropyLoss(weight=weight, reduction="none", ignore_index=-100)
    seg_loss = nn.BCEWithLogitsLoss(reduction="none")
    best, best_state, log = -1, None, []
    for epoch in range(args.epochs):
        model.train()
        t0, total, n = time.time(), 0.0, 0
        for x, xw, xp, y, wt, target, ws in batches(train, vocab, 32, rng):
            logits, seg = model(x, xw, xp)
            l = loss_fn(logits.reshape(-1, len(CLASSES)), y.reshape(-1)).reshape(y.shape)
            mask = (y != -100).float()
            l = ((l * mask).sum(1) / mask.sum(1).clamp(min=1) * wt).mean()
            l = l + args.segment_weight * (seg_loss(seg, target) * ws).mean()
            opt.zero_grad()
            l.backward()
            opt.step()
            sched.step()
            total += float(l)
            n += 1
            if n % 100 == 0:
                print(f"  epoch {epoch + 1} batch {n}: loss {total / n:.4f} ({time.time() - t0:.0f} s)", file=sys.stderr)
        res = segment_aucs(model, select, vocab)
        score = sum(a for a, _ in res.values()) / len(res)
        log.append(f"epoch {epoch + 1}: train loss {total / n:.4f}, selection AUC (segment head) {score:.4f}: "
                   + ", ".join(f"{k} {a:.3f} (span max {m:.3f})" for k, (a, m) in res.items())
                   + f"; {time.time() - t0:.0f} s")
        print(log[-1], file=sys.stderr)
        if score > best:
            best, best_state = score, {k: v.clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    model.eval()
    rep = segment_aucs(model, report, vocab)
    log.append("dev (reported, not selected on), segment head AUC: "
               + ", ".join(f"{k} {a:.3f} (span max {m:.3f})" for k, (a, m) in rep.items()))
    print(log[-1], file=sys.stderr)
    onnx_path = export(model, vocab, log, args.out)
    print(f"wrote {onnx_path} ({os.path.getsize(onnx_path) / 1e6:.2f} MB); best selection AUC {best:.4f}", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Trains the review's learned span detector and exports it to ONNX (see its model card,
src/main/resources/dragoman/review/span-detector.md).

A character CNN token tagger: each character of a German segment gets a class, 'ok' or one of the
corruption classes of eval/review_corrupt.py, or 'mt-error' (a word MLQE-PE's post-editors changed).
Input: character ids; output: logits [batch, chars, classes]. Trained on the train split only
(eval/data/review-corrupt/train.jsonl and MLQE-PE en-de train); the dev corruptions pick the epoch.

Run with Debian's python3-torch and python3-onnx: eval/review-train-detector [--epochs N] [--seed N]"""
import argparse
import json
import math
import os
import random
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


class SpanDetector(nn.Module):
    def __init__(self, vocab, dim=32, channels=64, classes=len(CLASSES)):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim, padding_idx=PAD)
        self.inp = nn.Conv1d(dim, channels, 5, padding=2)
        self.blocks = nn.ModuleList(nn.Conv1d(channels, channels, 3, padding=d, dilation=d) for d in (2, 4, 8, 16, 1))
        self.out = nn.Conv1d(channels, classes, 1)

    def forward(self, chars):
        x = self.embed(chars).transpose(1, 2)
        x = torch.relu(self.inp(x))
        for b in self.blocks:
            x = x + torch.relu(b(x))
        return self.out(x).transpose(1, 2)


def char_labels(text, spans):
    y = [0] * len(text)
    for a, b, cls in spans:
        for i in range(a, min(b, len(text))):
            y[i] = CLASSES.index(cls)
    return y


def examples():
    train, dev = [], []
    for name, out in (("train", train), ("dev", dev)):
        for line in open(os.path.join(rd.DATA, "review-corrupt", f"{name}.jsonl"), encoding="utf-8"):
            r = json.loads(line)
            out.append((r["text"], char_labels(r["text"], r["spans"]), 1.0, r["class"]))
    for row in rd.mlqe("train"):
        spans = [[a, b, "mt-error"] for (a, b), t in zip(row["mt_spans"], row["tags"]) if t == "BAD"]
        train.append((row["mt"], char_labels(row["mt"], spans), 0.5, "mlqe"))
    return train, dev


def encode(text, vocab):
    return [vocab.get(c, UNK) for c in text[:MAX_CHARS]]


def batches(data, vocab, size, rng):
    order = sorted(range(len(data)), key=lambda i: len(data[i][0]) + rng.random() * 20)
    groups = [order[i:i + size] for i in range(0, len(order), size)]
    rng.shuffle(groups)
    for g in groups:
        n = max(min(len(data[i][0]), MAX_CHARS) for i in g)
        x = torch.zeros(len(g), n, dtype=torch.long)
        y = torch.full((len(g), n), -100, dtype=torch.long)
        w = torch.zeros(len(g))
        for k, i in enumerate(g):
            ids = encode(data[i][0], vocab)
            x[k, :len(ids)] = torch.tensor(ids)
            y[k, :len(ids)] = torch.tensor(data[i][1][:len(ids)])
            w[k] = data[i][2]
        yield x, y, w


def bad_prob(model, texts, vocab):
    """max over characters of P(not ok): the segment's detector probability."""
    model.eval()
    out = []
    with torch.no_grad():
        for t in texts:
            ids = encode(t, vocab) or [UNK]
            p = torch.softmax(model(torch.tensor([ids])), -1)[0]
            out.append(float((1 - p[:, 0]).max()))
    return out


def auc(scores, labels):
    pos = [s for s, l in zip(scores, labels) if l]
    neg = [s for s, l in zip(scores, labels) if not l]
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=20261201)
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    train, dev = examples()
    counts = {}
    for t, _, _, _ in train:
        for c in t:
            counts[c] = counts.get(c, 0) + 1
    chars = sorted(c for c, n in counts.items() if n >= 3)
    vocab = {c: i + 2 for i, c in enumerate(chars)}
    model = SpanDetector(len(vocab) + 2)
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    weight = torch.tensor([1.0] + [4.0] * (len(CLASSES) - 1))
    loss_fn = nn.CrossEntropyLoss(weight=weight, reduction="none", ignore_index=-100)
    dev_texts = [d[0] for d in dev]
    dev_labels = [d[3] != "clean" for d in dev]
    best, best_state, log = -1, None, []
    for epoch in range(args.epochs):
        model.train()
        t0, total, n = time.time(), 0.0, 0
        for x, y, w in batches(train, vocab, 32, rng):
            logits = model(x)
            l = loss_fn(logits.reshape(-1, len(CLASSES)), y.reshape(-1)).reshape(y.shape)
            mask = (y != -100).float()
            l = ((l * mask).sum(1) / mask.sum(1).clamp(min=1) * w).mean()
            opt.zero_grad()
            l.backward()
            opt.step()
            total += float(l)
            n += 1
            if n % 100 == 0:
                print(f"  epoch {epoch + 1} batch {n}: loss {total / n:.4f} ({time.time() - t0:.0f} s)", file=sys.stderr)
        a = auc(bad_prob(model, dev_texts, vocab), dev_labels)
        log.append(f"epoch {epoch + 1}: train loss {total / n:.4f}, dev corruption AUC {a:.4f}, {time.time() - t0:.0f} s")
        print(log[-1], file=sys.stderr)
        if a > best:
            best, best_state = a, {k: v.clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    model.eval()
    os.makedirs(RES, exist_ok=True)
    onnx_path = os.path.join(RES, "span-detector.onnx")
    dummy = torch.tensor([encode("Der Hund schläft im Garten.", vocab)])
    torch.onnx.export(model, dummy, onnx_path, input_names=["chars"], output_names=["logits"],
                      dynamic_axes={"chars": {0: "batch", 1: "length"}, "logits": {0: "batch", 1: "length"}},
                      opset_version=13)
    meta = {"classes": CLASSES, "maxChars": MAX_CHARS, "unknown": UNK, "padding": PAD,
            "vocabulary": vocab, "trainedOn": "eval/review_detector.py: eval/data/review-corrupt/train.jsonl + MLQE-PE en-de train word tags",
            "log": log}
    with open(os.path.join(RES, "span-detector.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, indent=1, sort_keys=True)
    ref = ["Der Hund schläft im Garten.", "Die Polizei ist vorgegangen in der Nacht gegen die Demonstranten.",
           "Sie kam spät ,blieb aber lange.", "Er hat das Haus gestern gekauft Lesen Sie Mehr und ist zufrieden."]
    os.makedirs(TEST_RES, exist_ok=True)
    with open(os.path.join(TEST_RES, "span-detector-reference.json"), "w", encoding="utf-8") as f:
        json.dump([{"text": t, "badProbability": p} for t, p in zip(ref, bad_prob(model, ref, vocab))], f,
                  ensure_ascii=False, indent=1)
    print(f"wrote {onnx_path} ({os.path.getsize(onnx_path) / 1e6:.2f} MB); best dev AUC {best:.4f}", file=sys.stderr)


if __name__ == "__main__":
    main()

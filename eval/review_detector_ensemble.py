#!/usr/bin/env python3
"""Averages span detectors trained by eval/review_detector.py into one ONNX model: the per-character class
logits and the segment logit are the members' means. A member that reads no parts of speech ignores the
`pos` input. Reads each member's span-detector.onnx/.json from the folders given, checks that they share
classes, maps the ensemble's character vocabulary (every member's characters) to each member's ids (a
character a member never saw is its unknown character), logs every member's and the ensemble's selection and dev AUCs (the same
sets the training script reports), and writes the ensemble to the shipped resources with the PyTorch outputs
SpanDetectorTest holds Java to.

eval/review-ensemble-detector DIR [DIR ...]   (after eval/review-train-detector --out DIR for each member)"""
import argparse
import json
import os
import random
import sys

import onnx
import torch
from onnx import numpy_helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import review_detector as rdet  # noqa: E402


def load_member(folder):
    """The PyTorch module a member's ONNX file was exported from (its initializers are the state dict)."""
    with open(os.path.join(folder, "span-detector.json"), encoding="utf-8") as f:
        meta = json.load(f)
    model = rdet.SpanDetector(len(meta["vocabulary"]) + 2, word_classes=meta["wordClasses"],
                              pos_classes=meta.get("posClasses", 0))
    graph = onnx.load(os.path.join(folder, "span-detector.onnx")).graph
    model.load_state_dict({i.name: torch.tensor(numpy_helper.to_array(i).copy()) for i in graph.initializer})
    model.eval()
    return model, meta


def union_vocabulary(vocabularies):
    """The first member's ids, then every other member's new characters, in their order."""
    out = dict(vocabularies[0])
    for v in vocabularies[1:]:
        for c in sorted(v, key=v.get):
            if c not in out:
                out[c] = len(out) + 2
    return out


def id_map(union, member):
    """union id -> member id, as a tensor (padding and unknown keep their ids)."""
    table = [rdet.PAD, rdet.UNK] + [0] * len(union)
    for c, i in union.items():
        table[i] = member.get(c, rdet.UNK)
    return torch.tensor(table, dtype=torch.long)


class Ensemble(torch.nn.Module):
    def __init__(self, members, maps):
        super().__init__()
        self.members = torch.nn.ModuleList(members)
        for k, m in enumerate(maps):
            self.register_buffer(f"chars{k}", m)
        self.word_classes = max(m.word_classes for m in members)
        self.pos_classes = max(m.pos_classes for m in members)

    def forward(self, chars, words, pos=None):
        outs = []
        for k, m in enumerate(self.members):
            ids = getattr(self, f"chars{k}")[chars]
            outs.append(m(ids, words, pos) if m.pos_classes else m(ids, words))
        return (sum(o[0] for o in outs) / len(outs), sum(o[1] for o in outs) / len(outs))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("members", nargs="+", help="folders with a member's span-detector.onnx and .json")
    ap.add_argument("--seed", type=int, default=20261201, help="the training runs' --seed (selects the same sets)")
    args = ap.parse_args()
    loaded = [load_member(d) for d in args.members]
    first = loaded[0][1]
    for _, meta in loaded[1:]:
        if meta["classes"] != first["classes"] or meta["maxChars"] != first["maxChars"]:
            sys.exit("review_detector_ensemble: members differ in classes or window")
    vocab = union_vocabulary([meta["vocabulary"] for _, meta in loaded])
    model = Ensemble([m for m, _ in loaded], [id_map(vocab, meta["vocabulary"]) for _, meta in loaded])
    model.eval()
    select = rdet.selection_sets(random.Random(args.seed + 1))
    report = rdet.report_sets(random.Random(args.seed + 2))
    rdet.java_inputs([t for v in list(select.values()) + list(report.values()) for t, _ in v]
                     + rdet.REFERENCE_TEXTS)
    log = []
    for k, (_, meta) in enumerate(loaded, 1):
        log += [f"member {k} ({'characters, word classes, parts of speech' if meta.get('posClasses') else 'characters, word classes'}): {line}"
                for line in meta["log"]]
    for title, sets in (("selection", select), ("dev (reported, not selected on)", report)):
        res = rdet.segment_aucs(model, sets, vocab)
        log.append(f"ensemble of {len(loaded)}, {title}: mean segment head AUC "
                   f"{sum(a for a, _ in res.values()) / len(res):.4f}: "
                   + ", ".join(f"{k} {a:.3f} (span max {m:.3f})" for k, (a, m) in res.items()))
        print(log[-1], file=sys.stderr)
    path = rdet.export(model, vocab, log, rdet.RES,
                       trained_on=f"eval/review_detector_ensemble.py: the mean of {len(loaded)} members, each "
                                  + first["trainedOn"])
    print(f"wrote {path} ({os.path.getsize(path) / 1e6:.2f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()

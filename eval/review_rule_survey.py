"""Which LanguageTool German rules are worth running in review: runs every rule (eval/tools/RuleSurvey.java)
over a sample of the corruption generator's training split (250 corrupted sentences per class, 1,500 clean) and
over the calibration halves of the dev sets (machine vs human), and prints per rule how often it overlaps a
corrupted span, how often it fires on clean sentences, and its rate on machine vs human lines. Nothing from a
held-out half or a test set is read. GrammarDetector's rule list was chosen from these tables."""

import collections
import json
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import review_data as rd  # noqa: E402
import review_general as rg  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def survey(records):
    cp = open(os.path.join(ROOT, "target", "runtime-classpath.txt")).read().strip()
    tool = os.path.join(ROOT, "eval", "tools", "RuleSurvey.java")
    inp = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    out = subprocess.run(["java", "-Xmx3g", "-cp", cp, tool, "2"], input=inp, capture_output=True, text=True,
                         check=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def training_table(rows):
    n = collections.Counter(r["class"] for r in rows)
    in_span = collections.defaultdict(collections.Counter)
    fired = collections.defaultdict(collections.Counter)
    for r in rows:
        for rule in {m[0] for m in r["matches"]}:
            fired[rule][r["class"]] += 1
        for rule in {m[0] for m in r["matches"] for s, e, _ in r["spans"] if m[1] <= e and m[2] >= s}:
            in_span[rule][r["class"]] += 1
    print(f"training split sample: {dict(n)}")
    print(f"{'rule':42s} {'in span':>7s} {'clean rate':>10s}  per class")
    table = sorted(((sum(in_span[k].values()), fired[k]["clean"] / n["clean"], k) for k in fired), reverse=True)
    for tp, fp, k in table:
        if tp:
            print(f"{k:42s} {tp:7d} {fp:10.3f}  {dict(in_span[k])}")


def calibration_table(rows):
    n = collections.Counter((r["set"], r["label"]) for r in rows)
    fired = collections.defaultdict(collections.Counter)
    for r in rows:
        for rule in {m[0] for m in r["matches"]}:
            fired[rule][(r["set"], r["label"])] += 1
    names = sorted({r["set"] for r in rows})
    print("\ncalibration halves, lines fired machine/human: " + ", ".join(
        f"{s} {n[(s, 1)]}/{n[(s, 0)]}" for s in names))
    for k in sorted(fired, key=lambda k: -sum(fired[k][(s, 1)] / n[(s, 1)] - fired[k][(s, 0)] / n[(s, 0)]
                                              for s in names)):
        print(f"{k:42s} " + "  ".join(f"{s} {fired[k][(s, 1)]}/{fired[k][(s, 0)]}" for s in names))


def main():
    random.seed(7)
    by = collections.defaultdict(list)
    with open(os.path.join(rd.DATA, "review-corrupt", "train.jsonl"), encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            by[r["class"]].append(r)
    sample = []
    for c in sorted(by):
        sample += random.sample(by[c], min(1500 if c == "clean" else 250, len(by[c])))
    training_table(survey(sample))
    cal = []
    for name, items in (("textberg-fit", rg.textberg_items(True)), ("mlqe-fit", rg.mlqe_items(0, 500)),
                        ("wmt21-ende-fit", rg.wmt21_ende_items(400, 500, per_line=3))):
        cal += [dict(id=f"{name}.{i}", set=name, label=it["label"], text=it["text"].replace("\n", " ").strip())
                for i, it in enumerate(items)]
    calibration_table(survey(cal))


if __name__ == "__main__":
    main()
